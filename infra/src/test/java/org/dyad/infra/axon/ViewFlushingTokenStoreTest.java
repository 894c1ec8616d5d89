package org.dyad.infra.axon;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ViewFlushingTokenStoreTest {

    private final AtomicInteger extensions = new AtomicInteger();
    private final ViewFlushingTokenStore store = new ViewFlushingTokenStore(new InMemoryTokenStore() {
        @Override
        public void extendClaim(String processorName, int segment) {
            extensions.incrementAndGet();
            super.extendClaim(processorName, segment);
        }
    });

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
