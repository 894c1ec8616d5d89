package org.dyad.application.quality;

import java.time.Instant;

/** A stretch of one measure in clinical time; {@code to} null while it goes on. */
public record RestrictivePeriod(Measure measure, Instant from, Instant to) {
}
