package org.dyad.application.cases;

import org.dyad.domain.cases.AdvanceDirective;
import org.dyad.domain.cases.CareTeamRole;
import org.dyad.domain.cases.Setting;
import org.dyad.domain.cases.WrapSummary;
import org.dyad.domain.restriction.InterventionKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Everything the care team sees of one case, kept current from its events. */
public class CaseView implements CaseMembership {

    public record Member(String userId, String displayName, CareTeamRole role, Instant joinedAt) {
    }

    /** The fields of a case view that access turns on, read without the rest ({@link CaseViews#findMembership}). */
    public record Membership(String unit, String personServedUserId, List<MemberId> careTeam, boolean restricted)
            implements CaseMembership {

        public record MemberId(String userId) {
        }

        public Membership {
            careTeam = careTeam == null ? List.of() : List.copyOf(careTeam);
        }

        @Override
        public String getPersonServedUserId() {
            return personServedUserId;
        }

        @Override
        public boolean hasMember(String userId) {
            return careTeam.stream().anyMatch(m -> m.userId().equals(userId));
        }

        @Override
        public boolean isRestricted() {
            return restricted;
        }

        @Override
        public String getUnit() {
            return unit;
        }
    }

    public record Dyad(String peerId, String peerName, String psychiatristId, String psychiatristName,
                       Instant formedAt) {
    }

    public record Goals(String whatMattersMost, List<String> goals, List<String> personalMedicine,
                        Instant recordedAt) {
    }

    /** An inpatient stay in clinical time; {@code leaves} are passes off the unit while admitted. */
    public record Stay(Instant admittedAt, Instant dischargedAt, List<Leave> leaves) {
        public Stay {
            leaves = leaves == null ? List.of() : List.copyOf(leaves);
        }

        public boolean onLeave() {
            return !leaves.isEmpty() && leaves.get(leaves.size() - 1).returnedAt() == null;
        }
    }

    public record Leave(Instant leftAt, Instant returnedAt) {
    }

    /**
     * A restrictive intervention the unit must keep in sight: in progress, or with a duty still open (debrief,
     * death report). Due times are null once met; {@code overdue} names the clocks that passed unmet.
     */
    public record RestrictionOnBoard(String interventionId, Set<InterventionKind> measures, Instant startedAt,
                                     Instant endedAt, Instant orderExpiresAt, Instant faceToFaceDueBy,
                                     Instant debriefDueBy, Instant deathReportDueBy, Set<String> overdue) {
        public boolean inProgress() {
            return endedAt == null;
        }
    }

    /** The case's next co-treatment session: the earliest one scheduled or in progress. */
    public record NextSession(String sessionId, Instant scheduledFor, String place, boolean inProgress) {
    }

    private String caseId;
    private String preferredName;
    private String pronouns;
    private LocalDate dateOfBirth;
    private Setting setting;
    private String unit;
    private String personServedUserId;
    private List<Member> careTeam = new ArrayList<>();
    private Dyad dyad;
    private Goals goals;
    private AdvanceDirective advanceDirective;
    private WrapSummary wrapSummary;
    private List<Stay> stays = new ArrayList<>();
    private boolean restricted;
    private boolean closed;
    private Instant openedAt;
    private Instant lastActivity;
    private long version = -1;
    private long revision;
    private NextSession nextSession;
    private int decisionsWaiting;
    private Map<String, Integer> openRequestsByHolder = new TreeMap<>();
    private List<RestrictionOnBoard> restrictions = new ArrayList<>();

    CaseView() {
    }

    CaseView(String caseId, String preferredName, String pronouns, LocalDate dateOfBirth, Setting setting,
             String unit, String personServedUserId, boolean restricted, Instant openedAt) {
        this.caseId = caseId;
        this.preferredName = preferredName;
        this.pronouns = pronouns;
        this.dateOfBirth = dateOfBirth;
        this.setting = setting;
        this.unit = unit;
        this.personServedUserId = personServedUserId;
        this.restricted = restricted;
        this.openedAt = openedAt;
    }

