package org.dyad.domain.cotreatment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.dyad.domain.cotreatment.SessionCommand.*;
import org.dyad.domain.cotreatment.SessionEvent.*;
import org.dyad.domain.shared.DomainRuleViolation;
import org.dyad.domain.shared.Sensitivity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.dyad.domain.shared.Rules.isBlank;
import static org.dyad.domain.shared.Rules.requireNotInFuture;
import static org.dyad.domain.shared.Rules.requireText;

/**
 * The peer and the psychiatrist with the person at the same time. Each clinician writes and signs their own note;
 * the session counts as co-treatment only when all three were present together.
 */
public class CoTreatmentSession {

    private enum Status { SCHEDULED, IN_PROGRESS, ENDED, CANCELLED }

    private static final Set<ParticipantRole> NOTE_AUTHORS = EnumSet.of(ParticipantRole.PEER_SPECIALIST,
            ParticipantRole.PSYCHIATRIST);

    @AggregateIdentifier
    private String sessionId;
    private String caseId;
    private String peerId;
    private Status status;
    private Instant startedAt;
    private final List<Attendance> attendance = new ArrayList<>();
    private final Map<String, Boolean> noteSignedByAuthor = new HashMap<>();

    protected CoTreatmentSession() {
        // for Axon
    }

    @CommandHandler
    public CoTreatmentSession(ScheduleSession command) {
        if (command.caseId() == null || command.scheduledFor() == null) {
            throw new DomainRuleViolation("A session needs a case and a time.");
        }
        if (isBlank(command.peerId()) || isBlank(command.psychiatristId())) {
            throw new DomainRuleViolation("A co-treatment session is scheduled for a dyad: a peer specialist and a psychiatrist.");
        }
        if (command.peerId().equals(command.psychiatristId())) {
            throw new DomainRuleViolation("The peer and the psychiatrist of a dyad are two different people.");
        }
        apply(new SessionScheduled(command.sessionId(), command.caseId(), command.scheduledFor(), command.place(),
                command.peerId(), command.psychiatristId(), command.personServedId()));
    }

    @CommandHandler
    public void handle(RescheduleSession command) {
        requireStatus(Status.SCHEDULED, "Only a session that has not started can be rescheduled.");
        if (command.scheduledFor() == null) {
            throw new DomainRuleViolation("Say when the session is.");
        }
        apply(new SessionRescheduled(sessionId, caseId, command.scheduledFor(), command.place()));
    }

    @CommandHandler
    public void handle(CancelSession command) {
        requireStatus(Status.SCHEDULED, "Only a session that has not started can be cancelled.");
        apply(new SessionCancelled(sessionId, caseId, command.reason()));
    }

    @CommandHandler
    public void handle(StartSession command) {
        requireStatus(Status.SCHEDULED, "This session has already started, ended or been cancelled.");
        requireNotInFuture(command.at(), command.recordedAt());
        apply(new SessionStarted(sessionId, caseId, command.at(), command.recordedAt()));
    }

    @CommandHandler
    public void handle(JoinSession command) {
        requireStatus(Status.IN_PROGRESS, "People join a session while it is in progress.");
        requireNotInFuture(command.at(), command.recordedAt());
        if (isBlank(command.participantId()) || command.role() == null) {
            throw new DomainRuleViolation("Say who joined and in what role.");
        }
        if (command.at().isBefore(startedAt)) {
            throw new DomainRuleViolation("Nobody joins a session before it starts.");
        }
        if (present(command.participantId()) != null) {
            throw new DomainRuleViolation(command.participantId() + " is already in the session.");
        }
        Instant lastLeft = attendance.stream().filter(a -> a.participantId().equals(command.participantId()))
                .map(Attendance::leftAt).max(Instant::compareTo).orElse(null);
        if (lastLeft != null && command.at().isBefore(lastLeft)) {
            throw new DomainRuleViolation("A rejoin cannot come before the time they last left.");
        }
        apply(new ParticipantJoined(sessionId, caseId, command.participantId(), command.role(), command.at(),
                command.recordedAt()));
    }

