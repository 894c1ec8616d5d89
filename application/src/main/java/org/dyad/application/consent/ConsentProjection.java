package org.dyad.application.consent;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.dyad.application.cases.CaseProjection;
import org.dyad.application.shared.ReadModelFreshness;
import org.dyad.domain.consent.ConsentEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;

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

    /** Idempotent: an event at or below the stored version was applied already. */
    @EventHandler
    void on(ConsentEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        ConsentView view = views.find(e.consentId()).orElse(null);
        if (view != null && view.getVersion() >= seq) {
            return;
        }
        store(ConsentFold.apply(view, e, at, seq));
    }

    /** The consent first, then the case is re-filed, so screens told of the change already see the new terms. */
    private void store(ConsentView view) {
        views.save(view);
        cases.refile(view.getCaseId());
        freshness.changed(view.getConsentId(), view.getVersion());
    }
}
