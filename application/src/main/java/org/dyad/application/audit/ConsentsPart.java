package org.dyad.application.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.dyad.application.cases.CaseView;
import org.dyad.application.consent.ConsentFold;
import org.dyad.application.consent.ConsentView;
import org.dyad.application.consent.ConsentViews;
import org.dyad.domain.consent.ConsentEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/** The person's consents in a case's record; their terms carry no confidential words. */
@Component
@Order(3)
class ConsentsPart implements RecordPart<ConsentView> {

    private final ConsentViews views;

    ConsentsPart(ConsentViews views) {
        this.views = views;
    }

    @Override
    public String name() {
        return "consents";
    }

    @Override
    public List<String> aggregatesOf(String caseId) {
        return views.findByCase(caseId).stream().map(ConsentView::getConsentId).toList();
    }

    @Override
    public boolean folds(Object payload) {
        return payload instanceof ConsentEvent;
    }

    @Override
    public ConsentView fold(ConsentView view, DomainEventMessage<?> event, Folding folding) {
        return ConsentFold.apply(view, (ConsentEvent) event.getPayload(), event.getTimestamp(), event.getSequenceNumber());
    }

    @Override
    public List<ConsentView> shown(List<ConsentView> consents, AuditRedaction redaction) {
        return consents.stream().sorted(Comparator.comparing(ConsentView::getGrantedAt)).toList();
    }
}
