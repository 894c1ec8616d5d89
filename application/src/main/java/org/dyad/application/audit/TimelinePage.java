package org.dyad.application.audit;

import java.util.List;

/** Entries {@code offset} onwards of a case's timeline of {@code total} events. */
public record TimelinePage(int total, int offset, List<TimelineEntry> entries) {
}
