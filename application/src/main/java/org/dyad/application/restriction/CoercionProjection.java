package org.dyad.application.restriction;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.dyad.application.cases.CaseProjection;
import org.dyad.application.shared.ReadModelFreshness;
import org.dyad.application.users.UserDirectory;
import org.dyad.domain.restriction.CoercionEvent;
import org.springframework.stereotype.Component;

/** Keeps the soft-coercion ledger current and tells screens showing the case. */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
public class CoercionProjection {

    private final CoercionViews views;
    private final CaseProjection cases;
    private final UserDirectory users;
    private final ReadModelFreshness freshness;

    public CoercionProjection(CoercionViews views, CaseProjection cases, UserDirectory users, ReadModelFreshness freshness) {
        this.views = views;
        this.cases = cases;
        this.users = users;
        this.freshness = freshness;
    }

    /** Idempotent: an event at or below the stored version was applied already. */
    @EventHandler
    void on(CoercionEvent e, @SequenceNumber long seq) {
        CoercionView view = views.find(e.coercionId()).orElse(null);
        if (view != null && view.getVersion() >= seq) {
            return;
        }
        CoercionView next = CoercionFold.apply(view, e, seq, users::displayName);
        views.save(next);
        cases.refile(next.getCaseId());
        freshness.changed(next.getCoercionId(), next.getVersion());
    }
}
