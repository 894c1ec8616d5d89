package org.dyad.application.cotreatment;

import org.dyad.application.cases.CaseView;
import org.dyad.domain.cotreatment.Attendance;
import org.dyad.domain.cotreatment.SessionEvent;
import org.dyad.domain.cotreatment.SessionEvent.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** How one session event changes a session's view, and what a case's sessions say of it: shared by projection and replay. */
public final class SessionFold {

    private SessionFold() {
    }

    /** The view after {@code event}; {@code view} is null before the session's first event. */
    public static SessionView apply(SessionView view, SessionEvent event, Instant at, long sequence,
                                    Function<String, String> displayName, String personName) {
        SessionView v;
        if (event instanceof SessionScheduled e) {
            v = new SessionView(e.sessionId(), e.caseId(), e.scheduledFor(), e.place(),
                    new SessionView.Person(e.peerId(), displayName.apply(e.peerId())),
                    new SessionView.Person(e.psychiatristId(), displayName.apply(e.psychiatristId())),
                    e.personServedId(), personName);
        } else if (view == null) {
            throw new IllegalStateException("no view for session " + event.sessionId() + " at event " + sequence);
        } else {
            v = view;
            change(v, event, at, participantId -> participantId.equals(v.getPersonServedId()) ? v.getPersonName()
                    : name(participantId, displayName));
        }
        v.applied(sequence);
        return v;
    }

    private static void change(SessionView v, SessionEvent event, Instant at, Function<String, String> name) {
        if (event instanceof SessionRescheduled e) {
            v.reschedule(e.scheduledFor(), e.place());
        } else if (event instanceof SessionCancelled e) {
            v.cancel(e.reason());
        } else if (event instanceof SessionStarted e) {
            v.start(e.at());
        } else if (event instanceof ParticipantJoined e) {
            v.join(new SessionView.Stretch(e.participantId(), name.apply(e.participantId()), e.role(), e.at(), null));
        } else if (event instanceof ParticipantLeft e) {
            v.leave(e.participantId(), e.at());
        } else if (event instanceof SessionEnded e) {
            List<SessionView.Stretch> closed = new ArrayList<>();
            for (Attendance a : e.attendance()) {
                closed.add(new SessionView.Stretch(a.participantId(), name.apply(a.participantId()), a.role(),
                        a.joinedAt(), a.leftAt()));
            }
            v.end(e.at(), e.kind(), closed, e.peerServed(), e.psychiatristServed());
        } else if (event instanceof NoteWritten e) {
            v.putNote(new SessionView.Note(e.authorId(), name.apply(e.authorId()), e.authorRole(), e.text(), at, null,
                    List.of(), e.category(), false));
        } else if (event instanceof NoteSigned e) {
            SessionView.Note note = v.note(e.authorId());
            v.putNote(new SessionView.Note(note.authorId(), note.authorName(), note.role(), note.text(),
                    note.writtenAt(), e.signedAt(), note.amendments(), note.category(), false));
        } else if (event instanceof NoteAmended e) {
            SessionView.Note note = v.note(e.authorId());
            List<SessionView.Amendment> amendments = new ArrayList<>(note.amendments());
            amendments.add(new SessionView.Amendment(note.text(), e.text(), e.reason(), at));
            v.putNote(new SessionView.Note(note.authorId(), note.authorName(), note.role(), e.text(),
                    note.writtenAt(), note.signedAt(), amendments, note.category(), false));
        } else if (event instanceof DifferingViewRecorded e) {
            v.addDifferingView(new SessionView.DifferingView(e.peerId(), name.apply(e.peerId()), e.text(), at,
                    e.category(), false));
        }
    }

    /** A supporter without a login is named in their participant id. */
    static String name(String participantId, Function<String, String> displayName) {
        if (participantId.startsWith(SessionService.SUPPORTER_PREFIX)) {
            return participantId.substring(SessionService.SUPPORTER_PREFIX.length());
        }
        return displayName.apply(participantId);
    }

    /** The case's next session: the earliest one scheduled or in progress. */
    public static CaseView.NextSession nextSession(Collection<SessionView> caseSessions) {
        return caseSessions.stream()
                .filter(SessionView::isOpen)
                .min(Comparator.comparing(SessionView::getScheduledFor))
                .map(s -> new CaseView.NextSession(s.getSessionId(), s.getScheduledFor(), s.getPlace(),
                        s.getStatus() == SessionView.Status.IN_PROGRESS))
                .orElse(null);
    }

    /** Same-day services by the peer and the psychiatrist can both be billed; returns the sessions whose flag changed. */
    public static List<SessionView> flagSameDayServices(SessionView ended, Collection<SessionView> caseSessions,
                                                        ZoneId clinicZone) {
        LocalDate day = ended.getEndedAt().atZone(clinicZone).toLocalDate();
        List<SessionView> thatDay = caseSessions.stream()
                .filter(s -> s.getEndedAt() != null && s.getEndedAt().atZone(clinicZone).toLocalDate().equals(day))
                .toList();
        boolean both = thatDay.stream().anyMatch(SessionView::isPeerServed)
                && thatDay.stream().anyMatch(SessionView::isPsychiatristServed);
        List<SessionView> changed = new ArrayList<>();
        for (SessionView s : thatDay) {
            if (s.isSameDayServicesByBoth() != both) {
                s.markSameDayServicesByBoth(both);
                changed.add(s);
            }
        }
        return changed;
    }
}
