package org.dyad.application.restriction;

import org.dyad.domain.restriction.DeathReporting;
import org.dyad.domain.restriction.InjuredParty;
import org.dyad.domain.restriction.InterventionKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One restrictive intervention as the care team sees it: clinical times, charting times, clocks and duties. */
public class InterventionView {

    /** The legal clocks that can pass unmet. */
    public enum Clock { ORDER, FACE_TO_FACE_EVALUATION, DEBRIEF, DEATH_REPORT }

    public record OrderView(String prescriberId, String prescriberName, Instant orderedAt, Instant expiresAt,
                            boolean inPersonEvaluation, Instant recordedAt, boolean late) {
    }

    /** A stretch of one measure in clinical time; {@code to} null while it goes on. */
    public record Period(InterventionKind kind, Instant from, Instant to) {
    }

    public record Evaluation(String evaluatorId, String evaluatorName, String findings, Instant evaluatedAt,
                             Instant recordedAt, boolean withinTheHour, boolean late) {
    }

    public record Observation(String observerId, String observerName, String text, Instant observedAt,
                              Instant recordedAt, boolean late) {
    }

    public record Injury(InjuredParty injured, String description, Instant occurredAt, Instant recordedAt,
                         boolean late) {
    }

    public record Death(Instant diedAt, boolean measureMayHaveContributed, DeathReporting reporting,
                        Instant reportDueBy, Instant recordedAt, String reportedBy, Instant reportedAt,
                        Boolean reportedInTime) {
    }

    public record Debrief(String peerId, String peerName, String personsAccount, String whatWouldHaveHelped,
                          String teamAccount, String whatToChange, Instant heldAt, Instant recordedAt,
                          boolean withinTheDay) {
    }

    public record PersonsAccount(String account, String whatWouldHaveHelped, Instant recordedAt) {
    }

    private String interventionId;
    private String caseId;
    private InterventionKind kind;
    private boolean softTwoPointWristRestraint;
    private String imminentRisk;
    private List<String> alternativesTried = new ArrayList<>();
    private LocalDate personDateOfBirth;
    private String startedBy;
    private String startedByName;
    private Instant startedAt;
    private Instant startRecordedAt;
    private boolean startLate;
    private List<OrderView> orders = new ArrayList<>();
    private Instant orderExpiresAt;
    private Instant faceToFaceDueBy;
    private Evaluation faceToFace;
    private List<Observation> monitoring = new ArrayList<>();
    private List<Period> periods = new ArrayList<>();
    private Instant endedAt;
    private Instant endRecordedAt;
    private boolean endLate;
    private Instant debriefDueBy;
    private Debrief debrief;
    private List<PersonsAccount> personsAccounts = new ArrayList<>();
    private List<Injury> injuries = new ArrayList<>();
    private Death death;
    private Set<Clock> overdue = new TreeSet<>();
    private List<Instant> orderLapses = new ArrayList<>();
    private long version = -1;

    InterventionView() {
    }

    InterventionView(String interventionId, String caseId) {
        this.interventionId = interventionId;
        this.caseId = caseId;
    }

