package org.dyad.application.decision;

import org.dyad.domain.decision.DecisionEvent;
import org.dyad.domain.decision.DecisionEvent.*;
import org.dyad.domain.decision.Option;

import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

/** How one decision event changes a decision's view, and what a case's decisions say of it: shared by projection and replay. */
public final class DecisionFold {

    private DecisionFold() {
    }

    /** The view after {@code event}; {@code view} is null before the decision's first event. */
    public static DecisionView apply(DecisionView view, DecisionEvent event, Instant at, long sequence,
                                     Function<String, String> displayName) {
        DecisionView v;
        if (event instanceof DecisionOpened e) {
            v = new DecisionView(e.decisionId(), e.caseId(), e.question(), at);
        } else if (view == null) {
            throw new IllegalStateException("no view for decision " + event.decisionId() + " at event " + sequence);
        } else {
            v = view;
            change(v, event, at, displayName);
        }
        v.applied(sequence);
        return v;
    }

    private static void change(DecisionView v, DecisionEvent event, Instant at, Function<String, String> name) {
        if (event instanceof OptionProposed e) {
            Option o = e.option();
            v.addOption(new DecisionView.OptionView(o.optionId(), o.kind(), o.whatItIs(), o.benefits(), o.harms(),
                    o.whatItAsksOfMe(), o.proposedBy(), name.apply(o.proposedBy()), o.proposerRole()));
        } else if (event instanceof OptionWithdrawn e) {
            v.withdrawOption(e.optionId());
        } else if (event instanceof OptionsPresented || event instanceof DecisionRevisited) {
            v.setStatus(DecisionView.Status.WITH_THE_PERSON);
        } else if (event instanceof PreferencesRecorded e) {
            v.setPreferences(new DecisionView.Preferences(e.whatMattersMost(), e.preferences(), e.recordedBy(),
                    name.apply(e.recordedBy()), at));
        } else if (event instanceof PsychiatristViewRecorded e) {
            v.setPsychiatristView(new DecisionView.Words(e.psychiatristId(), name.apply(e.psychiatristId()), e.view(),
                    at, e.category(), false));
        } else if (event instanceof PeerViewRecorded e) {
            v.setPeerView(new DecisionView.Words(e.peerId(), name.apply(e.peerId()), e.view(), at, e.category(), false));
        } else if (event instanceof OptionChosen e) {
            v.addAnswer(new DecisionView.Answer(e.optionId(), e.inTheirWords(), e.chosenBy(), e.chooserName(),
                    e.recordedBy(), name.apply(e.recordedBy()), e.attestedChooserPresent(), at));
            v.setStatus(DecisionView.Status.CHOSEN);
        } else if (event instanceof DecisionDeferred e) {
            v.addAnswer(new DecisionView.Answer(null, e.inTheirWords(), e.chosenBy(), e.chooserName(),
                    e.recordedBy(), name.apply(e.recordedBy()), e.attestedChooserPresent(), at));
            v.setStatus(DecisionView.Status.NOT_NOW);
        } else if (event instanceof CollaborateRecorded e) {
            v.setCollaborate(new DecisionView.Collaborate(e.explainedIssues(), e.listenedToWhatMatters(),
                    e.includedWhatMatters(), at));
        }
    }

    /** How many of the case's decisions wait for the person. */
    public static int waiting(Collection<DecisionView> caseDecisions) {
        return (int) caseDecisions.stream().filter(DecisionView::isWaitingForThePerson).count();
    }
}
