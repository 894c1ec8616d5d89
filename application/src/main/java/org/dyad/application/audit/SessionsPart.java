package org.dyad.application.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.dyad.application.access.AccessPolicy;
import org.dyad.application.cases.CaseView;
import org.dyad.application.cotreatment.SessionFold;
import org.dyad.application.cotreatment.SessionView;
import org.dyad.application.cotreatment.SessionViews;
import org.dyad.domain.cotreatment.SessionEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/** Co-treatment sessions in a case's record. */
@Component
@Order(1)
class SessionsPart implements RecordPart<SessionView> {

    private final SessionViews views;
    private final ZoneId clinicZone;

    SessionsPart(SessionViews views, Clock clock) {
        this.views = views;
        this.clinicZone = clock.getZone();
    }

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public List<String> aggregatesOf(String caseId) {
        return views.findByCase(caseId).stream().map(SessionView::getSessionId).toList();
    }

    @Override
    public boolean folds(Object payload) {
        return payload instanceof SessionEvent;
    }

    @Override
    public SessionView fold(SessionView view, DomainEventMessage<?> event, Folding folding) {
        CaseView caseSoFar = folding.caseSoFar();
        String personName = view != null ? view.getPersonName()
                : caseSoFar != null ? caseSoFar.getPreferredName() : "the person served";
        return SessionFold.apply(view, (SessionEvent) event.getPayload(), event.getTimestamp(),
                event.getSequenceNumber(), folding.displayName(), personName);
    }

    /** Same-day flags only ever turn on as sessions end, so flagging each ended session once gives the live result. */
    @Override
    public void summarise(CaseView caseView, List<SessionView> sessions) {
        sessions.stream().filter(s -> s.getEndedAt() != null)
                .forEach(s -> SessionFold.flagSameDayServices(s, sessions, clinicZone));
        caseView.setNextSession(SessionFold.nextSession(sessions));
    }

    @Override
    public List<SessionView> shown(List<SessionView> sessions, AuditRedaction redaction) {
        return sessions.stream().sorted(Comparator.comparing(SessionView::getScheduledFor))
                .map(s -> s.filtered(
                        note -> redaction.shows(note.category(), "session " + s.getSessionId() + ", note by " + note.authorId()),
                        view -> redaction.shows(view.category(), "session " + s.getSessionId() + ", differing view by " + view.peerId()),
                        AccessPolicy::placeholderFor))
                .toList();
    }
}
