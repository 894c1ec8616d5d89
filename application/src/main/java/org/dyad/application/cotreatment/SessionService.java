package org.dyad.application.cotreatment;

import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.ContentReader;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.SensitiveReads;
import org.dyad.application.consent.ConsentService;
import org.dyad.domain.shared.Sensitivity;
import org.dyad.application.access.Viewer;
import org.dyad.application.cases.CaseGuard;
import org.dyad.application.cases.CaseView;
import org.dyad.application.shared.ClinicalTime;
import org.dyad.application.shared.CommandSender;
import org.dyad.application.shared.InvalidInput;
import org.dyad.application.shared.NotFound;
import org.dyad.application.users.AccountRole;
import org.dyad.application.users.UserAccount;
import org.dyad.application.users.UserDirectory;
import org.dyad.domain.cotreatment.ParticipantRole;
import org.dyad.domain.cotreatment.SessionCommand;
import org.dyad.domain.cotreatment.SessionCommand.*;
import org.dyad.domain.shared.DomainRuleViolation;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Co-treatment sessions: scheduled for the case's dyad, attended, and written up by each clinician. */
@Service
public class SessionService {

    /** Participant id of the person served when they have no login. */
    public static final String PERSON = "person";
    static final String SUPPORTER_PREFIX = "supporter:";

    private final CommandSender sender;
    private final SessionViews views;
    private final CaseGuard guard;
    private final UserDirectory users;
    private final Clock clock;
    private final AccessPolicy policy;
    private final ConsentService consents;
    private final SensitiveReads reads;

    public SessionService(CommandSender sender, SessionViews views, CaseGuard guard, UserDirectory users, Clock clock,
                          AccessPolicy policy, ConsentService consents, SensitiveReads reads) {
        this.sender = sender;
        this.views = views;
        this.guard = guard;
        this.users = users;
        this.clock = clock;
        this.policy = policy;
        this.consents = consents;
        this.reads = reads;
    }

    public String schedule(Viewer viewer, String caseId, Instant scheduledFor, String place) {
        CaseView c = guard.workable(viewer, caseId);
        if (c.getDyad() == null) {
            throw new DomainRuleViolation("A co-treatment session is scheduled for the case's dyad; form the dyad first.");
        }
        String sessionId = UUID.randomUUID().toString();
        String person = c.getPersonServedUserId() != null ? c.getPersonServedUserId() : PERSON;
        send(new ScheduleSession(sessionId, caseId, scheduledFor, place, c.getDyad().peerId(),
                c.getDyad().psychiatristId(), person), null);
        return sessionId;
    }

    /** The case's sessions as this viewer may read them; {@code channel} is recorded with every sensitive read. */
    public List<SessionView> list(Viewer viewer, String caseId, String channel) {
        return readableSessions(viewer, guard.readable(viewer, caseId), channel);
    }

    /** The sessions for an export of the whole record: as {@link #list}, and for auditors under the audit rules. */
    public List<SessionView> listForExport(Viewer viewer, String caseId, String channel) {
        return readableSessions(viewer, guard.wholeRecord(viewer, caseId), channel);
    }

    public SessionView get(Viewer viewer, String caseId, String sessionId, String channel) {
        CaseView c = guard.readable(viewer, caseId);
        return readableBy(viewer, c, session(caseId, sessionId), reader(viewer, c), channel);
    }

    private List<SessionView> readableSessions(Viewer viewer, CaseView c, String channel) {
        ContentReader reader = reader(viewer, c);
        return views.findByCase(c.getCaseId()).stream().sorted(Comparator.comparing(SessionView::getScheduledFor))
                .map(s -> readableBy(viewer, c, s, reader, channel)).toList();
    }

    private ContentReader reader(Viewer viewer, CaseView c) {
        return policy.readerFor(viewer, c, consents.termsInForce(c.getCaseId()), clock.instant());
    }

    private SessionView readableBy(Viewer viewer, CaseView c, SessionView session, ContentReader reader, String channel) {
        Instant now = clock.instant();
        SessionView filtered = session.filtered(
                note -> reader.mayRead(note.category(), note.authorId()),
                view -> reader.mayRead(view.category(), view.peerId()),
                AccessPolicy::placeholderFor);
        for (SessionView.Note note : filtered.getNotes()) {
            reads.record(viewer, c, note.category(), note.authorId(), note.withheld(),
                    "session " + session.getSessionId() + ", note by " + note.authorId(), channel, now);
        }
        for (SessionView.DifferingView view : filtered.getDifferingViews()) {
            reads.record(viewer, c, view.category(), view.peerId(), view.withheld(),
                    "session " + session.getSessionId() + ", differing view by " + view.peerId(), channel, now);
        }
        return filtered;
    }

    public void reschedule(Viewer viewer, String caseId, String sessionId, Instant scheduledFor, String place) {
        work(viewer, caseId, sessionId);
        send(new RescheduleSession(sessionId, scheduledFor, place), null);
    }

    public void cancel(Viewer viewer, String caseId, String sessionId, String reason) {
        work(viewer, caseId, sessionId);
        send(new CancelSession(sessionId, reason), reason);
    }

