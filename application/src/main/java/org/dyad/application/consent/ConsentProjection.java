package org.dyad.application.consent;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.dyad.application.cases.CaseProjection;
import org.dyad.application.shared.ReadModelFreshness;
import org.dyad.domain.consent.ConsentEvent.*;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keeps consent views current. Every change re-files the case: boards and open case pages are told at once, so
 * what a revoked consent allowed disappears everywhere.
 */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
public class ConsentProjection {

    private final ConsentViews views;
    private final CaseProjection cases;
    private final ReadModelFreshness freshness;

    public ConsentProjection(ConsentViews views, CaseProjection cases, ReadModelFreshness freshness) {
        this.views = views;
        this.cases = cases;
        this.freshness = freshness;
    }

    @EventHandler
    void on(ConsentGranted e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (views.find(e.consentId()).isPresent()) {
            return;
        }
        ConsentView view = new ConsentView(e.consentId(), e.caseId(), e.discloser(), e.recipients(), e.categories(),
                e.purposes(), e.purposeInTheirWords(), e.expiresOn(), e.expiresUpon(), e.signedBy(), e.signedOn(), at);
        view.applied(seq);
        store(view);
    }

    @EventHandler
    void on(ConsentRevoked e, @SequenceNumber long seq) {
        update(e.consentId(), seq, v -> v.end(ConsentView.Status.REVOKED, e.at(), "revoked by the person"));
    }

    @EventHandler
    void on(ConsentExpired e, @SequenceNumber long seq) {
        update(e.consentId(), seq, v -> v.end(ConsentView.Status.EXPIRED, e.at(), e.because()));
    }

    private void update(String consentId, long seq, Consumer<ConsentView> change) {
        ConsentView view = views.find(consentId)
                .orElseThrow(() -> new IllegalStateException("no view for consent " + consentId + " at event " + seq));
        if (view.getVersion() >= seq) {
            return;
        }
        change.accept(view);
        view.applied(seq);
        store(view);
    }

    /** The consent first, then the case is re-filed, so screens told of the change already see the new terms. */
    private void store(ConsentView view) {
        views.save(view);
        cases.refile(view.getCaseId());
        freshness.changed();
    }
}
