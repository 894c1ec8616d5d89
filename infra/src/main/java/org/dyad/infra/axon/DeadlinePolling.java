package org.dyad.infra.axon;

import java.time.Duration;

/**
 * How the deadline poller works: it looks for due deadlines {@code every} so often, holds a claimed deadline for
 * {@code claimFor} (after that another node may take it over), and retries a failed one after {@code firstRetry},
 * doubling each time up to {@code mostBetweenRetries}. Claims and retries run on wall-clock time, not on the
 * application's clock, so moving that clock cannot make a failing deadline spin.
 */
public record DeadlinePolling(Duration every, Duration claimFor, Duration firstRetry, Duration mostBetweenRetries) {

    public DeadlinePolling {
        if (every.isNegative() || every.isZero() || firstRetry.isNegative() || firstRetry.isZero()
                || claimFor.compareTo(every) <= 0 || mostBetweenRetries.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("Unworkable deadline polling: " + this);
        }
    }

    public static DeadlinePolling every(Duration every) {
        return new DeadlinePolling(every, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    public DeadlinePolling withFirstRetry(Duration firstRetry) {
        return new DeadlinePolling(every, claimFor, firstRetry, mostBetweenRetries);
    }

    /** Wait before attempt {@code failedAttempts + 1}. */
    Duration backoffAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration backoff = firstRetry.multipliedBy(1L << doublings);
        return backoff.compareTo(mostBetweenRetries) > 0 ? mostBetweenRetries : backoff;
    }
}
