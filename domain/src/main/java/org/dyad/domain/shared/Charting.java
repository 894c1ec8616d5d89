package org.dyad.domain.shared;

import java.time.Duration;
import java.time.Instant;

/** Care charted after the fact keeps its clinical time; an entry charted much later is marked late. */
public final class Charting {

    public static final Duration LATE_AFTER = Duration.ofHours(1);

    private Charting() {
    }

    public static boolean isLate(Instant occurredAt, Instant recordedAt) {
        return occurredAt != null && recordedAt != null && Duration.between(occurredAt, recordedAt).compareTo(LATE_AFTER) > 0;
    }
}
