package org.dyad.application.quality;

import java.time.Instant;

/** A pass off the unit; {@code to} null while the person is still away. */
public record Leave(Instant from, Instant to) {
}
