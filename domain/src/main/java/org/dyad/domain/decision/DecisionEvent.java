package org.dyad.domain.decision;

import org.dyad.domain.shared.Sensitivity;

/** What happened to a shared decision. */
public sealed interface DecisionEvent {

    String decisionId();

    record DecisionOpened(String decisionId, String caseId, String question) implements DecisionEvent {
    }

    record OptionProposed(String decisionId, String caseId, Option option) implements DecisionEvent {
    }

    record OptionWithdrawn(String decisionId, String caseId, String optionId, String reason) implements DecisionEvent {
    }

    record OptionsPresented(String decisionId, String caseId) implements DecisionEvent {
    }

    record PreferencesRecorded(String decisionId, String caseId, String whatMattersMost, String preferences,
                               String recordedBy) implements DecisionEvent {
    }

    record PsychiatristViewRecorded(String decisionId, String caseId, String psychiatristId, String view,
                                    Sensitivity category) implements DecisionEvent {

        public PsychiatristViewRecorded(String decisionId, String caseId, String psychiatristId, String view) {
            this(decisionId, caseId, psychiatristId, view, Sensitivity.GENERAL);
        }
    }

    record PeerViewRecorded(String decisionId, String caseId, String peerId, String view, Sensitivity category)
            implements DecisionEvent {

        public PeerViewRecorded(String decisionId, String caseId, String peerId, String view) {
            this(decisionId, caseId, peerId, view, Sensitivity.GENERAL);
        }
    }

    record OptionChosen(String decisionId, String caseId, String optionId, String inTheirWords, ChosenBy chosenBy,
                        String chooserName, String recordedBy, boolean attestedChooserPresent) implements DecisionEvent {
    }

    /** "Not now, I want more time": a respected outcome, and the decision stays with the person. */
    record DecisionDeferred(String decisionId, String caseId, String inTheirWords, ChosenBy chosenBy,
                            String chooserName, String recordedBy, boolean attestedChooserPresent)
            implements DecisionEvent {
    }

    record DecisionRevisited(String decisionId, String caseId, String reason) implements DecisionEvent {
    }

    record CollaborateRecorded(String decisionId, String caseId, int explainedIssues, int listenedToWhatMatters,
                               int includedWhatMatters) implements DecisionEvent {
    }
}
