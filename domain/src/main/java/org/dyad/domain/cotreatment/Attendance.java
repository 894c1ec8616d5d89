package org.dyad.domain.cotreatment;

import java.time.Instant;

/** One stretch of time a participant was in the session; {@code leftAt} null while still there. */
public record Attendance(String participantId, ParticipantRole role, Instant joinedAt, Instant leftAt) {

    boolean overlaps(Instant from, Instant to) {
        Instant end = leftAt == null ? to : leftAt;
        return joinedAt.isBefore(to) && end.isAfter(from);
    }
}
