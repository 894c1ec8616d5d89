package org.dyad.application.cases;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.dyad.application.shared.ReadModelFreshness;
import org.dyad.application.shared.ReadModels;
import org.dyad.application.users.UserDirectory;
import org.dyad.domain.cases.CaseEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** Keeps {@link CaseView}s current by {@link CaseFold}. */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
public class CaseProjection {

    public static final String PROCESSING_GROUP = "case-views";

    private final CaseViews views;
    private final UserDirectory users;
    private final List<CaseViewListener> listeners;
    private final ReadModelFreshness freshness;
    private final ReadModels readModels;

    public CaseProjection(CaseViews views, UserDirectory users, List<CaseViewListener> listeners,
                          ReadModelFreshness freshness, ReadModels readModels) {
        this.views = views;
        this.users = users;
        this.listeners = listeners;
        this.freshness = freshness;
        this.readModels = readModels;
    }

    /** Before a rebuild replays the events from the first: every view of this processing group goes. */
    @ResetHandler
    void reset() {
        readModels.clearViews();
        freshness.forgetAll();
        listeners.forEach(CaseViewListener::caseViewsCleared);
    }

    /**
     * Lets the projections of a case's other aggregates (sessions, decisions) keep its summary fields current.
     * They run in the same processing group, so the case view already exists and updates stay in order.
     * {@code changed} applies the change and says whether anything changed; only then is the view stored.
     */
    public void amend(String caseId, Predicate<CaseView> changed) {
        views.find(caseId).filter(changed).ifPresent(this::store);
    }

    /** Tells every screen showing the case to look again: something recorded around it, or what may be shared, changed. */
    public void refile(String caseId) {
        amend(caseId, view -> true);
    }

    /** Idempotent: an event at or below the stored version was applied already. */
    @EventHandler
    void on(CaseEvent e, @Timestamp Instant at, @SequenceNumber long seq) {
        CaseView view = views.find(e.caseId()).orElse(null);
        if (view != null && view.getVersion() >= seq) {
            return;
        }
        store(CaseFold.apply(view, e, at, seq, users::displayName));
    }

    private void store(CaseView view) {
        view.revised();
        views.save(view);
        listeners.forEach(l -> l.caseViewChanged(view));
        freshness.changed(view.getCaseId(), view.getVersion());
    }
}
