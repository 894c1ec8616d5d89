package org.dyad.domain.cases;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.dyad.domain.cases.CaseCommand.*;
import org.dyad.domain.cases.CaseEvent.*;
import org.dyad.domain.shared.DomainRuleViolation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.dyad.domain.shared.Rules.isBlank;
import static org.dyad.domain.shared.Rules.requireNotInFuture;
import static org.dyad.domain.shared.Rules.requireText;

/** One person served: their care team, dyad, own words, directives and inpatient stays. */
public class Case {

    @AggregateIdentifier
    private String caseId;
    private final Map<String, CareTeamRole> careTeam = new HashMap<>();
    private String dyadPeerId;
    private String dyadPsychiatristId;
    private Instant admittedAt;
    private Instant lastDischargedAt;
    private Instant onLeaveSince;
    private Instant lastReturnedAt;
    private boolean restricted;
    private boolean closed;

    protected Case() {
        // for Axon
    }

    @CommandHandler
    public Case(OpenCase command) {
        requireText(command.preferredName(), "A case needs the name the person wants to be called.");
        requireText(command.unit(), "A case needs the unit.");
        if (command.dateOfBirth() == null) {
            throw new DomainRuleViolation("A case needs the person's date of birth.");
        }
        if (command.setting() == null) {
            throw new DomainRuleViolation("A case needs a setting: inpatient or outpatient.");
        }
        if (isBlank(command.openedBy()) || command.openerRole() == null) {
            throw new DomainRuleViolation("Whoever opens a case joins its care team, so it needs a staff member with a care-team role.");
        }
        apply(new CaseOpened(command.caseId(), command.preferredName().strip(), command.pronouns(),
                command.dateOfBirth(), command.setting(), command.unit(), command.personServedUserId(),
                command.restricted()));
        apply(new CareTeamMemberJoined(command.caseId(), command.openedBy(), command.openerRole()));
    }

    @CommandHandler
    public void handle(JoinCareTeam command) {
        requireOpen();
        if (isBlank(command.userId()) || command.role() == null) {
            throw new DomainRuleViolation("Joining the care team needs a staff member and a role.");
        }
        if (careTeam.containsKey(command.userId())) {
            throw new DomainRuleViolation(command.userId() + " is already on this care team.");
        }
        apply(new CareTeamMemberJoined(caseId, command.userId(), command.role()));
    }

    @CommandHandler
    public void handle(LeaveCareTeam command) {
        requireOpen();
        if (!careTeam.containsKey(command.userId())) {
            throw new DomainRuleViolation(command.userId() + " is not on this care team.");
        }
        if (command.userId().equals(dyadPeerId) || command.userId().equals(dyadPsychiatristId)) {
            throw new DomainRuleViolation(command.userId() + " is part of the active dyad; dissolve the dyad before they leave the team.");
        }
        apply(new CareTeamMemberLeft(caseId, command.userId()));
    }

    @CommandHandler
    public void handle(FormDyad command) {
        requireOpen();
        if (hasActiveDyad()) {
            throw new DomainRuleViolation("This case already has an active dyad; dissolve it before forming another.");
        }
        if (careTeam.get(command.peerId()) != CareTeamRole.PEER_SPECIALIST) {
            throw new DomainRuleViolation("A dyad's peer must be a peer specialist on this care team.");
        }
        if (careTeam.get(command.psychiatristId()) != CareTeamRole.PSYCHIATRIST) {
            throw new DomainRuleViolation("A dyad's psychiatrist must be a psychiatrist on this care team.");
        }
        apply(new DyadFormed(caseId, command.peerId(), command.psychiatristId()));
    }

    @CommandHandler
    public void handle(DissolveDyad command) {
        requireOpen();
        if (!hasActiveDyad()) {
            throw new DomainRuleViolation("This case has no active dyad to dissolve.");
        }
        apply(new DyadDissolved(caseId, dyadPeerId, dyadPsychiatristId, command.reason()));
    }

    @CommandHandler
    public void handle(RecordGoals command) {
        requireOpen();
        boolean nothingSaid = (command.whatMattersMost() == null || command.whatMattersMost().isBlank())
                && (command.goals() == null || command.goals().isEmpty())
                && (command.personalMedicine() == null || command.personalMedicine().isEmpty());
        if (nothingSaid) {
            throw new DomainRuleViolation("Record at least one goal, what matters most, or a piece of personal medicine.");
        }
        apply(new GoalsRecorded(caseId, command.whatMattersMost(),
                command.goals() == null ? List.of() : List.copyOf(command.goals()),
                command.personalMedicine() == null ? List.of() : List.copyOf(command.personalMedicine())));
    }

    @CommandHandler
    public void handle(RecordAdvanceDirective command) {
        requireOpen();
        if (command.directive() == null || command.directive().nothingFilledIn()) {
            throw new DomainRuleViolation("An advance directive needs at least one of its parts filled in.");
        }
        apply(new AdvanceDirectiveRecorded(caseId, command.directive()));
    }

    @CommandHandler
    public void handle(RecordWrapSummary command) {
        requireOpen();
        if (command.wrap() == null || command.wrap().nothingFilledIn()) {
            throw new DomainRuleViolation("A WRAP summary needs at least one of its parts filled in.");
        }
        apply(new WrapSummaryRecorded(caseId, command.wrap()));
    }

