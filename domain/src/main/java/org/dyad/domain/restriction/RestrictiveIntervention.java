package org.dyad.domain.restriction;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.dyad.domain.restriction.InterventionCommand.*;
import org.dyad.domain.restriction.InterventionEvent.*;
import org.dyad.domain.shared.DomainRuleViolation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.dyad.domain.shared.Rules.isBlank;
import static org.dyad.domain.shared.Rules.requireNotInFuture;
import static org.dyad.domain.shared.Rules.requireText;

/**
 * One episode of restraint or seclusion, with the legal clocks of 42 CFR 482.13(e)–(g) as deadlines:
 * when a clock passes unmet, an overdue event is stored.
 */
public class RestrictiveIntervention {

    static final String ORDER_EXPIRY = "order-expiry";
    static final String FACE_TO_FACE = "face-to-face-evaluation";
    static final String DEBRIEF = "debrief";
    static final String DEATH_REPORT = "death-report";

    @AggregateIdentifier
    private String interventionId;
    private LocalDate personDateOfBirth;
    private ZoneId zone;
    private Instant startedAt;
    private Instant lastChangeAt;
    private Instant endedAt;
    private Set<InterventionKind> measures;
    private boolean softWristRestraintOnly;
    private Instant orderExpiresAt;
    private Instant renewalWindowStart;
    private Instant faceToFaceDueBy;
    private boolean evaluatedFaceToFace;
    private Instant debriefDueBy;
    private boolean debriefed;
    private DeathReporting deathReporting;
    private Instant deathReportDueBy;
    private boolean deathReported;

    protected RestrictiveIntervention() {
        // for Axon
    }

    @CommandHandler
    public RestrictiveIntervention(StartIntervention command, DeadlineManager deadlines) {
        requireText(command.caseId(), "A restrictive intervention is recorded on a case.");
        if (command.kind() == null) {
            throw new DomainRuleViolation("Say which measure: physical hold, mechanical restraint, drug used as restraint or seclusion.");
        }
        requireText(command.imminentRisk(), "Restraint or seclusion is only for an imminent risk of harm; say what the risk was.");
        if (command.alternativesTried() == null || command.alternativesTried().stream().allMatch(a -> a == null || a.isBlank())) {
            throw new DomainRuleViolation("Say which less restrictive alternatives were tried first.");
        }
        if (command.softTwoPointWristRestraint() && command.kind() != InterventionKind.MECHANICAL_RESTRAINT) {
            throw new DomainRuleViolation("Soft two-point wrist restraint is a mechanical restraint.");
        }
        if (command.personDateOfBirth() == null || command.zone() == null) {
            throw new DomainRuleViolation("The clocks need the person's date of birth and the unit's time zone.");
        }
        requireNotInFuture(command.startedAt(), command.recordedAt());
        Duration limit = LegalClocks.orderLimit(command.personDateOfBirth(), command.startedAt().atZone(command.zone()).toLocalDate());
        Duration validFor = validOrder(command.order(), limit, command.recordedAt());
        Instant expires = command.order().orderedAt().plus(validFor);
        Instant faceToFaceDue = command.startedAt().plus(LegalClocks.FACE_TO_FACE_WITHIN);
        apply(new InterventionStarted(command.interventionId(), command.caseId(), command.kind(),
                command.softTwoPointWristRestraint(), command.imminentRisk().strip(),
                command.alternativesTried().stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList(),
                command.order(), expires, faceToFaceDue, command.personDateOfBirth(), command.zone(),
                command.startedAt(), command.recordedAt()));
        deadlines.schedule(expires, ORDER_EXPIRY, expires);
        deadlines.schedule(faceToFaceDue, FACE_TO_FACE);
    }

