package org.dyad.infra.axon;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.dyad.application.shared.AfterCommit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ViewFlushingTokenStoreTest {

    private final AtomicInteger extensions = new AtomicInteger();
    private final List<String> told = new ArrayList<>();
    private final List<String> toldWhenTokenStored = new ArrayList<>();
    private final ViewFlushingTokenStore store = new ViewFlushingTokenStore(new InMemoryTokenStore() {
        @Override
        public void extendClaim(String processorName, int segment) {
            extensions.incrementAndGet();
            super.extendClaim(processorName, segment);
        }

        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            toldWhenTokenStored.addAll(told);
            super.storeToken(token, processorName, segment);
        }
    });

    @Test
    void thoseWaitingForTheBatchsViewsAreToldBeforeItsTokenIsStored() throws Exception {
        store.initializeTokenSegments("views", 1);
        store.fetchToken("views", 0);
        new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("changed"))).executeWithResult(() -> {
            AfterCommit.runOnceViewsWritten(() -> told.add("case-1"));
            CurrentUnitOfWork.get().onPrepareCommit(u -> store.storeToken(new GlobalSequenceTrackingToken(1), "views", 0));
            return null;
        });
        assertThat(toldWhenTokenStored).containsExactly("case-1");
        assertThat(told).containsExactly("case-1");
    }

    @Test
    void aClaimWrittenMomentsAgoIsNotWrittenAgainBeforeEveryBatch() {
        store.initializeTokenSegments("views", 2);
        store.fetchToken("views", 0);
        store.fetchToken("views", 1);

        store.extendClaim("views", 0);
        store.extendClaim("views", 0);
        store.extendClaim("views", 0);
        assertThat(extensions).hasValue(1);

        // Another segment's claim is its own; a stored token counts as a written claim.
        store.extendClaim("views", 1);
        assertThat(extensions).hasValue(2);
        store.storeToken(new GlobalSequenceTrackingToken(5), "views", 0);
        store.extendClaim("views", 0);
        assertThat(extensions).hasValue(2);

        // A released claim is written again when it is next extended.
        store.releaseClaim("views", 0);
        store.fetchToken("views", 0);
        store.extendClaim("views", 0);
        assertThat(extensions).hasValue(3);
    }
}
