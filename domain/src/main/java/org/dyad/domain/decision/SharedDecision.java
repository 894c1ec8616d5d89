package org.dyad.domain.decision;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.dyad.domain.decision.DecisionCommand.*;
import org.dyad.domain.decision.DecisionEvent.*;
import org.dyad.domain.shared.DomainRuleViolation;
import org.dyad.domain.shared.Sensitivity;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.dyad.domain.shared.Rules.isBlank;
import static org.dyad.domain.shared.Rules.requireText;

/**
 * One decision the person faces. Treatment is presented as options, never as a directive, and only the person
 * (or their advance-directive proxy) chooses; "not now" is a valid outcome.
 */
public class SharedDecision {

    private enum Status { GATHERING_OPTIONS, WITH_THE_PERSON, DEFERRED, CHOSEN }

    @AggregateIdentifier
    private String decisionId;
    private String caseId;
    private Status status;
    private final Map<String, OptionKind> options = new LinkedHashMap<>();
    /** The person has chosen or said "not now" at least once; a later revisit does not undo that answer. */
    private boolean everAnswered;

    protected SharedDecision() {
        // for Axon
    }

    @CommandHandler
    public SharedDecision(OpenDecision command) {
        if (command.caseId() == null) {
            throw new DomainRuleViolation("A decision belongs to a case.");
        }
        requireText(command.question(), "Say what the decision is about, in the person's words.");
        apply(new DecisionOpened(command.decisionId(), command.caseId(), command.question().strip()));
    }

    @CommandHandler
    public void handle(ProposeOption command) {
        requireUndecided();
        Option option = command.option();
        if (option == null || isBlank(option.optionId()) || option.kind() == null) {
            throw new DomainRuleViolation("An option needs a kind.");
        }
        requireText(option.whatItIs(), "Say what the option is.");
        if (options.containsKey(option.optionId())) {
            throw new DomainRuleViolation("That option is already on the table.");
        }
        apply(new OptionProposed(decisionId, caseId, option));
    }

    @CommandHandler
    public void handle(WithdrawOption command) {
        requireUndecided();
        if (!options.containsKey(command.optionId())) {
            throw new DomainRuleViolation("There is no such option on the table.");
        }
        if (status == Status.WITH_THE_PERSON || status == Status.DEFERRED) {
            checkOptionSet(without(command.optionId()), "Withdrawing it would leave the person ");
        }
        apply(new OptionWithdrawn(decisionId, caseId, command.optionId(), command.reason()));
    }

    @CommandHandler
    public void handle(PresentOptions command) {
        if (status != Status.GATHERING_OPTIONS) {
            throw new DomainRuleViolation("The options are already with the person.");
        }
        checkOptionSet(options, "The person would be left ");
        apply(new OptionsPresented(decisionId, caseId));
    }

    @CommandHandler
    public void handle(RecordPreferences command) {
        requireUndecided();
        if (isBlank(command.whatMattersMost()) && isBlank(command.preferences())) {
            throw new DomainRuleViolation("Record what matters most to the person or their preferences, in their words.");
        }
        apply(new PreferencesRecorded(decisionId, caseId, command.whatMattersMost(), command.preferences(),
                command.recordedBy()));
    }

    @CommandHandler
    public void handle(RecordPsychiatristView command) {
        requireText(command.view(), "A view needs some text.");
        apply(new PsychiatristViewRecorded(decisionId, caseId, command.psychiatristId(), command.view(),
                command.category() != null ? command.category() : Sensitivity.GENERAL));
    }

    @CommandHandler
    public void handle(RecordPeerView command) {
        requireText(command.view(), "A view needs some text.");
        apply(new PeerViewRecorded(decisionId, caseId, command.peerId(), command.view(),
                command.category() != null ? command.category() : Sensitivity.GENERAL));
    }

