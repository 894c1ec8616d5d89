package org.dyad.domain.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What happened to a case. Actor, role, time and correlation travel in the metadata. */
public sealed interface CaseEvent {

    String caseId();

    record CaseOpened(String caseId, String preferredName, String pronouns, LocalDate dateOfBirth,
                      Setting setting, String unit, String personServedUserId, boolean restricted)
            implements CaseEvent {
    }

    record CareTeamMemberJoined(String caseId, String userId, CareTeamRole role) implements CaseEvent {
    }

    record CareTeamMemberLeft(String caseId, String userId) implements CaseEvent {
    }

    record DyadFormed(String caseId, String peerId, String psychiatristId) implements CaseEvent {
    }

    record DyadDissolved(String caseId, String peerId, String psychiatristId, String reason) implements CaseEvent {
    }

    record GoalsRecorded(String caseId, String whatMattersMost, List<String> goals,
                         List<String> personalMedicine) implements CaseEvent {
    }

    record AdvanceDirectiveRecorded(String caseId, AdvanceDirective directive) implements CaseEvent {
    }

    record WrapSummaryRecorded(String caseId, WrapSummary wrap) implements CaseEvent {
    }

    record PersonAdmitted(String caseId, Instant occurredAt, Instant recordedAt) implements CaseEvent {
    }

    record PersonDischarged(String caseId, Instant occurredAt, Instant recordedAt) implements CaseEvent {
    }

    record LeaveStarted(String caseId, Instant occurredAt, Instant recordedAt) implements CaseEvent {
    }

    record LeaveEnded(String caseId, Instant occurredAt, Instant recordedAt) implements CaseEvent {
    }

    record RecordRestricted(String caseId, String reason) implements CaseEvent {
    }

    record RecordRestrictionLifted(String caseId, String reason) implements CaseEvent {
    }

    record CaseClosed(String caseId, String reason) implements CaseEvent {
    }
}
