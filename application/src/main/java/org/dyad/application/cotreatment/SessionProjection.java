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
import org.dyad.domain.cotreatment.Attendance;
import org.dyad.domain.cotreatment.SessionEvent.*;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Keeps session views current, and each case's next session and same-day billing flags. */
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

    @EventHandler
    void on(SessionScheduled e, @SequenceNumber long seq) {
        if (views.find(e.sessionId()).isPresent()) {
            return;
        }
        SessionView view = new SessionView(e.sessionId(), e.caseId(), e.scheduledFor(), e.place(),
                person(e.peerId()), person(e.psychiatristId()), e.personServedId(), personName(e.caseId()));
        view.applied(seq);
        store(view);
    }

    @EventHandler
    void on(SessionRescheduled e, @SequenceNumber long seq) {
        update(e.sessionId(), seq, v -> v.reschedule(e.scheduledFor(), e.place()));
    }

    @EventHandler
    void on(SessionCancelled e, @SequenceNumber long seq) {
        update(e.sessionId(), seq, v -> v.cancel(e.reason()));
    }

    @EventHandler
    void on(SessionStarted e, @SequenceNumber long seq) {
        update(e.sessionId(), seq, v -> v.start(e.at()));
    }

    @EventHandler
    void on(ParticipantJoined e, @SequenceNumber long seq) {
        update(e.sessionId(), seq, v -> v.join(new SessionView.Stretch(e.participantId(),
                e.participantId().equals(v.getPersonServedId()) ? v.getPersonName() : name(e.participantId()),
                e.role(), e.at(), null)));
    }

    @EventHandler
    void on(ParticipantLeft e, @SequenceNumber long seq) {
        update(e.sessionId(), seq, v -> v.leave(e.participantId(), e.at()));
    }

    @EventHandler
    void on(SessionEnded e, @SequenceNumber long seq) {
        List<SessionView.Stretch> closed = new ArrayList<>();
        update(e.sessionId(), seq, v -> {
            for (Attendance a : e.attendance()) {
                String name = a.participantId().equals(v.getPersonServedId()) ? v.getPersonName() : name(a.participantId());
                closed.add(new SessionView.Stretch(a.participantId(), name, a.role(), a.joinedAt(), a.leftAt()));
            }
            v.end(e.at(), e.kind(), closed, e.peerServed(), e.psychiatristServed());
            flagSameDayServices(v);
        });
    }

    @EventHandler
    void on(NoteWritten e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.sessionId(), seq, v -> v.putNote(new SessionView.Note(e.authorId(), name(e.authorId()), e.authorRole(),
                e.text(), at, null, List.of(), e.category(), false)));
    }

    @EventHandler
    void on(NoteSigned e, @SequenceNumber long seq) {
        update(e.sessionId(), seq, v -> {
            SessionView.Note note = v.note(e.authorId());
            v.putNote(new SessionView.Note(note.authorId(), note.authorName(), note.role(), note.text(), note.writtenAt(),
                    e.signedAt(), note.amendments(), note.category(), false));
        });
    }

    @EventHandler
    void on(NoteAmended e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.sessionId(), seq, v -> {
            SessionView.Note note = v.note(e.authorId());
            List<SessionView.Amendment> amendments = new ArrayList<>(note.amendments());
            amendments.add(new SessionView.Amendment(note.text(), e.text(), e.reason(), at));
            v.putNote(new SessionView.Note(note.authorId(), note.authorName(), note.role(), e.text(), note.writtenAt(),
                    note.signedAt(), amendments, note.category(), false));
        });
    }

    @EventHandler
    void on(DifferingViewRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.sessionId(), seq, v -> v.addDifferingView(new SessionView.DifferingView(e.peerId(), name(e.peerId()),
                e.text(), at, e.category(), false)));
    }

    private void update(String sessionId, long seq, Consumer<SessionView> change) {
        SessionView view = views.find(sessionId)
                .orElseThrow(() -> new IllegalStateException("no view for session " + sessionId + " at event " + seq));
        if (view.getVersion() >= seq) {
            return;
        }
        change.accept(view);
        view.applied(seq);
        store(view);
    }

    /** Derived case fields first, the session last: once a caller sees the session's version, all of it shows. */
    private void store(SessionView view) {
        refreshNextSession(view);
        views.save(view);
        cases.refile(view.getCaseId());
        freshness.changed();
    }

    private void refreshNextSession(SessionView changed) {
        String caseId = changed.getCaseId();
        CaseView.NextSession next = Stream.concat(Stream.of(changed), views.findByCase(caseId).stream()
                        .filter(s -> !s.getSessionId().equals(changed.getSessionId())))
                .filter(SessionView::isOpen)
                .min(Comparator.comparing(SessionView::getScheduledFor))
                .map(s -> new CaseView.NextSession(s.getSessionId(), s.getScheduledFor(), s.getPlace(),
                        s.getStatus() == SessionView.Status.IN_PROGRESS))
                .orElse(null);
        cases.amend(caseId, c -> {
            if (Objects.equals(c.getNextSession(), next)) {
                return false;
            }
            c.setNextSession(next);
            return true;
        });
    }

    /** Same-day services by the peer and the psychiatrist, across the case's sessions that day, can both be billed. */
    private void flagSameDayServices(SessionView ended) {
        LocalDate day = ended.getEndedAt().atZone(clinicZone).toLocalDate();
        List<SessionView> thatDay = Stream.concat(Stream.of(ended), views.findByCase(ended.getCaseId()).stream()
                        .filter(s -> !s.getSessionId().equals(ended.getSessionId())))
                .filter(s -> s.getEndedAt() != null && s.getEndedAt().atZone(clinicZone).toLocalDate().equals(day))
                .toList();
        boolean both = thatDay.stream().anyMatch(SessionView::isPeerServed)
                && thatDay.stream().anyMatch(SessionView::isPsychiatristServed);
        for (SessionView s : thatDay) {
            if (s.isSameDayServicesByBoth() != both) {
                s.markSameDayServicesByBoth(both);
                if (s != ended) {
                    views.save(s);
                }
            }
        }
    }

    private SessionView.Person person(String userId) {
        return new SessionView.Person(userId, users.displayName(userId));
    }

    private String name(String participantId) {
        if (participantId.startsWith(SessionService.SUPPORTER_PREFIX)) {
            return participantId.substring(SessionService.SUPPORTER_PREFIX.length());
        }
        return users.displayName(participantId);
    }

    private String personName(String caseId) {
        return caseViews.find(caseId).map(CaseView::getPreferredName).orElse("the person served");
    }
}
