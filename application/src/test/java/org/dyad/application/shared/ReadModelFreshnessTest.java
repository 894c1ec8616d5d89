package org.dyad.application.shared;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelFreshnessTest {

    /** Reads this late would fail the tests that expect a change to end the wait. */
    private static final Duration NEVER = Duration.ofSeconds(30);

    @Test
    void aChangeThisNodeProjectedEndsTheWaitWithoutReadingTheStore() throws Exception {
        ReadModelFreshness freshness = new ReadModelFreshness(NEVER, NEVER);
        AtomicInteger reads = new AtomicInteger();
        Thread projection = new Thread(() -> freshness.changed("case-1", 5));
        long start = System.nanoTime();
        projection.start();
        boolean fresh = freshness.await("case-1", () -> {
            reads.incrementAndGet();
            return 4;
        }, 5, Duration.ofSeconds(20));
        assertThat(fresh).isTrue();
        assertThat(reads).hasValue(0);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        projection.join();
    }

    @Test
    void aChangeThatComesWhileTheVersionIsReadIsNotMissed() {
        ReadModelFreshness freshness = new ReadModelFreshness(Duration.ZERO, NEVER);
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
        ReadModelFreshness polling = new ReadModelFreshness(Duration.ofMillis(10), Duration.ofMillis(10));
        polling.changed("case-1", 4);
        polling.changed("case-2", 9);
        assertThat(polling.await("case-1", () -> 4, 5, Duration.ofMillis(100))).isFalse();
    }

    @Test
    void aViewProjectedOnAnotherNodeIsFoundByPollingTheStore() {
        ReadModelFreshness polling = new ReadModelFreshness(Duration.ofMillis(10), Duration.ofMillis(10));
        AtomicInteger reads = new AtomicInteger();
        assertThat(polling.await("case-1", () -> reads.incrementAndGet() >= 3 ? 5 : 4, 5, Duration.ofSeconds(20)))
                .isTrue();
        assertThat(reads).hasValue(3);
    }

    @Test
    void aViewThatNeverCatchesUpTimesOut() {
        ReadModelFreshness polling = new ReadModelFreshness(Duration.ofMillis(10), Duration.ofMillis(10));
        assertThat(polling.await("case-1", () -> 1, 2, Duration.ofMillis(100))).isFalse();
    }

    @Test
    void aChangeEndsEveryWaitForItsViewAndNoOther() throws Exception {
        ReadModelFreshness freshness = new ReadModelFreshness(NEVER, NEVER);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(
                () -> freshness.await("case-1", () -> 0, 5, Duration.ofSeconds(20)));
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(
                () -> freshness.await("case-1", () -> 0, 5, Duration.ofSeconds(20)));
        CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(
                () -> freshness.await("case-2", () -> 0, 5, Duration.ofSeconds(20)));
        await().atMost(Duration.ofSeconds(10)).until(() -> freshness.waitedForViews() == 2);

        freshness.changed("case-1", 5);
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(other).isNotDone();
        assertThat(freshness.waitedForViews()).isEqualTo(1);

        freshness.changed("case-2", 5);
        assertThat(other.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(freshness.waitedForViews()).isZero();
    }
}
