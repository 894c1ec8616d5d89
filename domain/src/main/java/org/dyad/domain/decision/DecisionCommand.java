package org.dyad.domain.decision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dyad.domain.shared.Sensitivity;

/** What can be asked of a shared decision. Who asks travels in the metadata. */
public sealed interface DecisionCommand {

    String decisionId();

    /** {@code question} is the decision in the person's words ("what to do about sleep"). */
    record OpenDecision(@TargetAggregateIdentifier String decisionId, String caseId, String question)
            implements DecisionCommand {
    }

    record ProposeOption(@TargetAggregateIdentifier String decisionId, Option option) implements DecisionCommand {
    }

    record WithdrawOption(@TargetAggregateIdentifier String decisionId, String optionId, String reason)
            implements DecisionCommand {
    }

    /** The options go to the person: at least two, and never medication alone. */
    record PresentOptions(@TargetAggregateIdentifier String decisionId) implements DecisionCommand {
    }

    record RecordPreferences(@TargetAggregateIdentifier String decisionId, String whatMattersMost,
                             String preferences, String recordedBy) implements DecisionCommand {
    }

    /** Views are for the person and the team ({@code GENERAL}) unless their author chooses another category. */
    record RecordPsychiatristView(@TargetAggregateIdentifier String decisionId, String psychiatristId, String view,
                                  Sensitivity category) implements DecisionCommand {

        public RecordPsychiatristView(String decisionId, String psychiatristId, String view) {
            this(decisionId, psychiatristId, view, null);
        }
    }

    record RecordPeerView(@TargetAggregateIdentifier String decisionId, String peerId, String view,
                          Sensitivity category) implements DecisionCommand {

        public RecordPeerView(String decisionId, String peerId, String view) {
            this(decisionId, peerId, view, null);
        }
    }

    /**
     * The person's choice. {@code optionId} null means "not now, I want more time". When someone other than the
     * chooser types it, {@code attestedChooserPresent} must confirm the chooser was there and chose.
     */
    record RecordChoice(@TargetAggregateIdentifier String decisionId, String optionId, String inTheirWords,
                        ChosenBy chosenBy, String chooserName, String recordedBy, boolean recordedByChooser,
                        boolean attestedChooserPresent) implements DecisionCommand {
    }

    record RevisitDecision(@TargetAggregateIdentifier String decisionId, String reason) implements DecisionCommand {
    }

    /** CollaboRATE, three items scored 0-9 by the person after the conversation. */
    record RecordCollaborate(@TargetAggregateIdentifier String decisionId, int explainedIssues,
                             int listenedToWhatMatters, int includedWhatMatters) implements DecisionCommand {
    }
}
