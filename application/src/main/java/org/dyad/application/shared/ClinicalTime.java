package org.dyad.application.shared;

import java.time.Instant;

/** When something happened, as charted: now unless given, and never later than now (field {@code at} otherwise). */
public final class ClinicalTime {

    private ClinicalTime() {
    }

    public static Instant of(Instant given, Instant now, String field) {
        if (given == null) {
            return now;
        }
        if (given.isAfter(now)) {
            throw new InvalidInput(field, "The time it happened is in the future.");
        }
        return given;
    }
}