    @CommandHandler
    public void handle(RecordFaceToFaceEvaluation command, DeadlineManager deadlines) {
        requireNotInFuture(command.evaluatedAt(), command.recordedAt());
        requireText(command.evaluatorId(), "Say who evaluated the person face to face.");
        requireText(command.findings(), "Say what the face-to-face evaluation found.");
        if (evaluatedFaceToFace) {
            throw new DomainRuleViolation("The face-to-face evaluation is already recorded.");
        }
        requireNotBeforeStart(command.evaluatedAt(), "A face-to-face evaluation");
        apply(new FaceToFaceEvaluationRecorded(interventionId, command.evaluatorId(), command.findings().strip(),
                command.evaluatedAt(), command.recordedAt(), !command.evaluatedAt().isAfter(faceToFaceDueBy)));
        deadlines.cancelAllWithinScope(FACE_TO_FACE);
    }

    @CommandHandler
    public void handle(RecordMonitoring command) {
        requireNotInFuture(command.observedAt(), command.recordedAt());
        requireText(command.observerId(), "Say who observed.");
        requireText(command.observation(), "Say what was observed.");
        requireNotBeforeStart(command.observedAt(), "A monitoring entry");
        if (endedAt != null && command.observedAt().isAfter(endedAt)) {
            throw new DomainRuleViolation("A monitoring entry cannot come after the episode ended.");
        }
        apply(new MonitoringRecorded(interventionId, command.observerId(), command.observation().strip(),
                command.observedAt(), command.recordedAt()));
    }

    @CommandHandler
    public void handle(RenewOrder command, DeadlineManager deadlines) {
        requireOngoing("renew");
        Duration limit = LegalClocks.orderLimit(personDateOfBirth, startedAt.atZone(zone).toLocalDate());
        Duration validFor = validOrder(command.order(), limit, command.recordedAt());
        Instant orderedAt = command.order().orderedAt();
        requireNotBeforeStart(orderedAt, "A renewal");
        Instant expires = orderedAt.plus(validFor);
        boolean pastTheDay = expires.isAfter(renewalWindowStart.plus(LegalClocks.RENEWALS_WITHOUT_IN_PERSON_EVALUATION));
        if (pastTheDay && !command.order().inPersonEvaluation()) {
            throw new DomainRuleViolation("Renewals reach at most 24 hours; after that a new order needs the prescriber to see and evaluate the person in person.");
        }
        apply(new OrderRenewed(interventionId, command.order(), expires, command.recordedAt()));
        deadlines.cancelAllWithinScope(ORDER_EXPIRY);
        deadlines.schedule(expires, ORDER_EXPIRY, expires);
    }

    @CommandHandler
    public void handle(ChangeMeasures command) {
        requireOngoing("change");
        requireNotInFuture(command.changedAt(), command.recordedAt());
        if (command.measures() == null || command.measures().isEmpty()) {
            throw new DomainRuleViolation("Say which measures are in place; to stop them all, end the episode.");
        }
        if (command.measures().equals(measures)) {
            throw new DomainRuleViolation("These measures are already in place.");
        }
        if (command.changedAt().isBefore(lastChangeAt)) {
            throw new DomainRuleViolation("A change cannot come before the last change in this episode.");
        }
        apply(new MeasuresChanged(interventionId, Set.copyOf(command.measures()), command.changedAt(), command.recordedAt()));
    }

    @CommandHandler
    public void handle(EndIntervention command, DeadlineManager deadlines) {
        requireOngoing("end");
        requireNotInFuture(command.endedAt(), command.recordedAt());
        if (command.endedAt().isBefore(lastChangeAt)) {
            throw new DomainRuleViolation("The end cannot come before the start or the last change of measures.");
        }
        end(command.endedAt(), command.recordedAt(), deadlines);
    }

    @CommandHandler
    public void handle(RecordInjury command) {
        requireNotInFuture(command.occurredAt(), command.recordedAt());
        if (command.injured() == null) {
            throw new DomainRuleViolation("Say who was injured: the person served or staff.");
        }
        requireText(command.description(), "Describe the injury.");
        requireNotBeforeStart(command.occurredAt(), "An injury");
        apply(new InjuryRecorded(interventionId, command.injured(), command.description().strip(),
                command.occurredAt(), command.recordedAt()));
    }

