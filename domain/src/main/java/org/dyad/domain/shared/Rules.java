package org.dyad.domain.shared;

import java.time.Instant;

/** Checks every aggregate makes the same way, with the same words. */
public final class Rules {

    private Rules() {
    }

    public static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    public static void requireText(String text, String otherwise) {
        if (isBlank(text)) {
            throw new DomainRuleViolation(otherwise);
        }
    }

    /** Care is often charted afterwards, but never before it happens. */
    public static void requireNotInFuture(Instant occurredAt, Instant recordedAt) {
        if (occurredAt == null || recordedAt == null) {
            throw new DomainRuleViolation("Say when it happened.");
        }
        if (occurredAt.isAfter(recordedAt)) {
            throw new DomainRuleViolation("The time it happened cannot be later than the time it is recorded.");
        }
    }
}
