package org.dyad.infra.axon;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.dyad.application.shared.AfterCommit;
import org.dyad.infra.readmodel.ViewWriter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
    }, new ViewWriter(), 1000);

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
    void aFullBatchsTokenIsStoredAfterItsViewsAndItsAnnouncementsWaitForThemWhileTheProcessorGoesOn()
            throws Exception {
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        CountDownLatch gate = new CountDownLatch(1);
        thread.execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ViewWriter writer = new ViewWriter(thread);
        ViewFlushingTokenStore behind = new ViewFlushingTokenStore(tokens, writer, 2);
        behind.initializeTokenSegments("views", 1);
        behind.fetchToken("views", 0);
        List<String> announced = new CopyOnWriteArrayList<>();
        try {
            new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("one"),
                    GenericEventMessage.asEventMessage("two"))).executeWithResult(() -> {
                // Runs for each event of the batch; the processor stores its token once.
                if (CurrentUnitOfWork.get().getMessage().getPayload().equals("two")) {
                    AfterCommit.runOnceViewsWritten(() -> announced.add("waiting command"));
                    AfterCommit.run(() -> announced.add("screens"));
                    CurrentUnitOfWork.get().onPrepareCommit(u -> behind.storeToken(new GlobalSequenceTrackingToken(2), "views", 0));
                }
                return null;
            });
            // The batch has committed; its views and token are still to be written.
            assertThat(announced).isEmpty();
            assertThat(tokens.fetchToken("views", 0)).isNull();

            // A batch that is not full waits for the one before it.
            CompletableFuture<Void> partial = CompletableFuture.runAsync(() -> {
                try {
                    new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("three"))).executeWithResult(() -> {
                        CurrentUnitOfWork.get().onPrepareCommit(u -> behind.storeToken(new GlobalSequenceTrackingToken(3), "views", 0));
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> !partial.isDone());

            gate.countDown();
            partial.get(10, TimeUnit.SECONDS);
            assertThat(announced).containsExactly("waiting command", "screens");
            assertThat(tokens.fetchToken("views", 0)).isEqualTo(new GlobalSequenceTrackingToken(3));
        } finally {
            gate.countDown();
            writer.destroy();
            thread.shutdownNow();
        }
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
