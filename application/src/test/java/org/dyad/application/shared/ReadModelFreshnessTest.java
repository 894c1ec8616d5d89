package org.dyad.application.shared;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelFreshnessTest {

    /** A poll this long would fail the test: only the signal may end the wait. */
    private final ReadModelFreshness freshness = new ReadModelFreshness(Duration.ofSeconds(30));

    @Test
    void aSignalThatComesWhileTheVersionIsReadIsNotMissed() {
        AtomicInteger reads = new AtomicInteger();
        long start = System.nanoTime();
        boolean fresh = freshness.await(() -> {
            if (reads.incrementAndGet() == 1) {
                freshness.changed(); // the projection stores the view while this read is under way
                return 4;
            }
            return 5;
        }, 5, Duration.ofSeconds(20));
        assertThat(fresh).isTrue();
        assertThat(reads).hasValue(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aSignalFromAnotherThreadEndsTheWait() throws Exception {
        AtomicInteger stored = new AtomicInteger(0);
        Thread projection = new Thread(() -> {
            sleep(200);
            stored.set(3);
            freshness.changed();
        });
        projection.start();
        long start = System.nanoTime();
        assertThat(freshness.await(stored::get, 3, Duration.ofSeconds(20))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        projection.join();
    }

    @Test
    void aViewThatNeverCatchesUpTimesOut() {
        assertThat(new ReadModelFreshness(Duration.ofMillis(10)).await(() -> 1, 2, Duration.ofMillis(100))).isFalse();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