    @CommandHandler
    public void handle(RecordDeath command, DeadlineManager deadlines) {
        requireNotInFuture(command.diedAt(), command.recordedAt());
        if (deathReporting != null) {
            throw new DomainRuleViolation("The death is already recorded.");
        }
        requireNotBeforeStart(command.diedAt(), "A death associated with this episode");
        if (endedAt == null) {
            end(command.diedAt(), command.recordedAt(), deadlines);
        }
        DeathReporting reporting = LegalClocks.reportingFor(command.diedAt(), endedAt, softWristRestraintOnly,
                command.measureMayHaveContributed());
        Instant dueBy = LegalClocks.deathReportDueBy(reporting, command.diedAt(), zone);
        apply(new DeathRecorded(interventionId, command.diedAt(), command.measureMayHaveContributed(), reporting,
                dueBy, command.recordedAt()));
        if (dueBy != null) {
            deadlines.schedule(dueBy, DEATH_REPORT);
        }
    }

    @CommandHandler
    public void handle(RecordDeathReport command, DeadlineManager deadlines) {
        requireNotInFuture(command.reportedAt(), command.recordedAt());
        requireText(command.reportedBy(), "Say who reported the death.");
        if (deathReporting == null || deathReporting == DeathReporting.NONE) {
            throw new DomainRuleViolation("No death needing a report is recorded for this episode.");
        }
        if (deathReported) {
            throw new DomainRuleViolation("The death is already reported.");
        }
        apply(new DeathReported(interventionId, deathReporting, command.reportedBy(), command.reportedAt(),
                command.recordedAt(), !command.reportedAt().isAfter(deathReportDueBy)));
        deadlines.cancelAllWithinScope(DEATH_REPORT);
    }

    @CommandHandler
    public void handle(RecordDebrief command, DeadlineManager deadlines) {
        requireNotInFuture(command.heldAt(), command.recordedAt());
        if (endedAt == null) {
            throw new DomainRuleViolation("A debrief follows the end of the episode.");
        }
        if (debriefed) {
            throw new DomainRuleViolation("The debrief is already recorded; the person can still add their account.");
        }
        if (command.heldAt().isBefore(endedAt)) {
            throw new DomainRuleViolation("A debrief cannot come before the episode ended.");
        }
        requireText(command.peerId(), "A debrief is held with the peer present; say who the peer was.");
        requireText(command.teamAccount(), "Give the team's account of what happened.");
        requireText(command.whatToChange(), "Say what the team will change.");
        apply(new DebriefRecorded(interventionId, command.peerId(), strip(command.personsAccount()),
                strip(command.whatWouldHaveHelped()), command.teamAccount().strip(), command.whatToChange().strip(),
                command.heldAt(), command.recordedAt(), !command.heldAt().isAfter(debriefDueBy)));
        deadlines.cancelAllWithinScope(DEBRIEF);
    }

    @CommandHandler
    public void handle(AddPersonsAccount command) {
        if (isBlank(command.account()) && isBlank(command.whatWouldHaveHelped())) {
            throw new DomainRuleViolation("Say what happened or what would have helped.");
        }
        apply(new PersonsAccountAdded(interventionId, strip(command.account()), strip(command.whatWouldHaveHelped()),
                command.recordedAt()));
    }

    @DeadlineHandler(deadlineName = ORDER_EXPIRY)
    void orderExpiryPassed(Instant expiresAt) {
        if (endedAt == null && expiresAt.equals(orderExpiresAt)) {
            apply(new OrderExpired(interventionId, expiresAt));
        }
    }

    @DeadlineHandler(deadlineName = FACE_TO_FACE)
    void faceToFaceDuePassed() {
        if (!evaluatedFaceToFace) {
            apply(new FaceToFaceEvaluationOverdue(interventionId, faceToFaceDueBy));
        }
    }

    @DeadlineHandler(deadlineName = DEBRIEF)
    void debriefDuePassed() {
        if (!debriefed) {
            apply(new DebriefOverdue(interventionId, debriefDueBy));
        }
    }

