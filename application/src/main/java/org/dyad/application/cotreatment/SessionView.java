package org.dyad.application.cotreatment;

import org.dyad.domain.cotreatment.ParticipantRole;
import org.dyad.domain.cotreatment.SessionKind;
import org.dyad.domain.shared.Sensitivity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** A co-treatment session as its care team and the person see it. */
public class SessionView {

    public enum Status { SCHEDULED, IN_PROGRESS, ENDED, CANCELLED }

    public record Person(String userId, String name) {
    }

    public record Stretch(String participantId, String name, ParticipantRole role, Instant joinedAt, Instant leftAt) {
    }

    /** A signed note's correction: what it said before, what it says now, and why. Nothing is overwritten unseen. */
    public record Amendment(String previousText, String text, String reason, Instant at) {
    }

    /** One clinician's own note; signed notes change only by amendment. */
    /** {@code withheld}: the viewer may not read it, so {@code text} is a placeholder saying what kind it is. */
    public record Note(String authorId, String authorName, ParticipantRole role, String text, Instant writtenAt,
                       Instant signedAt, List<Amendment> amendments, Sensitivity category, boolean withheld) {
        public boolean signed() {
            return signedAt != null;
        }

        Note withheld(String placeholder) {
            return new Note(authorId, authorName, role, placeholder, writtenAt, signedAt,
                    amendments.stream().map(a -> new Amendment(placeholder, placeholder, null, a.at())).toList(), category, true);
        }
    }

    public record DifferingView(String peerId, String peerName, String text, Instant at, Sensitivity category,
                                boolean withheld) {
        DifferingView withheld(String placeholder) {
            return new DifferingView(peerId, peerName, placeholder, at, category, true);
        }
    }

    private String sessionId;
    private String caseId;
    private Instant scheduledFor;
    private String place;
    private Person peer;
    private Person psychiatrist;
    private String personServedId;
    private String personName;
    private Status status;
    private String cancelReason;
    private Instant startedAt;
    private Instant endedAt;
    private List<Stretch> attendance = new ArrayList<>();
    private SessionKind kind;
    private boolean peerServed;
    private boolean psychiatristServed;
    private boolean sameDayServicesByBoth;
    private List<Note> notes = new ArrayList<>();
    private List<DifferingView> differingViews = new ArrayList<>();
    private long version = -1;

    SessionView() {
    }

    SessionView(String sessionId, String caseId, Instant scheduledFor, String place, Person peer, Person psychiatrist,
                String personServedId, String personName) {
        this.sessionId = sessionId;
        this.caseId = caseId;
        this.scheduledFor = scheduledFor;
        this.place = place;
        this.peer = peer;
        this.psychiatrist = psychiatrist;
        this.personServedId = personServedId;
        this.personName = personName;
        this.status = Status.SCHEDULED;
    }

    public String getSessionId() { return sessionId; }
    public String getCaseId() { return caseId; }
    public Instant getScheduledFor() { return scheduledFor; }
    public String getPlace() { return place; }
    public Person getPeer() { return peer; }
    public Person getPsychiatrist() { return psychiatrist; }
    /** The person's participant id: their login, or a stand-in when they have none. */
    public String getPersonServedId() { return personServedId; }
    public String getPersonName() { return personName; }
    public Status getStatus() { return status; }
    public String getCancelReason() { return cancelReason; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
    public List<Stretch> getAttendance() { return List.copyOf(attendance); }
    public SessionKind getKind() { return kind; }
    /** What the session was, in words: "co-treatment session", "psychiatry visit, peer absent", ... */
    public String getKindInWords() { return kind == null ? null : kind.words(); }
    public boolean isPeerServed() { return peerServed; }
    public boolean isPsychiatristServed() { return psychiatristServed; }
    /** Peer and psychiatrist both served the person this day: both services can be billed. */
    public boolean isSameDayServicesByBoth() { return sameDayServicesByBoth; }
    public List<Note> getNotes() { return List.copyOf(notes); }
    public List<DifferingView> getDifferingViews() { return List.copyOf(differingViews); }
    public long getVersion() { return version; }

    void reschedule(Instant at, String newPlace) { scheduledFor = at; place = newPlace; }
    void cancel(String reason) { status = Status.CANCELLED; cancelReason = reason; }
    void start(Instant at) { status = Status.IN_PROGRESS; startedAt = at; }
    void join(Stretch stretch) { attendance.add(stretch); }
    void leave(String participantId, Instant at) {
        for (int i = attendance.size() - 1; i >= 0; i--) {
            Stretch s = attendance.get(i);
            if (s.participantId().equals(participantId) && s.leftAt() == null) {
                attendance.set(i, new Stretch(s.participantId(), s.name(), s.role(), s.joinedAt(), at));
                return;
            }
        }
    }
    void end(Instant at, SessionKind sessionKind, List<Stretch> closed, boolean peer, boolean psychiatristToo) {
        status = Status.ENDED;
        endedAt = at;
        kind = sessionKind;
        attendance = new ArrayList<>(closed);
        peerServed = peer;
        psychiatristServed = psychiatristToo;
    }
    void markSameDayServicesByBoth(boolean both) { sameDayServicesByBoth = both; }
    void putNote(Note note) {
        notes.removeIf(n -> n.authorId().equals(note.authorId()));
        notes.add(note);
    }
    Note note(String authorId) {
        return notes.stream().filter(n -> n.authorId().equals(authorId)).findFirst().orElse(null);
    }
    void addDifferingView(DifferingView view) { differingViews.add(view); }
    void applied(long sequence) { version = sequence; }

    /** A copy whose notes and views are replaced by placeholders where {@code readable} says no. */
    public SessionView filtered(Predicate<Note> readableNote,
                         Predicate<DifferingView> readableView,
                         Function<Sensitivity, String> placeholder) {
        SessionView copy = new SessionView(sessionId, caseId, scheduledFor, place, peer, psychiatrist, personServedId,
                personName);
        copy.status = status;
        copy.cancelReason = cancelReason;
        copy.startedAt = startedAt;
        copy.endedAt = endedAt;
        copy.attendance = new ArrayList<>(attendance);
        copy.kind = kind;
        copy.peerServed = peerServed;
        copy.psychiatristServed = psychiatristServed;
        copy.sameDayServicesByBoth = sameDayServicesByBoth;
        copy.version = version;
        copy.notes = new ArrayList<>(notes.stream()
                .map(n -> readableNote.test(n) ? n : n.withheld(placeholder.apply(n.category()))).toList());
        copy.differingViews = new ArrayList<>(differingViews.stream()
                .map(v -> readableView.test(v) ? v : v.withheld(placeholder.apply(v.category()))).toList());
        return copy;
    }

    boolean isOpen() { return status == Status.SCHEDULED || status == Status.IN_PROGRESS; }
}
