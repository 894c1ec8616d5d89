package org.dyad.domain.cotreatment;

import org.dyad.domain.shared.Sensitivity;

import java.time.Instant;
import java.util.List;

/** What happened in a co-treatment session. */
public sealed interface SessionEvent {

    String sessionId();

    record SessionScheduled(String sessionId, String caseId, Instant scheduledFor, String place, String peerId,
                            String psychiatristId, String personServedId) implements SessionEvent {
    }

    record SessionRescheduled(String sessionId, String caseId, Instant scheduledFor, String place)
            implements SessionEvent {
    }

    record SessionCancelled(String sessionId, String caseId, String reason) implements SessionEvent {
    }

    record SessionStarted(String sessionId, String caseId, Instant at, Instant recordedAt) implements SessionEvent {
    }

    record ParticipantJoined(String sessionId, String caseId, String participantId, ParticipantRole role, Instant at,
                             Instant recordedAt) implements SessionEvent {
    }

    record ParticipantLeft(String sessionId, String caseId, String participantId, Instant at, Instant recordedAt)
            implements SessionEvent {
    }

    /**
     * {@code kind} says what the session was; {@code peerServed} and {@code psychiatristServed} say who provided a
     * service, so same-day services by both can be billed.
     */
    record SessionEnded(String sessionId, String caseId, Instant at, Instant recordedAt, SessionKind kind,
                        List<Attendance> attendance, boolean peerServed, boolean psychiatristServed)
            implements SessionEvent {
    }

    record NoteWritten(String sessionId, String caseId, String authorId, ParticipantRole authorRole, String text,
                       Sensitivity category) implements SessionEvent {

        public NoteWritten(String sessionId, String caseId, String authorId, ParticipantRole authorRole, String text) {
            this(sessionId, caseId, authorId, authorRole, text, Sensitivity.defaultForNoteBy(authorRole.name()));
        }
    }

    record NoteSigned(String sessionId, String caseId, String authorId, Instant signedAt) implements SessionEvent {
    }

    record NoteAmended(String sessionId, String caseId, String authorId, String text, String reason)
            implements SessionEvent {
    }

    record DifferingViewRecorded(String sessionId, String caseId, String peerId, String text, Sensitivity category)
            implements SessionEvent {

        public DifferingViewRecorded(String sessionId, String caseId, String peerId, String text) {
            this(sessionId, caseId, peerId, text, Sensitivity.GENERAL);
        }
    }
}