    @DeadlineHandler(deadlineName = DEATH_REPORT)
    void deathReportDuePassed() {
        if (!deathReported) {
            apply(new DeathReportOverdue(interventionId, deathReporting, deathReportDueBy));
        }
    }

    @EventSourcingHandler
    void on(InterventionStarted event) {
        interventionId = event.interventionId();
        personDateOfBirth = event.personDateOfBirth();
        zone = event.zone();
        startedAt = event.startedAt();
        lastChangeAt = event.startedAt();
        measures = EnumSet.of(event.kind());
        softWristRestraintOnly = event.softTwoPointWristRestraint();
        orderExpiresAt = event.orderExpiresAt();
        renewalWindowStart = event.startedAt();
        faceToFaceDueBy = event.faceToFaceDueBy();
    }

    @EventSourcingHandler
    void on(FaceToFaceEvaluationRecorded event) {
        evaluatedFaceToFace = true;
    }

    @EventSourcingHandler
    void on(OrderRenewed event) {
        orderExpiresAt = event.orderExpiresAt();
        if (event.order().inPersonEvaluation()) {
            renewalWindowStart = event.order().orderedAt();
        }
    }

    @EventSourcingHandler
    void on(MeasuresChanged event) {
        measures = EnumSet.copyOf(event.measures());
        lastChangeAt = event.changedAt();
        softWristRestraintOnly = softWristRestraintOnly && measures.equals(EnumSet.of(InterventionKind.MECHANICAL_RESTRAINT));
    }

    @EventSourcingHandler
    void on(InterventionEnded event) {
        endedAt = event.endedAt();
        debriefDueBy = event.debriefDueBy();
    }

    @EventSourcingHandler
    void on(DeathRecorded event) {
        deathReporting = event.reporting();
        deathReportDueBy = event.reportDueBy();
    }

    @EventSourcingHandler
    void on(DeathReported event) {
        deathReported = true;
    }

    @EventSourcingHandler
    void on(DebriefRecorded event) {
        debriefed = true;
    }

    private void end(Instant at, Instant recordedAt, DeadlineManager deadlines) {
        Instant debriefDue = at.plus(LegalClocks.DEBRIEF_WITHIN);
        apply(new InterventionEnded(interventionId, at, recordedAt, debriefDue));
        deadlines.cancelAllWithinScope(ORDER_EXPIRY);
        deadlines.schedule(debriefDue, DEBRIEF);
    }

    /** An order for this episode, by a prescriber, no longer than the law allows for the person's age. */
    private static Duration validOrder(Order order, Duration limit, Instant recordedAt) {
        if (order == null) {
            throw new DomainRuleViolation("Restraint or seclusion needs a prescriber's order for this episode.");
        }
        if (order.type() != OrderType.THIS_EPISODE) {
            throw new DomainRuleViolation("Standing and as-needed (PRN) orders are never allowed for restraint or seclusion; the order must be for this episode.");
        }
        requireText(order.prescriberId(), "An order needs the prescriber who wrote it.");
        requireNotInFuture(order.orderedAt(), recordedAt);
        Duration validFor = order.validFor() == null ? limit : order.validFor();
        if (validFor.isNegative() || validFor.isZero()) {
            throw new DomainRuleViolation("An order must last some time.");
        }
        if (validFor.compareTo(limit) > 0) {
            throw new DomainRuleViolation("An order for this person lasts at most " + limit.toHours() + " hour"
                    + (limit.toHours() == 1 ? "" : "s") + ".");
        }
        return validFor;
    }

    private void requireOngoing(String verb) {
        if (endedAt != null) {
            throw new DomainRuleViolation("The episode has ended; there is nothing to " + verb + ".");
        }
    }

    private void requireNotBeforeStart(Instant at, String what) {
        if (at.isBefore(startedAt)) {
            throw new DomainRuleViolation(what + " cannot come before the episode started.");
        }
    }

    private static String strip(String text) {
        return isBlank(text) ? null : text.strip();
    }
}
