package org.dyad.application.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.dyad.application.shared.InvalidInput;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Where a state is asked for: as of an instant, or at an event named {@code <aggregateId>:<sequenceNumber>}; neither is now. */
record ReplayPoint(Instant asOf, String atEvent) {

    static ReplayPoint parse(String asOf, String atEvent) {
        boolean byTime = asOf != null && !asOf.isBlank();
        boolean byEvent = atEvent != null && !atEvent.isBlank();
        if (byTime && byEvent) {
            throw new InvalidInput("atEvent", "Ask as of an instant or at an event, not both.");
        }
        if (byEvent && !atEvent.strip().matches(".+:\\d+")) {
            throw new InvalidInput("atEvent", "'" + atEvent + "' is not an event named <aggregateId>:<sequenceNumber>.");
        }
        return new ReplayPoint(byTime ? instant(asOf.strip()) : null, byEvent ? atEvent.strip() : null);
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput("asOf", "'" + text + "' is not an ISO-8601 time with offset, e.g. 2026-11-23T14:05:00Z.");
        }
    }

    /** How many of the timeline's first events this point takes in. */
    int eventsUpTo(List<DomainEventMessage<?>> timeline) {
        if (asOf != null) {
            int n = 0;
            while (n < timeline.size() && !timeline.get(n).getTimestamp().isAfter(asOf)) {
                n++;
            }
            return n;
        }
        if (atEvent != null) {
            for (int i = 0; i < timeline.size(); i++) {
                if (CaseRecords.nameOf(timeline.get(i)).equals(atEvent)) {
                    return i + 1;
                }
            }
            throw new InvalidInput("atEvent", "There is no event " + atEvent + " in this case's record.");
        }
        return timeline.size();
    }
}