    public void start(Viewer viewer, String caseId, String sessionId, Instant at) {
        work(viewer, caseId, sessionId);
        Instant now = clock.instant();
        send(new StartSession(sessionId, clinicalTime(at, now), now), null);
    }

    /** {@code participant} is "person", a staff login, or null with a {@code supporterName}. */
    public void join(Viewer viewer, String caseId, String sessionId, String participant, String supporterName, Instant at) {
        SessionView session = work(viewer, caseId, sessionId);
        Instant now = clock.instant();
        Participant p = participant(session, participant, supporterName);
        send(new JoinSession(sessionId, p.id(), p.role(), clinicalTime(at, now), now), null);
    }

    public void leave(Viewer viewer, String caseId, String sessionId, String participant, String supporterName, Instant at) {
        SessionView session = work(viewer, caseId, sessionId);
        Instant now = clock.instant();
        send(new LeaveSession(sessionId, participant(session, participant, supporterName).id(), clinicalTime(at, now), now), null);
    }

    public void end(Viewer viewer, String caseId, String sessionId, Instant at) {
        work(viewer, caseId, sessionId);
        Instant now = clock.instant();
        send(new EndSession(sessionId, clinicalTime(at, now), now), null);
    }

    /** {@code category} null: the author's role decides (a peer's note is confidential). */
    public void writeNote(Viewer viewer, String caseId, String sessionId, String text, Sensitivity category) {
        work(viewer, caseId, sessionId);
        send(new WriteNote(sessionId, viewer.userId(), noteRole(viewer), text, category), null);
    }

    public void signNote(Viewer viewer, String caseId, String sessionId) {
        work(viewer, caseId, sessionId);
        send(new SignNote(sessionId, viewer.userId(), clock.instant()), null);
    }

    public void amendNote(Viewer viewer, String caseId, String sessionId, String text, String reason) {
        work(viewer, caseId, sessionId);
        send(new AmendNote(sessionId, viewer.userId(), text, reason), reason);
    }

    public void coSign(Viewer viewer, String caseId, String sessionId, String noteAuthorId) {
        work(viewer, caseId, sessionId);
        send(new CoSignNote(sessionId, viewer.userId(), noteAuthorId), null);
    }

    public void recordDifferingView(Viewer viewer, String caseId, String sessionId, String text, Sensitivity category) {
        work(viewer, caseId, sessionId);
        send(new RecordDifferingView(sessionId, viewer.userId(), text, category), null);
    }

    private record Participant(String id, ParticipantRole role) {
    }

    private Participant participant(SessionView session, String participant, String supporterName) {
        if (supporterName != null && !supporterName.isBlank()) {
            return new Participant(SUPPORTER_PREFIX + supporterName.strip(), ParticipantRole.SUPPORTER);
        }
        if (participant == null || participant.isBlank()) {
            throw new InvalidInput("participant", "Say who: \"person\", a staff login, or a supporter's name.");
        }
        if (participant.equals(PERSON) || participant.equals(session.getPersonServedId())) {
            return new Participant(session.getPersonServedId(), ParticipantRole.PERSON_SERVED);
        }
        UserAccount account = users.find(participant)
                .orElseThrow(() -> new InvalidInput("participant", "There is no one '" + participant + "'."));
        ParticipantRole role = switch (account.role()) {
            case PEER_SPECIALIST -> ParticipantRole.PEER_SPECIALIST;
            case PSYCHIATRIST -> ParticipantRole.PSYCHIATRIST;
            case NURSE, THERAPIST, SOCIAL_WORKER, CASE_MANAGER -> ParticipantRole.OTHER_STAFF;
            case AUDITOR, ADMIN, PERSON_SERVED -> throw new InvalidInput("participant",
                    participant + " does not take part in this person's sessions.");
        };
        return new Participant(account.userId(), role);
    }

    private static ParticipantRole noteRole(Viewer viewer) {
        if (viewer.role() == AccountRole.PEER_SPECIALIST) {
            return ParticipantRole.PEER_SPECIALIST;
        }
        if (viewer.role() == AccountRole.PSYCHIATRIST) {
            return ParticipantRole.PSYCHIATRIST;
        }
        throw new NotPermitted("Session notes are written by the peer specialist and the psychiatrist, each their own.");
    }

    private SessionView work(Viewer viewer, String caseId, String sessionId) {
        guard.workable(viewer, caseId);
        return session(caseId, sessionId);
    }

    private SessionView session(String caseId, String sessionId) {
        return views.find(sessionId).filter(s -> s.getCaseId().equals(caseId))
                .orElseThrow(() -> new NotFound("No session " + sessionId + " on this case."));
    }

    private static Instant clinicalTime(Instant at, Instant now) {
        return ClinicalTime.of(at, now, "at");
    }

    private void send(SessionCommand command, String reason) {
        sender.send(command, command.sessionId(),
                () -> views.find(command.sessionId()).map(SessionView::getVersion).orElse(-1L), reason);
    }
}
