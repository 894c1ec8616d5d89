package org.dyad.application.decision;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.dyad.application.cases.CaseProjection;
import org.dyad.application.shared.ReadModelFreshness;
import org.dyad.application.users.UserDirectory;
import org.dyad.domain.decision.DecisionEvent.*;
import org.dyad.domain.decision.Option;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Keeps decision views current, and each case's count of decisions waiting for the person. */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
public class DecisionProjection {

    private final DecisionViews views;
    private final CaseProjection cases;
    private final UserDirectory users;
    private final ReadModelFreshness freshness;

    public DecisionProjection(DecisionViews views, CaseProjection cases, UserDirectory users,
                              ReadModelFreshness freshness) {
        this.views = views;
        this.cases = cases;
        this.users = users;
        this.freshness = freshness;
    }

    @EventHandler
    void on(DecisionOpened e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (views.find(e.decisionId()).isPresent()) {
            return;
        }
        DecisionView view = new DecisionView(e.decisionId(), e.caseId(), e.question(), at);
        view.applied(seq);
        store(view);
    }

    @EventHandler
    void on(OptionProposed e, @SequenceNumber long seq) {
        Option o = e.option();
        update(e.decisionId(), seq, v -> v.addOption(new DecisionView.OptionView(o.optionId(), o.kind(), o.whatItIs(),
                o.benefits(), o.harms(), o.whatItAsksOfMe(), o.proposedBy(), users.displayName(o.proposedBy()),
                o.proposerRole())));
    }

    @EventHandler
    void on(OptionWithdrawn e, @SequenceNumber long seq) {
        update(e.decisionId(), seq, v -> v.withdrawOption(e.optionId()));
    }

    @EventHandler
    void on(OptionsPresented e, @SequenceNumber long seq) {
        update(e.decisionId(), seq, v -> v.setStatus(DecisionView.Status.WITH_THE_PERSON));
    }

    @EventHandler
    void on(PreferencesRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.decisionId(), seq, v -> v.setPreferences(new DecisionView.Preferences(e.whatMattersMost(),
                e.preferences(), e.recordedBy(), users.displayName(e.recordedBy()), at)));
    }

    @EventHandler
    void on(PsychiatristViewRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.decisionId(), seq, v -> v.setPsychiatristView(
                new DecisionView.Words(e.psychiatristId(), users.displayName(e.psychiatristId()), e.view(), at,
                        e.category(), false)));
    }

    @EventHandler
    void on(PeerViewRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.decisionId(), seq, v -> v.setPeerView(
                new DecisionView.Words(e.peerId(), users.displayName(e.peerId()), e.view(), at, e.category(), false)));
    }

    @EventHandler
    void on(OptionChosen e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.decisionId(), seq, v -> {
            v.addAnswer(new DecisionView.Answer(e.optionId(), e.inTheirWords(), e.chosenBy(), e.chooserName(),
                    e.recordedBy(), users.displayName(e.recordedBy()), e.attestedChooserPresent(), at));
            v.setStatus(DecisionView.Status.CHOSEN);
        });
    }

    @EventHandler
    void on(DecisionDeferred e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.decisionId(), seq, v -> {
            v.addAnswer(new DecisionView.Answer(null, e.inTheirWords(), e.chosenBy(), e.chooserName(),
                    e.recordedBy(), users.displayName(e.recordedBy()), e.attestedChooserPresent(), at));
            v.setStatus(DecisionView.Status.NOT_NOW);
        });
    }

    @EventHandler
    void on(DecisionRevisited e, @SequenceNumber long seq) {
        update(e.decisionId(), seq, v -> v.setStatus(DecisionView.Status.WITH_THE_PERSON));
    }

    @EventHandler
    void on(CollaborateRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.decisionId(), seq, v -> v.setCollaborate(new DecisionView.Collaborate(e.explainedIssues(),
                e.listenedToWhatMatters(), e.includedWhatMatters(), at)));
    }

    private void update(String decisionId, long seq, Consumer<DecisionView> change) {
        DecisionView view = views.find(decisionId)
                .orElseThrow(() -> new IllegalStateException("no view for decision " + decisionId + " at event " + seq));
        if (view.getVersion() >= seq) {
            return;
        }
        change.accept(view);
        view.applied(seq);
        store(view);
    }

    /** Derived case fields first, the decision last: once a caller sees the decision's version, all of it shows. */
    private void store(DecisionView view) {
        int waiting = (int) Stream.concat(Stream.of(view), views.findByCase(view.getCaseId()).stream()
                        .filter(d -> !d.getDecisionId().equals(view.getDecisionId())))
                .filter(DecisionView::isWaitingForThePerson).count();
        cases.amend(view.getCaseId(), c -> {
            if (c.getDecisionsWaiting() == waiting) {
                return false;
            }
            c.setDecisionsWaiting(waiting);
            return true;
        });
        views.save(view);
        cases.refile(view.getCaseId());
        freshness.changed();
    }
}
