package org.dyad.application.cases;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.dyad.application.shared.ReadModelFreshness;
import org.dyad.application.users.UserDirectory;
import org.dyad.domain.cases.CaseEvent.*;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Keeps {@link CaseView}s current. Idempotent: an event at or below the stored version is skipped. */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
public class CaseProjection {

    public static final String PROCESSING_GROUP = "case-views";

    private final CaseViews views;
    private final UserDirectory users;
    private final List<CaseViewListener> listeners;
    private final ReadModelFreshness freshness;

    public CaseProjection(CaseViews views, UserDirectory users, List<CaseViewListener> listeners,
                          ReadModelFreshness freshness) {
        this.views = views;
        this.users = users;
        this.listeners = listeners;
        this.freshness = freshness;
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

    @EventHandler
    void on(CaseOpened e, @Timestamp Instant at, @SequenceNumber long seq) {
        if (views.find(e.caseId()).isPresent()) {
            return;
        }
        CaseView view = new CaseView(e.caseId(), e.preferredName(), e.pronouns(), e.dateOfBirth(), e.setting(),
                e.unit(), e.personServedUserId(), e.restricted(), at);
        view.touched(at, seq);
        store(view);
    }

    @EventHandler
    void on(CareTeamMemberJoined e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e.caseId(), at, seq, v -> v.addMember(
                new CaseView.Member(e.userId(), users.displayName(e.userId()), e.role(), at)));
    }

    @EventHandler
    void on(CareTeamMemberLeft e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e.caseId(), at, seq, v -> v.removeMember(e.userId()));
    }

    @EventHandler
    void on(DyadFormed e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e.caseId(), at, seq, v -> v.setDyad(new CaseView.Dyad(e.peerId(), users.displayName(e.peerId()),
                e.psychiatristId(), users.displayName(e.psychiatristId()), at)));
    }

    @EventHandler
    void on(DyadDissolved e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e.caseId(), at, seq, v -> v.setDyad(null));
    }

    @EventHandler
    void on(GoalsRecorded e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e.caseId(), at, seq, v -> v.setGoals(
                new CaseView.Goals(e.whatMattersMost(), e.goals(), e.personalMedicine(), at)));
    }

    @EventHandler
    void on(AdvanceDirectiveRecorded e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e.caseId(), at, seq, v -> v.setAdvanceDirective(e.directive()));
    }

    @EventHandler
    void on(WrapSummaryRecorded e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e.caseId(), at, seq, v -> v.setWrapSummary(e.wrap()));
    }

    @EventHandler
    void on(PersonAdmitted e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e.caseId(), at, seq, v -> v.admit(e.occurredAt()));
    }

    @EventHandler
    void on(PersonDischarged e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e.caseId(), at, seq, v -> v.discharge(e.occurredAt()));
    }

    @EventHandler
    void on(LeaveStarted e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e.caseId(), at, seq, v -> v.startLeave(e.occurredAt()));
    }

    @EventHandler
    void on(LeaveEnded e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e.caseId(), at, seq, v -> v.endLeave(e.occurredAt()));
    }

    @EventHandler
    void on(RecordRestricted e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e.caseId(), at, seq, v -> v.setRestricted(true));
    }

    @EventHandler
    void on(RecordRestrictionLifted e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e.caseId(), at, seq, v -> v.setRestricted(false));
    }

    @EventHandler
    void on(CaseClosed e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e.caseId(), at, seq, CaseView::close);
    }

    private void update(String caseId, Instant at, long seq, Consumer<CaseView> change) {
        CaseView view = views.find(caseId)
                .orElseThrow(() -> new IllegalStateException("no view for case " + caseId + " at event " + seq));
        if (view.getVersion() >= seq) {
            return;
        }
        change.accept(view);
        view.touched(at, seq);
        store(view);
    }

    private void store(CaseView view) {
        view.revised();
        views.save(view);
        listeners.forEach(l -> l.caseViewChanged(view));
        freshness.changed();
    }
}
