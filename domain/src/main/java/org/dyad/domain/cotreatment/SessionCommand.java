package org.dyad.domain.cotreatment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.dyad.domain.shared.Sensitivity;

import java.time.Instant;

/** What can be asked of a co-treatment session. Who asks travels in the metadata. */
public sealed interface SessionCommand {

    String sessionId();

    /** The dyad and the person are the expected participants. */
    record ScheduleSession(@TargetAggregateIdentifier String sessionId, String caseId, Instant scheduledFor,
                           String place, String peerId, String psychiatristId, String personServedId)
            implements SessionCommand {
    }

    record RescheduleSession(@TargetAggregateIdentifier String sessionId, Instant scheduledFor, String place)
            implements SessionCommand {
    }

    record CancelSession(@TargetAggregateIdentifier String sessionId, String reason) implements SessionCommand {
    }

    record StartSession(@TargetAggregateIdentifier String sessionId, Instant at, Instant recordedAt)
            implements SessionCommand {
    }

    record JoinSession(@TargetAggregateIdentifier String sessionId, String participantId, ParticipantRole role,
                       Instant at, Instant recordedAt) implements SessionCommand {
    }

    record LeaveSession(@TargetAggregateIdentifier String sessionId, String participantId, Instant at,
                        Instant recordedAt) implements SessionCommand {
    }

    record EndSession(@TargetAggregateIdentifier String sessionId, Instant at, Instant recordedAt)
            implements SessionCommand {
    }

    /**
     * A clinician writes or rewrites their own unsigned note. Without a category, a peer's note is
     * {@code PEER_CONFIDENTIAL} and a psychiatrist's {@code PSYCHIATRIC}.
     */
    record WriteNote(@TargetAggregateIdentifier String sessionId, String authorId, ParticipantRole authorRole,
                     String text, Sensitivity category) implements SessionCommand {

        public WriteNote(String sessionId, String authorId, ParticipantRole authorRole, String text) {
            this(sessionId, authorId, authorRole, text, null);
        }
    }

    record SignNote(@TargetAggregateIdentifier String sessionId, String authorId, Instant signedAt)
            implements SessionCommand {
    }

    /** A signed note changes only by an amendment with a reason. */
    record AmendNote(@TargetAggregateIdentifier String sessionId, String authorId, String text, String reason)
            implements SessionCommand {
    }

    /** Always refused: each clinician signs only their own note. Kept so the refusal is explained, not hidden. */
    record CoSignNote(@TargetAggregateIdentifier String sessionId, String signerId, String noteAuthorId)
            implements SessionCommand {
    }

    /** The peer's own view, beside the psychiatrist's note, not under it; for the team unless the peer says otherwise. */
    record RecordDifferingView(@TargetAggregateIdentifier String sessionId, String peerId, String text,
                               Sensitivity category) implements SessionCommand {

        public RecordDifferingView(String sessionId, String peerId, String text) {
            this(sessionId, peerId, text, null);
        }
    }
}
