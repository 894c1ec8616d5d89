package org.dyad.application.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.dyad.application.restriction.CoercionFold;
import org.dyad.application.restriction.CoercionView;
import org.dyad.application.restriction.CoercionViews;
import org.dyad.domain.restriction.CoercionEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/** The soft-coercion ledger in a case's record. */
@Component
@Order(6)
class CoercionsPart implements RecordPart<CoercionView> {

    private final CoercionViews views;

    CoercionsPart(CoercionViews views) {
        this.views = views;
    }

    @Override
    public String name() {
        return "coercion";
    }

    @Override
    public List<String> aggregatesOf(String caseId) {
        return views.findByCase(caseId).stream().map(CoercionView::getCoercionId).toList();
    }

    @Override
    public boolean folds(Object payload) {
        return payload instanceof CoercionEvent;
    }

    @Override
    public CoercionView fold(CoercionView view, DomainEventMessage<?> event, Folding folding) {
        return CoercionFold.apply(view, (CoercionEvent) event.getPayload(), event.getSequenceNumber(), folding.displayName());
    }

    @Override
    public List<CoercionView> shown(List<CoercionView> entries, AuditRedaction redaction) {
        return entries.stream().sorted(Comparator.comparing(CoercionView::getOccurredAt)).toList();
    }
}
