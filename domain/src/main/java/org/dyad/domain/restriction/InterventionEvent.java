package org.dyad.domain.restriction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** What happened in a restrictive intervention, with clinical and charting times, and its clocks' due times. */
public sealed interface InterventionEvent {

    String interventionId();

    record InterventionStarted(String interventionId, String caseId, InterventionKind kind,
                               boolean softTwoPointWristRestraint, String imminentRisk, List<String> alternativesTried,
                               Order order, Instant orderExpiresAt, Instant faceToFaceDueBy,
                               LocalDate personDateOfBirth, ZoneId zone, Instant startedAt, Instant recordedAt)
            implements InterventionEvent {
    }

    record FaceToFaceEvaluationRecorded(String interventionId, String evaluatorId, String findings,
                                        Instant evaluatedAt, Instant recordedAt, boolean withinTheHour)
            implements InterventionEvent {
    }

    record MonitoringRecorded(String interventionId, String observerId, String observation, Instant observedAt,
                              Instant recordedAt) implements InterventionEvent {
    }

    record OrderRenewed(String interventionId, Order order, Instant orderExpiresAt, Instant recordedAt)
            implements InterventionEvent {
    }

    record MeasuresChanged(String interventionId, Set<InterventionKind> measures, Instant changedAt,
                           Instant recordedAt) implements InterventionEvent {
    }

    record InterventionEnded(String interventionId, Instant endedAt, Instant recordedAt, Instant debriefDueBy)
            implements InterventionEvent {
    }

    record InjuryRecorded(String interventionId, InjuredParty injured, String description, Instant occurredAt,
                          Instant recordedAt) implements InterventionEvent {
    }

    record DeathRecorded(String interventionId, Instant diedAt, boolean measureMayHaveContributed,
                         DeathReporting reporting, Instant reportDueBy, Instant recordedAt)
            implements InterventionEvent {
    }

    record DeathReported(String interventionId, DeathReporting reporting, String reportedBy, Instant reportedAt,
                         Instant recordedAt, boolean inTime) implements InterventionEvent {
    }

    record DebriefRecorded(String interventionId, String peerId, String personsAccount, String whatWouldHaveHelped,
                           String teamAccount, String whatToChange, Instant heldAt, Instant recordedAt,
                           boolean withinTheDay) implements InterventionEvent {
    }

    record PersonsAccountAdded(String interventionId, String account, String whatWouldHaveHelped, Instant recordedAt)
            implements InterventionEvent {
    }

    /** The order ran out while the measure went on. */
    record OrderExpired(String interventionId, Instant expiredAt) implements InterventionEvent {
    }

    record FaceToFaceEvaluationOverdue(String interventionId, Instant dueBy) implements InterventionEvent {
    }

    record DeathReportOverdue(String interventionId, DeathReporting reporting, Instant dueBy)
            implements InterventionEvent {
    }

    record DebriefOverdue(String interventionId, Instant dueBy) implements InterventionEvent {
    }
}
