package org.dyad.application.cotreatment;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.dyad.application.cases.CaseProjection;
import org.dyad.application.cases.CaseView;
import org.dyad.application.cases.CaseViews;
import org.dyad.application.shared.ReadModelFreshness;
import org.dyad.application.users.UserDirectory;
import org.dyad.domain.cotreatment.SessionEvent;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Keeps session views current by {@link SessionFold}, and each case's next session and same-day billing flags. */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
public class SessionProjection {

    private final SessionViews views;
    private final CaseProjection cases;
    private final UserDirectory users;
    private final ReadModelFreshness freshness;
    private final ZoneId clinicZone;
    private final CaseViews caseViews;

    public SessionProjection(SessionViews views, CaseProjection cases, CaseViews caseViews, UserDirectory users,
                             ReadModelFreshness freshness, Clock clock) {
        this.views = views;
        this.caseViews = caseViews;
        this.cases = cases;
        this.users = users;
        this.freshness = freshness;
        this.clinicZone = clock.getZone();
    }

    /** Idempotent: an event at or below the stored version was applied already. */
    @EventHandler
    void on(SessionEvent e, @Timestamp Instant at, @SequenceNumber long seq) {
        SessionView view = views.find(e.sessionId()).orElse(null);
        if (view != null && view.getVersion() >= seq) {
            return;
        }
        String personName = view != null ? view.getPersonName() : personName(e);
        SessionView next = SessionFold.apply(view, e, at, seq, users::displayName, personName);
        if (e instanceof SessionEvent.SessionEnded) {
            SessionFold.flagSameDayServices(next, caseSessions(next), clinicZone).stream()
                    .filter(s -> s != next).forEach(views::save);
        }
        store(next);
    }

    /** Derived case fields first, the session last: once a caller sees the session's version, all of it shows. */
    private void store(SessionView view) {
        CaseView.NextSession next = SessionFold.nextSession(caseSessions(view));
        cases.amend(view.getCaseId(), c -> {
            if (Objects.equals(c.getNextSession(), next)) {
                return false;
            }
            c.setNextSession(next);
            return true;
        });
        views.save(view);
        cases.refile(view.getCaseId());
        freshness.changed(view.getSessionId(), view.getVersion());
    }

    /** The case's sessions with {@code changed} in place of its stored copy. */
    private List<SessionView> caseSessions(SessionView changed) {
        return Stream.concat(Stream.of(changed), views.findByCase(changed.getCaseId()).stream()
                .filter(s -> !s.getSessionId().equals(changed.getSessionId()))).toList();
    }

    private String personName(SessionEvent e) {
        String caseId = e instanceof SessionEvent.SessionScheduled s ? s.caseId() : null;
        return caseId == null ? null : caseViews.find(caseId).map(CaseView::getPreferredName).orElse("the person served");
    }
}
