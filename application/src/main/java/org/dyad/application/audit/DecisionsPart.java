package org.dyad.application.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.dyad.application.access.AccessPolicy;
import org.dyad.application.cases.CaseView;
import org.dyad.application.decision.DecisionFold;
import org.dyad.application.decision.DecisionView;
import org.dyad.application.decision.DecisionViews;
import org.dyad.domain.decision.DecisionEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/** Shared decisions in a case's record. */
@Component
@Order(2)
class DecisionsPart implements RecordPart<DecisionView> {

    private final DecisionViews views;

    DecisionsPart(DecisionViews views) {
        this.views = views;
    }

    @Override
    public String name() {
        return "decisions";
    }

    @Override
    public List<String> aggregatesOf(String caseId) {
        return views.findByCase(caseId).stream().map(DecisionView::getDecisionId).toList();
    }

    @Override
    public boolean folds(Object payload) {
        return payload instanceof DecisionEvent;
    }

    @Override
    public DecisionView fold(DecisionView view, DomainEventMessage<?> event, Folding folding) {
        return DecisionFold.apply(view, (DecisionEvent) event.getPayload(), event.getTimestamp(),
                event.getSequenceNumber(), folding.displayName());
    }

    @Override
    public void summarise(CaseView caseView, List<DecisionView> decisions) {
        caseView.setDecisionsWaiting(DecisionFold.waiting(decisions));
    }

    @Override
    public List<DecisionView> shown(List<DecisionView> decisions, AuditRedaction redaction) {
        return decisions.stream().sorted(Comparator.comparing(DecisionView::getOpenedAt))
                .map(d -> d.filtered(words -> redaction.shows(words.category(),
                        "decision " + d.getDecisionId() + ", view by " + words.byId()), AccessPolicy::placeholderFor))
                .toList();
    }
}