    @CommandHandler
    public void handle(LeaveSession command) {
        requireStatus(Status.IN_PROGRESS, "People leave a session while it is in progress.");
        requireNotInFuture(command.at(), command.recordedAt());
        Attendance stretch = present(command.participantId());
        if (stretch == null) {
            throw new DomainRuleViolation(command.participantId() + " is not in the session.");
        }
        if (command.at().isBefore(stretch.joinedAt())) {
            throw new DomainRuleViolation("Nobody leaves before they joined.");
        }
        apply(new ParticipantLeft(sessionId, caseId, command.participantId(), command.at(), command.recordedAt()));
    }

    @CommandHandler
    public void handle(EndSession command) {
        requireStatus(Status.IN_PROGRESS, "Only a session in progress can end.");
        requireNotInFuture(command.at(), command.recordedAt());
        if (command.at().isBefore(startedAt)) {
            throw new DomainRuleViolation("A session cannot end before it started.");
        }
        for (Attendance a : attendance) {
            if (a.joinedAt().isAfter(command.at()) || (a.leftAt() != null && a.leftAt().isAfter(command.at()))) {
                throw new DomainRuleViolation("The end cannot come before someone's recorded attendance.");
            }
        }
        List<Attendance> closed = attendance.stream()
                .map(a -> a.leftAt() == null ? new Attendance(a.participantId(), a.role(), a.joinedAt(), command.at()) : a)
                .toList();
        apply(new SessionEnded(sessionId, caseId, command.at(), command.recordedAt(), kindOf(closed), closed,
                servedWithPerson(closed, ParticipantRole.PEER_SPECIALIST),
                servedWithPerson(closed, ParticipantRole.PSYCHIATRIST)));
    }

    @CommandHandler
    public void handle(WriteNote command) {
        requireNoteTime();
        if (!NOTE_AUTHORS.contains(command.authorRole())) {
            throw new DomainRuleViolation("Session notes are written by the peer specialist and the psychiatrist, each their own.");
        }
        requireText(command.text(), "A note needs some text.");
        if (Boolean.TRUE.equals(noteSignedByAuthor.get(command.authorId()))) {
            throw new DomainRuleViolation("This note is signed; change it by an amendment with a reason.");
        }
        Sensitivity category = command.category() != null ? command.category()
                : Sensitivity.defaultForNoteBy(command.authorRole().name());
        apply(new NoteWritten(sessionId, caseId, command.authorId(), command.authorRole(), command.text(), category));
    }

    @CommandHandler
    public void handle(SignNote command) {
        Boolean signed = noteSignedByAuthor.get(command.authorId());
        if (signed == null) {
            throw new DomainRuleViolation("There is no note of yours to sign; write it first.");
        }
        if (signed) {
            throw new DomainRuleViolation("Your note is already signed.");
        }
        if (command.signedAt() == null) {
            throw new DomainRuleViolation("Say when the note was signed.");
        }
        apply(new NoteSigned(sessionId, caseId, command.authorId(), command.signedAt()));
    }

    @CommandHandler
    public void handle(AmendNote command) {
        if (!Boolean.TRUE.equals(noteSignedByAuthor.get(command.authorId()))) {
            throw new DomainRuleViolation("Only a signed note is amended; an unsigned note can simply be rewritten.");
        }
        requireText(command.text(), "An amendment needs the corrected text.");
        requireText(command.reason(), "An amendment to a signed note needs a reason.");
        apply(new NoteAmended(sessionId, caseId, command.authorId(), command.text(), command.reason()));
    }

    @CommandHandler
    public void handle(CoSignNote command) {
        if (command.signerId() != null && command.signerId().equals(command.noteAuthorId())) {
            throw new DomainRuleViolation("You sign your own note with 'sign'; there is nothing to co-sign.");
        }
        throw new DomainRuleViolation("Each clinician signs only their own note. A peer specialist is not a co-signer "
                + "or messenger for the psychiatrist's note, nor the psychiatrist for the peer's; "
                + "record a differing view beside the note instead.");
    }

    @CommandHandler
    public void handle(RecordDifferingView command) {
        requireNoteTime();
        if (command.peerId() == null || !command.peerId().equals(peerId)) {
            throw new DomainRuleViolation("A differing view is the session peer's own, recorded beside the psychiatrist's note.");
        }
        requireText(command.text(), "A differing view needs some text.");
        apply(new DifferingViewRecorded(sessionId, caseId, command.peerId(), command.text(),
                command.category() != null ? command.category() : Sensitivity.GENERAL));
    }

