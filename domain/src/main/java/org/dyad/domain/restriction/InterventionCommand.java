package org.dyad.domain.restriction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * What can be asked of a restrictive intervention. Every clinical moment comes with the time it was charted
 * ({@code recordedAt}); clocks run from the clinical time. {@code zone} is the unit's, for business days.
 */
public sealed interface InterventionCommand {

    String interventionId();

    record StartIntervention(@TargetAggregateIdentifier String interventionId, String caseId, InterventionKind kind,
                             boolean softTwoPointWristRestraint, String imminentRisk, List<String> alternativesTried,
                             Order order, LocalDate personDateOfBirth, ZoneId zone, Instant startedAt,
                             Instant recordedAt) implements InterventionCommand {
    }

    record RecordFaceToFaceEvaluation(@TargetAggregateIdentifier String interventionId, String evaluatorId,
                                      String findings, Instant evaluatedAt, Instant recordedAt)
            implements InterventionCommand {
    }

    record RecordMonitoring(@TargetAggregateIdentifier String interventionId, String observerId, String observation,
                            Instant observedAt, Instant recordedAt) implements InterventionCommand {
    }

    record RenewOrder(@TargetAggregateIdentifier String interventionId, Order order, Instant recordedAt)
            implements InterventionCommand {
    }

    /** From {@code changedAt} these measures are in place, e.g. restraint replaced by seclusion. */
    record ChangeMeasures(@TargetAggregateIdentifier String interventionId, Set<InterventionKind> measures,
                          Instant changedAt, Instant recordedAt) implements InterventionCommand {
    }

    record EndIntervention(@TargetAggregateIdentifier String interventionId, Instant endedAt, Instant recordedAt)
            implements InterventionCommand {
    }

    record RecordInjury(@TargetAggregateIdentifier String interventionId, InjuredParty injured, String description,
                        Instant occurredAt, Instant recordedAt) implements InterventionCommand {
    }

    record RecordDeath(@TargetAggregateIdentifier String interventionId, Instant diedAt,
                       boolean measureMayHaveContributed, Instant recordedAt) implements InterventionCommand {
    }

    record RecordDeathReport(@TargetAggregateIdentifier String interventionId, String reportedBy, Instant reportedAt,
                             Instant recordedAt) implements InterventionCommand {
    }

    /** Held after the end with the peer present: the person's account stands first, beside the team's. */
    record RecordDebrief(@TargetAggregateIdentifier String interventionId, String peerId, String personsAccount,
                         String whatWouldHaveHelped, String teamAccount, String whatToChange, Instant heldAt,
                         Instant recordedAt) implements InterventionCommand {
    }

    /** The person's own account, added whenever they choose. */
    record AddPersonsAccount(@TargetAggregateIdentifier String interventionId, String account,
                             String whatWouldHaveHelped, Instant recordedAt) implements InterventionCommand {
    }
}
