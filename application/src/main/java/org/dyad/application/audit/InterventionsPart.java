package org.dyad.application.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.dyad.application.cases.CaseView;
import org.dyad.application.restriction.InterventionFold;
import org.dyad.application.restriction.InterventionView;
import org.dyad.application.restriction.InterventionViews;
import org.dyad.domain.restriction.InterventionEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/** Restraint and seclusion episodes in a case's record; reviewing them is what quality auditors are for. */
@Component
@Order(5)
class InterventionsPart implements RecordPart<InterventionView> {

    private final InterventionViews views;

    InterventionsPart(InterventionViews views) {
        this.views = views;
    }

    @Override
    public String name() {
        return "restrictions";
    }

    @Override
    public List<String> aggregatesOf(String caseId) {
        return views.findByCase(caseId).stream().map(InterventionView::getInterventionId).toList();
    }

    @Override
    public boolean folds(Object payload) {
        return payload instanceof InterventionEvent;
    }

    @Override
    public InterventionView fold(InterventionView view, DomainEventMessage<?> event, Folding folding) {
        Object actor = event.getMetaData().get("actorId");
        return InterventionFold.apply(view, (InterventionEvent) event.getPayload(), event.getSequenceNumber(),
                actor == null ? null : actor.toString(), folding.displayName());
    }

    @Override
    public void summarise(CaseView caseView, List<InterventionView> episodes) {
        caseView.setRestrictions(InterventionFold.onBoard(episodes));
    }

    @Override
    public List<InterventionView> shown(List<InterventionView> episodes, AuditRedaction redaction) {
        return episodes.stream().sorted(Comparator.comparing(InterventionView::getStartedAt)).toList();
    }
}