    @EventSourcingHandler
    void on(SessionScheduled event) {
        sessionId = event.sessionId();
        caseId = event.caseId();
        peerId = event.peerId();
        status = Status.SCHEDULED;
    }

    @EventSourcingHandler
    void on(SessionCancelled event) {
        status = Status.CANCELLED;
    }

    @EventSourcingHandler
    void on(SessionStarted event) {
        status = Status.IN_PROGRESS;
        startedAt = event.at();
    }

    @EventSourcingHandler
    void on(ParticipantJoined event) {
        attendance.add(new Attendance(event.participantId(), event.role(), event.at(), null));
    }

    @EventSourcingHandler
    void on(ParticipantLeft event) {
        Attendance stretch = present(event.participantId());
        attendance.set(attendance.indexOf(stretch),
                new Attendance(stretch.participantId(), stretch.role(), stretch.joinedAt(), event.at()));
    }

    @EventSourcingHandler
    void on(SessionEnded event) {
        status = Status.ENDED;
        attendance.clear();
        attendance.addAll(event.attendance());
    }

    @EventSourcingHandler
    void on(NoteWritten event) {
        noteSignedByAuthor.put(event.authorId(), false);
    }

    @EventSourcingHandler
    void on(NoteSigned event) {
        noteSignedByAuthor.put(event.authorId(), true);
    }

    /** Co-treatment needs one moment when the person, a peer and a psychiatrist were all there. */
    static SessionKind kindOf(List<Attendance> stretches) {
        List<Attendance> person = of(stretches, ParticipantRole.PERSON_SERVED);
        List<Attendance> peer = of(stretches, ParticipantRole.PEER_SPECIALIST);
        List<Attendance> psychiatrist = of(stretches, ParticipantRole.PSYCHIATRIST);
        for (Attendance p : person) {
            for (Attendance q : peer) {
                for (Attendance r : psychiatrist) {
                    Instant from = latest(p.joinedAt(), q.joinedAt(), r.joinedAt());
                    Instant to = earliest(p.leftAt(), q.leftAt(), r.leftAt());
                    if (from.isBefore(to)) {
                        return SessionKind.CO_TREATMENT;
                    }
                }
            }
        }
        boolean peerWithPerson = servedWithPerson(stretches, ParticipantRole.PEER_SPECIALIST);
        boolean psychiatristWithPerson = servedWithPerson(stretches, ParticipantRole.PSYCHIATRIST);
        if (person.isEmpty()) {
            return stretches.isEmpty() ? SessionKind.NOBODY_ATTENDED : SessionKind.PERSON_DID_NOT_ATTEND;
        }
        if (peerWithPerson && psychiatristWithPerson) {
            return SessionKind.SEPARATE_VISITS;
        }
        if (psychiatristWithPerson) {
            return SessionKind.PSYCHIATRY_VISIT_PEER_ABSENT;
        }
        if (peerWithPerson) {
            return SessionKind.PEER_SUPPORT_VISIT_PSYCHIATRIST_ABSENT;
        }
        return SessionKind.NO_CLINICIAN_WITH_THE_PERSON;
    }

    private static boolean servedWithPerson(List<Attendance> stretches, ParticipantRole clinician) {
        for (Attendance c : of(stretches, clinician)) {
            for (Attendance p : of(stretches, ParticipantRole.PERSON_SERVED)) {
                if (c.overlaps(p.joinedAt(), p.leftAt())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Attendance> of(List<Attendance> stretches, ParticipantRole role) {
        return stretches.stream().filter(a -> a.role() == role).toList();
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant max = a.isAfter(b) ? a : b;
        return max.isAfter(c) ? max : c;
    }

    private static Instant earliest(Instant a, Instant b, Instant c) {
        Instant min = a.isBefore(b) ? a : b;
        return min.isBefore(c) ? min : c;
    }

    private Attendance present(String participantId) {
        return attendance.stream()
                .filter(a -> a.participantId().equals(participantId) && a.leftAt() == null)
                .findFirst().orElse(null);
    }

    private void requireStatus(Status expected, String otherwise) {
        if (status != expected) {
            throw new DomainRuleViolation(otherwise);
        }
    }

    private void requireNoteTime() {
        if (status != Status.IN_PROGRESS && status != Status.ENDED) {
            throw new DomainRuleViolation("Notes are written once the session has started.");
        }
    }
}
