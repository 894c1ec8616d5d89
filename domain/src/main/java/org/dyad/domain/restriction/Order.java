package org.dyad.domain.restriction;

import java.time.Duration;
import java.time.Instant;

/**
 * A prescriber's order for restraint or seclusion. {@code validFor} may be shorter than the law's limit for the
 * person's age (null: the limit); {@code inPersonEvaluation} says the prescriber saw the person before writing it.
 */
public record Order(String prescriberId, OrderType type, Instant orderedAt, Duration validFor,
                    boolean inPersonEvaluation) {
}
