package org.dyad.application.decision;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.dyad.application.cases.CaseProjection;
import org.dyad.application.shared.ReadModelFreshness;
import org.dyad.application.users.UserDirectory;
import org.dyad.domain.decision.DecisionEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.stream.Stream;

/** Keeps decision views current by {@link DecisionFold}, and each case's count of decisions waiting for the person. */
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

    /** Idempotent: an event at or below the stored version was applied already. */
    @EventHandler
    void on(DecisionEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        DecisionView view = views.find(e.decisionId()).orElse(null);
        if (view != null && view.getVersion() >= seq) {
            return;
        }
        store(DecisionFold.apply(view, e, at, seq, users::displayName));
    }

    /** Derived case fields first, the decision last: once a caller sees the decision's version, all of it shows. */
    private void store(DecisionView view) {
        int waiting = DecisionFold.waiting(Stream.concat(Stream.of(view), views.findByCase(view.getCaseId()).stream()
                .filter(d -> !d.getDecisionId().equals(view.getDecisionId()))).toList());
        cases.amend(view.getCaseId(), c -> {
            if (c.getDecisionsWaiting() == waiting) {
                return false;
            }
            c.setDecisionsWaiting(waiting);
            return true;
        });
        views.save(view);
        cases.refile(view.getCaseId());
        freshness.changed(view.getDecisionId(), view.getVersion());
    }
}