    public String getInterventionId() { return interventionId; }
    public String getCaseId() { return caseId; }
    public InterventionKind getKind() { return kind; }
    public boolean isSoftTwoPointWristRestraint() { return softTwoPointWristRestraint; }
    public String getImminentRisk() { return imminentRisk; }
    public List<String> getAlternativesTried() { return List.copyOf(alternativesTried); }
    public LocalDate getPersonDateOfBirth() { return personDateOfBirth; }
    public String getStartedBy() { return startedBy; }
    public String getStartedByName() { return startedByName; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getStartRecordedAt() { return startRecordedAt; }
    public boolean isStartLate() { return startLate; }
    public List<OrderView> getOrders() { return List.copyOf(orders); }
    public Instant getOrderExpiresAt() { return orderExpiresAt; }
    public Instant getFaceToFaceDueBy() { return faceToFaceDueBy; }
    public Evaluation getFaceToFace() { return faceToFace; }
    public List<Observation> getMonitoring() { return List.copyOf(monitoring); }
    public List<Period> getPeriods() { return List.copyOf(periods); }
    public Instant getEndedAt() { return endedAt; }
    public Instant getEndRecordedAt() { return endRecordedAt; }
    public boolean isEndLate() { return endLate; }
    public Instant getDebriefDueBy() { return debriefDueBy; }
    public Debrief getDebrief() { return debrief; }
    public List<PersonsAccount> getPersonsAccounts() { return List.copyOf(personsAccounts); }
    public List<Injury> getInjuries() { return List.copyOf(injuries); }
    public Death getDeath() { return death; }
    public Set<Clock> getOverdue() { return Set.copyOf(overdue); }
    /** When an order ran out while the measure went on; kept after renewal, as history. */
    public List<Instant> getOrderLapses() { return List.copyOf(orderLapses); }
    public long getVersion() { return version; }

    public boolean isInProgress() {
        return startedAt != null && endedAt == null;
    }

    /** The measures in place now: those of the open periods. */
    public Set<InterventionKind> getMeasures() {
        Set<InterventionKind> now = EnumSet.noneOf(InterventionKind.class);
        periods.stream().filter(p -> p.to() == null).forEach(p -> now.add(p.kind()));
        return now;
    }

    /** In progress, or a duty still open: a debrief not yet held, a death not yet reported, a clock overdue. */
    public boolean needsAttention() {
        return isInProgress() || !overdue.isEmpty() || (endedAt != null && debrief == null)
                || (death != null && death.reportDueBy() != null && death.reportedAt() == null);
    }

    void started(InterventionKind kind, boolean softWrist, String imminentRisk, List<String> alternatives,
                 LocalDate dateOfBirth, String startedBy, String startedByName, Instant startedAt,
                 Instant recordedAt, boolean late, Instant faceToFaceDueBy) {
        this.kind = kind;
        this.softTwoPointWristRestraint = softWrist;
        this.imminentRisk = imminentRisk;
        this.alternativesTried = new ArrayList<>(alternatives);
        this.personDateOfBirth = dateOfBirth;
        this.startedBy = startedBy;
        this.startedByName = startedByName;
        this.startedAt = startedAt;
        this.startRecordedAt = recordedAt;
        this.startLate = late;
        this.faceToFaceDueBy = faceToFaceDueBy;
        this.periods.add(new Period(kind, startedAt, null));
    }

    void ordered(OrderView order) {
        orders.add(order);
        orderExpiresAt = order.expiresAt();
        overdue.remove(Clock.ORDER);
    }

    void evaluated(Evaluation evaluation) {
        faceToFace = evaluation;
        overdue.remove(Clock.FACE_TO_FACE_EVALUATION);
    }

    void observed(Observation observation) { monitoring.add(observation); }

    void measuresChanged(Set<InterventionKind> measures, Instant at) {
        Set<InterventionKind> before = getMeasures();
        closePeriods(k -> !measures.contains(k), at);
        measures.stream().filter(k -> !before.contains(k)).sorted()
                .forEach(k -> periods.add(new Period(k, at, null)));
    }

    void ended(Instant at, Instant recordedAt, boolean late, Instant debriefDueBy) {
        closePeriods(k -> true, at);
        this.endedAt = at;
        this.endRecordedAt = recordedAt;
        this.endLate = late;
        this.debriefDueBy = debriefDueBy;
        // A clock that ran out only because the end was charted late did not run out.
        orderLapses.removeIf(lapse -> !lapse.isBefore(at));
        overdue.remove(Clock.ORDER);
    }

    void injured(Injury injury) { injuries.add(injury); }

    void died(Death death) { this.death = death; }

    void deathReported(String by, Instant at, boolean inTime) {
        death = new Death(death.diedAt(), death.measureMayHaveContributed(), death.reporting(), death.reportDueBy(),
                death.recordedAt(), by, at, inTime);
        overdue.remove(Clock.DEATH_REPORT);
    }

    void debriefed(Debrief debrief) {
        this.debrief = debrief;
        overdue.remove(Clock.DEBRIEF);
    }

    void personsAccountAdded(PersonsAccount account) { personsAccounts.add(account); }

    void overdue(Clock clock) { overdue.add(clock); }

    void orderLapsed(Instant at) {
        orderLapses.add(at);
        overdue.add(Clock.ORDER);
    }

    void applied(long sequence) { this.version = sequence; }

    private void closePeriods(java.util.function.Predicate<InterventionKind> closing, Instant at) {
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            if (p.to() == null && closing.test(p.kind())) {
                periods.set(i, new Period(p.kind(), p.from(), at));
            }
        }
    }
}
