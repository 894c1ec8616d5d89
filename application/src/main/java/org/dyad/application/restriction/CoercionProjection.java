package org.dyad.application.restriction;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.dyad.application.cases.CaseProjection;
import org.dyad.application.shared.ReadModelFreshness;
import org.dyad.application.users.UserDirectory;
import org.dyad.domain.restriction.CoercionEvent.*;
import org.springframework.stereotype.Component;

import static org.dyad.domain.shared.Charting.isLate;

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

    @EventHandler
    void on(CoercionRecorded e, @SequenceNumber long seq) {
        if (views.find(e.coercionId()).isPresent()) {
            return;
        }
        CoercionView view = new CoercionView(e.coercionId(), e.caseId(), e.kind(), e.whatHappened(), e.recordedBy(),
                users.displayName(e.recordedBy()), e.recordedByPersonServed(), e.occurredAt(), e.recordedAt(),
                isLate(e.occurredAt(), e.recordedAt()));
        view.applied(seq);
        store(view);
    }

    @EventHandler
    void on(PersonsAccountOfCoercionAdded e, @SequenceNumber long seq) {
        views.find(e.coercionId()).filter(v -> v.getVersion() < seq).ifPresent(view -> {
            view.accountAdded(new CoercionView.Account(e.account(), e.recordedAt()));
            view.applied(seq);
            store(view);
        });
    }

    private void store(CoercionView view) {
        views.save(view);
        cases.refile(view.getCaseId());
        freshness.changed();
    }
}
