package org.dyad.application.restriction;

import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.dyad.application.cases.CaseGuard;
import org.dyad.application.cases.CaseView;
import org.dyad.application.shared.ClinicalTime;
import org.dyad.application.shared.CommandSender;
import org.dyad.application.shared.InvalidInput;
import org.dyad.application.shared.NotFound;
import org.dyad.domain.restriction.InjuredParty;
import org.dyad.domain.restriction.InterventionCommand;
import org.dyad.domain.restriction.InterventionCommand.*;
import org.dyad.domain.restriction.InterventionKind;
import org.dyad.domain.restriction.Order;
import org.dyad.domain.restriction.OrderType;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Restrictive interventions: started, evaluated, watched, renewed, ended and debriefed by the care team, with
 * clinical times given or now; the person served reads their episodes and adds their own account.
 */
@Service
public class RestrictionService {

    public record NewOrder(String prescriberId, OrderType type, Instant orderedAt, Integer validForMinutes,
                           boolean inPersonEvaluation) {
    }

    public record NewIntervention(InterventionKind kind, boolean softTwoPointWristRestraint, String imminentRisk,
                                  List<String> alternativesTried, NewOrder order, Instant startedAt) {
    }

    private final CommandSender sender;
    private final InterventionViews views;
    private final CaseGuard guard;
    private final Clock clock;

    public RestrictionService(CommandSender sender, InterventionViews views, CaseGuard guard, Clock clock) {
        this.sender = sender;
        this.views = views;
        this.guard = guard;
        this.clock = clock;
    }

    public String start(Viewer viewer, String caseId, NewIntervention request) {
        CaseView c = guard.workable(viewer, caseId);
        Instant now = clock.instant();
        Instant startedAt = ClinicalTime.of(request.startedAt(), now, "startedAt");
        String id = UUID.randomUUID().toString();
        send(new StartIntervention(id, caseId, request.kind(), request.softTwoPointWristRestraint(),
                request.imminentRisk(), request.alternativesTried(), order(request.order(), startedAt, now, "order.orderedAt"),
                c.getDateOfBirth(), clock.getZone(), startedAt, now));
        return id;
    }

    public List<InterventionView> list(Viewer viewer, String caseId) {
        guard.readable(viewer, caseId);
        return views.findByCase(caseId).stream().sorted(Comparator.comparing(InterventionView::getStartedAt).reversed()).toList();
    }

    public InterventionView get(Viewer viewer, String caseId, String interventionId) {
        guard.readable(viewer, caseId);
        return find(caseId, interventionId);
    }

    public void evaluateFaceToFace(Viewer viewer, String caseId, String id, String findings, Instant evaluatedAt) {
        Instant now = workOn(viewer, caseId, id);
        send(new RecordFaceToFaceEvaluation(id, viewer.userId(), findings, ClinicalTime.of(evaluatedAt, now, "evaluatedAt"), now));
    }

    public void monitor(Viewer viewer, String caseId, String id, String observation, Instant observedAt) {
        Instant now = workOn(viewer, caseId, id);
        send(new RecordMonitoring(id, viewer.userId(), observation, ClinicalTime.of(observedAt, now, "observedAt"), now));
    }

    public void renew(Viewer viewer, String caseId, String id, NewOrder order) {
        Instant now = workOn(viewer, caseId, id);
        send(new RenewOrder(id, order(order, now, now, "orderedAt"), now));
    }

    public void changeMeasures(Viewer viewer, String caseId, String id, Set<InterventionKind> measures, Instant changedAt) {
        Instant now = workOn(viewer, caseId, id);
        send(new ChangeMeasures(id, measures, ClinicalTime.of(changedAt, now, "changedAt"), now));
    }

    public void end(Viewer viewer, String caseId, String id, Instant endedAt) {
        Instant now = workOn(viewer, caseId, id);
        send(new EndIntervention(id, ClinicalTime.of(endedAt, now, "endedAt"), now));
    }

    public void recordInjury(Viewer viewer, String caseId, String id, InjuredParty injured, String description,
                             Instant occurredAt) {
        Instant now = workOn(viewer, caseId, id);
        send(new RecordInjury(id, injured, description, ClinicalTime.of(occurredAt, now, "occurredAt"), now));
    }

    public void recordDeath(Viewer viewer, String caseId, String id, Instant diedAt, boolean measureMayHaveContributed) {
        Instant now = workOn(viewer, caseId, id);
        send(new RecordDeath(id, ClinicalTime.of(diedAt, now, "diedAt"), measureMayHaveContributed, now));
    }

    public void recordDeathReport(Viewer viewer, String caseId, String id, Instant reportedAt) {
        Instant now = workOn(viewer, caseId, id);
        send(new RecordDeathReport(id, viewer.userId(), ClinicalTime.of(reportedAt, now, "reportedAt"), now));
    }

    public void debrief(Viewer viewer, String caseId, String id, String peerId, String personsAccount,
                        String whatWouldHaveHelped, String teamAccount, String whatToChange, Instant heldAt) {
        Instant now = workOn(viewer, caseId, id);
        send(new RecordDebrief(id, peerId, personsAccount, whatWouldHaveHelped, teamAccount, whatToChange,
                ClinicalTime.of(heldAt, now, "heldAt"), now));
    }

    /** Only the person served writes their own account; the team records what they said at the debrief. */
    public void addPersonsAccount(Viewer viewer, String caseId, String id, String account, String whatWouldHaveHelped) {
        CaseView c = guard.readable(viewer, caseId);
        if (!c.isPersonServed(viewer.userId())) {
            throw new NotPermitted("Only the person served adds their own account.");
        }
        find(caseId, id);
        send(new AddPersonsAccount(id, account, whatWouldHaveHelped, clock.instant()));
    }

    private Instant workOn(Viewer viewer, String caseId, String id) {
        guard.workable(viewer, caseId);
        find(caseId, id);
        return clock.instant();
    }

    private InterventionView find(String caseId, String id) {
        return views.find(id).filter(v -> v.getCaseId().equals(caseId))
                .orElseThrow(() -> new NotFound("There is no restrictive intervention '" + id + "' on this case."));
    }

    private static Order order(NewOrder order, Instant defaultTime, Instant now, String timeField) {
        if (order == null) {
            throw new InvalidInput("order", "Restraint or seclusion needs a prescriber's order for this episode.");
        }
        Duration validFor = order.validForMinutes() == null ? null : Duration.ofMinutes(order.validForMinutes());
        return new Order(order.prescriberId(), order.type() == null ? OrderType.THIS_EPISODE : order.type(),
                ClinicalTime.of(order.orderedAt() == null ? defaultTime : order.orderedAt(), now, timeField),
                validFor, order.inPersonEvaluation());
    }

    private void send(InterventionCommand command) {
        sender.send(command, command.interventionId(),
                () -> views.find(command.interventionId()).map(InterventionView::getVersion).orElse(-1L), null);
    }
}
