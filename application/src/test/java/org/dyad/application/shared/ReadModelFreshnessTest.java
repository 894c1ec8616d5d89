package org.dyad.application.shared;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelFreshnessTest {

    /** A poll this long would fail the tests that expect a change to end the wait. */
    private final ReadModelFreshness freshness = new ReadModelFreshness(Duration.ofSeconds(30));

    @Test
    void aChangeThisNodeProjectedEndsTheWaitWithoutReadingTheStoreAgain() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch firstRead = new CountDownLatch(1);
        Thread projection = new Thread(() -> {
            await(firstRead);
            freshness.changed("case-1", 5);
        });
        projection.start();
        long start = System.nanoTime();
        boolean fresh = freshness.await("case-1", () -> {
            reads.incrementAndGet();
            firstRead.countDown();
            return 4;
        }, 5, Duration.ofSeconds(20));
        assertThat(fresh).isTrue();
        assertThat(reads).hasValue(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        projection.join();
    }

    @Test
    void aChangeThatComesWhileTheVersionIsReadIsNotMissed() {
        long start = System.nanoTime();
        boolean fresh = freshness.await("case-1", () -> {
            freshness.changed("case-1", 5); // the projection stores the view while this read is under way
            return 4;
        }, 5, Duration.ofSeconds(20));
        assertThat(fresh).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anOlderVersionOrAnotherViewDoesNotEndTheWait() {
        ReadModelFreshness polling = new ReadModelFreshness(Duration.ofMillis(10));
        polling.changed("case-1", 4);
        polling.changed("case-2", 9);
        assertThat(polling.await("case-1", () -> 4, 5, Duration.ofMillis(100))).isFalse();
    }

    @Test
    void aViewProjectedOnAnotherNodeIsFoundByPollingTheStore() {
        ReadModelFreshness polling = new ReadModelFreshness(Duration.ofMillis(10));
        AtomicInteger reads = new AtomicInteger();
        assertThat(polling.await("case-1", () -> reads.incrementAndGet() >= 3 ? 5 : 4, 5, Duration.ofSeconds(20)))
                .isTrue();
        assertThat(reads).hasValue(3);
    }

    @Test
    void aViewThatNeverCatchesUpTimesOut() {
        assertThat(new ReadModelFreshness(Duration.ofMillis(10)).await("case-1", () -> 1, 2, Duration.ofMillis(100)))
                .isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
