package org.dyad.domain.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What can be asked of a case. Who asks travels in the message's metadata, never here. */
public sealed interface CaseCommand {

    String caseId();

    /**
     * {@code openedBy} joins the care team in {@code openerRole}. A case opened {@code restricted} is never
     * visible to colleagues by role alone, not even for a moment.
     */
    record OpenCase(@TargetAggregateIdentifier String caseId, String preferredName, String pronouns,
                    LocalDate dateOfBirth, Setting setting, String unit, String personServedUserId,
                    String openedBy, CareTeamRole openerRole, boolean restricted) implements CaseCommand {
    }

    record JoinCareTeam(@TargetAggregateIdentifier String caseId, String userId, CareTeamRole role)
            implements CaseCommand {
    }

    record LeaveCareTeam(@TargetAggregateIdentifier String caseId, String userId) implements CaseCommand {
    }

    record FormDyad(@TargetAggregateIdentifier String caseId, String peerId, String psychiatristId)
            implements CaseCommand {
    }

    record DissolveDyad(@TargetAggregateIdentifier String caseId, String reason) implements CaseCommand {
    }

    record RecordGoals(@TargetAggregateIdentifier String caseId, String whatMattersMost, List<String> goals,
                       List<String> personalMedicine) implements CaseCommand {
    }

    record RecordAdvanceDirective(@TargetAggregateIdentifier String caseId, AdvanceDirective directive)
            implements CaseCommand {
    }

    record RecordWrapSummary(@TargetAggregateIdentifier String caseId, WrapSummary wrap) implements CaseCommand {
    }

    /** {@code occurredAt} is the clinical time; {@code recordedAt} when it was charted. */
    record AdmitPerson(@TargetAggregateIdentifier String caseId, Instant occurredAt, Instant recordedAt)
            implements CaseCommand {
    }

    record DischargePerson(@TargetAggregateIdentifier String caseId, Instant occurredAt, Instant recordedAt)
            implements CaseCommand {
    }

    /** The person leaves the unit for a while (a pass) and stays admitted. */
    record StartLeave(@TargetAggregateIdentifier String caseId, Instant occurredAt, Instant recordedAt)
            implements CaseCommand {
    }

    record EndLeave(@TargetAggregateIdentifier String caseId, Instant occurredAt, Instant recordedAt)
            implements CaseCommand {
    }

    record RestrictRecord(@TargetAggregateIdentifier String caseId, String reason) implements CaseCommand {
    }

    record LiftRecordRestriction(@TargetAggregateIdentifier String caseId, String reason) implements CaseCommand {
    }

    record CloseCase(@TargetAggregateIdentifier String caseId, String reason) implements CaseCommand {
    }
}