    @CommandHandler
    public void handle(RecordChoice command) {
        if (status == Status.GATHERING_OPTIONS) {
            throw new DomainRuleViolation("The options have not been presented to the person yet.");
        }
        if (status == Status.CHOSEN) {
            throw new DomainRuleViolation("The person has already chosen; revisit the decision to choose again.");
        }
        if (command.chosenBy() == null) {
            throw new DomainRuleViolation("Only the person, or the proxy named in their advance directive, chooses.");
        }
        if (command.chosenBy() == ChosenBy.PAD_PROXY && isBlank(command.chooserName())) {
            throw new DomainRuleViolation("Name the proxy from the person's advance directive who chose.");
        }
        if (!command.recordedByChooser() && !command.attestedChooserPresent()) {
            throw new DomainRuleViolation("A clinician may record the choice only while attesting that the "
                    + (command.chosenBy() == ChosenBy.PERSON ? "person" : "proxy") + " is present and made it. "
                    + "Clinicians do not choose for the person.");
        }
        if (command.optionId() == null) {
            apply(new DecisionDeferred(decisionId, caseId, command.inTheirWords(), command.chosenBy(),
                    command.chooserName(), command.recordedBy(), command.attestedChooserPresent()));
            return;
        }
        if (!options.containsKey(command.optionId())) {
            throw new DomainRuleViolation("That option is not on the table.");
        }
        apply(new OptionChosen(decisionId, caseId, command.optionId(), command.inTheirWords(), command.chosenBy(),
                command.chooserName(), command.recordedBy(), command.attestedChooserPresent()));
    }

    @CommandHandler
    public void handle(RevisitDecision command) {
        if (status != Status.CHOSEN && status != Status.DEFERRED) {
            throw new DomainRuleViolation("Only a decision the person has answered can be revisited.");
        }
        apply(new DecisionRevisited(decisionId, caseId, command.reason()));
    }

    @CommandHandler
    public void handle(RecordCollaborate command) {
        if (!everAnswered) {
            throw new DomainRuleViolation("CollaboRATE is asked after the conversation, once the person has answered.");
        }
        for (int score : new int[]{command.explainedIssues(), command.listenedToWhatMatters(), command.includedWhatMatters()}) {
            if (score < 0 || score > 9) {
                throw new DomainRuleViolation("Each CollaboRATE answer is a whole number from 0 to 9.");
            }
        }
        apply(new CollaborateRecorded(decisionId, caseId, command.explainedIssues(), command.listenedToWhatMatters(),
                command.includedWhatMatters()));
    }

    @EventSourcingHandler
    void on(DecisionOpened event) {
        decisionId = event.decisionId();
        caseId = event.caseId();
        status = Status.GATHERING_OPTIONS;
    }

    @EventSourcingHandler
    void on(OptionProposed event) {
        options.put(event.option().optionId(), event.option().kind());
    }

    @EventSourcingHandler
    void on(OptionWithdrawn event) {
        options.remove(event.optionId());
    }

    @EventSourcingHandler
    void on(OptionsPresented event) {
        status = Status.WITH_THE_PERSON;
    }

    @EventSourcingHandler
    void on(OptionChosen event) {
        status = Status.CHOSEN;
        everAnswered = true;
    }

    @EventSourcingHandler
    void on(DecisionDeferred event) {
        status = Status.DEFERRED;
        everAnswered = true;
    }

    @EventSourcingHandler
    void on(DecisionRevisited event) {
        status = Status.WITH_THE_PERSON;
    }

    /** At least two options, and a medication option always comes with a non-medication one. */
    private static void checkOptionSet(Map<String, OptionKind> set, String leftWith) {
        if (set.size() < 2) {
            throw new DomainRuleViolation(leftWith + "without a real choice: offer at least two options.");
        }
        boolean medication = set.containsValue(OptionKind.MEDICATION);
        boolean other = set.values().stream().anyMatch(kind -> kind != OptionKind.MEDICATION);
        if (medication && !other) {
            throw new DomainRuleViolation(leftWith + "with medication only: offer at least one option that is not medication.");
        }
    }

    private Map<String, OptionKind> without(String optionId) {
        Map<String, OptionKind> rest = new LinkedHashMap<>(options);
        rest.remove(optionId);
        return rest;
    }

    private void requireUndecided() {
        if (status == Status.CHOSEN) {
            throw new DomainRuleViolation("The person has chosen; revisit the decision to change it.");
        }
    }
}