    public String getCaseId() { return caseId; }
    public String getPreferredName() { return preferredName; }
    public String getPronouns() { return pronouns; }
    public LocalDate getDateOfBirth() { return dateOfBirth; }
    public Setting getSetting() { return setting; }
    @Override
    public String getUnit() { return unit; }
    @Override
    public String getPersonServedUserId() { return personServedUserId; }
    public List<Member> getCareTeam() { return List.copyOf(careTeam); }
    public Dyad getDyad() { return dyad; }
    public Goals getGoals() { return goals; }
    public AdvanceDirective getAdvanceDirective() { return advanceDirective; }
    public WrapSummary getWrapSummary() { return wrapSummary; }
    public List<Stay> getStays() { return List.copyOf(stays); }
    @Override
    public boolean isRestricted() { return restricted; }
    public boolean isClosed() { return closed; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getLastActivity() { return lastActivity; }
    /** Grows with every change to anything shown of the case, its consents included; screens re-fetch on it. */
    public long getRevision() { return revision; }
    public NextSession getNextSession() { return nextSession; }
    /** Decisions whose options are with the person, waiting for their answer (including "not now"). */
    public int getDecisionsWaiting() { return decisionsWaiting; }
    /** Open disclosure requests on the case, counted per holder they are addressed to. */
    public Map<String, Integer> getOpenRequestsByHolder() { return Map.copyOf(openRequestsByHolder); }
    public List<RestrictionOnBoard> getRestrictions() { return restrictions == null ? List.of() : List.copyOf(restrictions); }
    /** Sequence number of the last case event applied. */
    public long getVersion() { return version; }

    public boolean isAdmitted() {
        return !stays.isEmpty() && stays.get(stays.size() - 1).dischargedAt() == null;
    }

    @Override
    public boolean hasMember(String userId) {
        return careTeam.stream().anyMatch(m -> m.userId().equals(userId));
    }

    void addMember(Member member) { careTeam.add(member); }
    void removeMember(String userId) { careTeam.removeIf(m -> m.userId().equals(userId)); }
    void setDyad(Dyad dyad) { this.dyad = dyad; }
    void setGoals(Goals goals) { this.goals = goals; }
    void setAdvanceDirective(AdvanceDirective directive) { this.advanceDirective = directive; }
    void setWrapSummary(WrapSummary wrap) { this.wrapSummary = wrap; }
    void admit(Instant at) { stays.add(new Stay(at, null, List.of())); }
    void discharge(Instant at) {
        Stay open = stays.remove(stays.size() - 1);
        List<Leave> leaves = new ArrayList<>(open.leaves());
        if (open.onLeave()) {
            leaves.set(leaves.size() - 1, new Leave(leaves.get(leaves.size() - 1).leftAt(), at));
        }
        stays.add(new Stay(open.admittedAt(), at, leaves));
    }
    void startLeave(Instant at) {
        Stay open = stays.remove(stays.size() - 1);
        List<Leave> leaves = new ArrayList<>(open.leaves());
        leaves.add(new Leave(at, null));
        stays.add(new Stay(open.admittedAt(), null, leaves));
    }
    void endLeave(Instant at) {
        Stay open = stays.remove(stays.size() - 1);
        List<Leave> leaves = new ArrayList<>(open.leaves());
        leaves.set(leaves.size() - 1, new Leave(leaves.get(leaves.size() - 1).leftAt(), at));
        stays.add(new Stay(open.admittedAt(), null, leaves));
    }
    public boolean isOnLeave() { return isAdmitted() && stays.get(stays.size() - 1).onLeave(); }
    void setRestricted(boolean restricted) { this.restricted = restricted; }
    void close() { this.closed = true; }
    void revised() { revision++; }
    public void setNextSession(NextSession nextSession) { this.nextSession = nextSession; }
    public void setDecisionsWaiting(int decisionsWaiting) { this.decisionsWaiting = decisionsWaiting; }
    public void setOpenRequestsByHolder(Map<String, Integer> open) { this.openRequestsByHolder = new TreeMap<>(open); }
    public void setRestrictions(List<RestrictionOnBoard> restrictions) { this.restrictions = new ArrayList<>(restrictions); }
    void touched(Instant at, long sequence) {
        this.lastActivity = at;
        this.version = sequence;
    }
}