    @CommandHandler
    public void handle(AdmitPerson command) {
        requireOpen();
        requireNotInFuture(command.occurredAt(), command.recordedAt());
        if (admittedAt != null) {
            throw new DomainRuleViolation("The person is already admitted; discharge them before a new admission.");
        }
        if (lastDischargedAt != null && command.occurredAt().isBefore(lastDischargedAt)) {
            throw new DomainRuleViolation("A new admission cannot come before the last discharge.");
        }
        apply(new PersonAdmitted(caseId, command.occurredAt(), command.recordedAt()));
    }

    @CommandHandler
    public void handle(DischargePerson command) {
        requireOpen();
        requireNotInFuture(command.occurredAt(), command.recordedAt());
        if (admittedAt == null) {
            throw new DomainRuleViolation("The person is not admitted, so there is nothing to discharge.");
        }
        if (command.occurredAt().isBefore(admittedAt)) {
            throw new DomainRuleViolation("A discharge cannot come before the admission it ends.");
        }
        if (onLeaveSince != null && command.occurredAt().isBefore(onLeaveSince)) {
            throw new DomainRuleViolation("A discharge cannot come before the leave the person is on.");
        }
        apply(new PersonDischarged(caseId, command.occurredAt(), command.recordedAt()));
    }

    @CommandHandler
    public void handle(StartLeave command) {
        requireOpen();
        requireNotInFuture(command.occurredAt(), command.recordedAt());
        if (admittedAt == null) {
            throw new DomainRuleViolation("Only an admitted person goes on leave.");
        }
        if (onLeaveSince != null) {
            throw new DomainRuleViolation("The person is already on leave.");
        }
        Instant notBefore = lastReturnedAt != null && lastReturnedAt.isAfter(admittedAt) ? lastReturnedAt : admittedAt;
        if (command.occurredAt().isBefore(notBefore)) {
            throw new DomainRuleViolation("A leave cannot start before the admission or the return from the last leave.");
        }
        apply(new LeaveStarted(caseId, command.occurredAt(), command.recordedAt()));
    }

    @CommandHandler
    public void handle(EndLeave command) {
        requireOpen();
        requireNotInFuture(command.occurredAt(), command.recordedAt());
        if (onLeaveSince == null) {
            throw new DomainRuleViolation("The person is not on leave.");
        }
        if (command.occurredAt().isBefore(onLeaveSince)) {
            throw new DomainRuleViolation("A return cannot come before the leave started.");
        }
        apply(new LeaveEnded(caseId, command.occurredAt(), command.recordedAt()));
    }

    @CommandHandler
    public void handle(RestrictRecord command) {
        requireOpen();
        if (restricted) {
            throw new DomainRuleViolation("This record is already restricted.");
        }
        apply(new RecordRestricted(caseId, command.reason()));
    }

    @CommandHandler
    public void handle(LiftRecordRestriction command) {
        requireOpen();
        if (!restricted) {
            throw new DomainRuleViolation("This record is not restricted.");
        }
        apply(new RecordRestrictionLifted(caseId, command.reason()));
    }

    @CommandHandler
    public void handle(CloseCase command) {
        requireOpen();
        if (admittedAt != null) {
            throw new DomainRuleViolation("The person is still admitted; discharge them before closing the case.");
        }
        if (hasActiveDyad()) {
            apply(new DyadDissolved(caseId, dyadPeerId, dyadPsychiatristId, "case closed"));
        }
        apply(new CaseClosed(caseId, command.reason()));
    }

    @EventSourcingHandler
    void on(CaseOpened event) {
        caseId = event.caseId();
        restricted = event.restricted();
    }

    @EventSourcingHandler
    void on(CareTeamMemberJoined event) {
        careTeam.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(CareTeamMemberLeft event) {
        careTeam.remove(event.userId());
    }

    @EventSourcingHandler
    void on(DyadFormed event) {
        dyadPeerId = event.peerId();
        dyadPsychiatristId = event.psychiatristId();
    }

    @EventSourcingHandler
    void on(DyadDissolved event) {
        dyadPeerId = null;
        dyadPsychiatristId = null;
    }

    @EventSourcingHandler
    void on(PersonAdmitted event) {
        admittedAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(PersonDischarged event) {
        admittedAt = null;
        onLeaveSince = null;
        lastDischargedAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(LeaveStarted event) {
        onLeaveSince = event.occurredAt();
    }

    @EventSourcingHandler
    void on(LeaveEnded event) {
        onLeaveSince = null;
        lastReturnedAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(RecordRestricted event) {
        restricted = true;
    }

    @EventSourcingHandler
    void on(RecordRestrictionLifted event) {
        restricted = false;
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        closed = true;
    }

    private boolean hasActiveDyad() {
        return dyadPeerId != null;
    }

    private void requireOpen() {
        if (closed) {
            throw new DomainRuleViolation("This case is closed; reopen work needs a new case.");
        }
    }

    private static void requireText(String value, String what) {
        if (isBlank(value)) {
            throw new DomainRuleViolation("A case needs " + what + ".");
        }
    }
}
