package org.dyad.application.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.dyad.application.access.AccessPolicy;
import org.dyad.application.cases.CaseView;
import org.dyad.application.disclosure.DisclosureFold;
import org.dyad.application.disclosure.DisclosureView;
import org.dyad.application.disclosure.DisclosureViews;
import org.dyad.domain.disclosure.DisclosureEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/** Requests for information and their answers in a case's record. */
@Component
@Order(4)
class DisclosuresPart implements RecordPart<DisclosureView> {

    private final DisclosureViews views;

    DisclosuresPart(DisclosureViews views) {
        this.views = views;
    }

    @Override
    public String name() {
        return "disclosures";
    }

    @Override
    public List<String> aggregatesOf(String caseId) {
        return views.findByCase(caseId).stream().map(DisclosureView::getDisclosureId).toList();
    }

    @Override
    public boolean folds(Object payload) {
        return payload instanceof DisclosureEvent;
    }

    @Override
    public DisclosureView fold(DisclosureView view, DomainEventMessage<?> event, Folding folding) {
        return DisclosureFold.apply(view, (DisclosureEvent) event.getPayload(), event.getSequenceNumber(),
                folding.displayName());
    }

    @Override
    public void summarise(CaseView caseView, List<DisclosureView> disclosures) {
        caseView.setOpenRequestsByHolder(DisclosureFold.openRequestsByHolder(disclosures));
    }

    @Override
    public List<DisclosureView> shown(List<DisclosureView> disclosures, AuditRedaction redaction) {
        return disclosures.stream().sorted(Comparator.comparing(DisclosureView::getRequestedAt))
                .map(d -> redaction.shows(d.getCategory(), "disclosure " + d.getDisclosureId()) ? d
                        : d.withheld(AccessPolicy.placeholderFor(d.getCategory())))
                .toList();
    }
}
