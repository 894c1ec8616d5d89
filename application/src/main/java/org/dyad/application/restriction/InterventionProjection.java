package org.dyad.application.restriction;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.dyad.application.cases.CaseProjection;
import org.dyad.application.cases.CaseView;
import org.dyad.application.shared.ReadModelFreshness;
import org.dyad.application.users.UserDirectory;
import org.dyad.domain.restriction.InterventionEvent.*;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.dyad.domain.shared.Charting.isLate;

/** Keeps intervention views current, and each case's list of episodes the unit must keep in sight. */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
public class InterventionProjection {

    private final InterventionViews views;
    private final CaseProjection cases;
    private final UserDirectory users;
    private final ReadModelFreshness freshness;

    public InterventionProjection(InterventionViews views, CaseProjection cases, UserDirectory users,
                                  ReadModelFreshness freshness) {
        this.views = views;
        this.cases = cases;
        this.users = users;
        this.freshness = freshness;
    }

    @EventHandler
    void on(InterventionStarted e, @SequenceNumber long seq, @MetaDataValue("actorId") String actorId) {
        if (views.find(e.interventionId()).isPresent()) {
            return;
        }
        InterventionView view = new InterventionView(e.interventionId(), e.caseId());
        view.started(e.kind(), e.softTwoPointWristRestraint(), e.imminentRisk(), e.alternativesTried(),
                e.personDateOfBirth(), actorId, actorId == null ? null : users.displayName(actorId), e.startedAt(),
                e.recordedAt(), isLate(e.startedAt(), e.recordedAt()), e.faceToFaceDueBy());
        view.ordered(new InterventionView.OrderView(e.order().prescriberId(), users.displayName(e.order().prescriberId()),
                e.order().orderedAt(), e.orderExpiresAt(), e.order().inPersonEvaluation(), e.recordedAt(),
                isLate(e.order().orderedAt(), e.recordedAt())));
        view.applied(seq);
        store(view);
    }

    @EventHandler
    void on(FaceToFaceEvaluationRecorded e, @SequenceNumber long seq) {
        update(e.interventionId(), seq, v -> v.evaluated(new InterventionView.Evaluation(e.evaluatorId(),
                users.displayName(e.evaluatorId()), e.findings(), e.evaluatedAt(), e.recordedAt(), e.withinTheHour(),
                isLate(e.evaluatedAt(), e.recordedAt()))));
    }

    @EventHandler
    void on(MonitoringRecorded e, @SequenceNumber long seq) {
        update(e.interventionId(), seq, v -> v.observed(new InterventionView.Observation(e.observerId(),
                users.displayName(e.observerId()), e.observation(), e.observedAt(), e.recordedAt(),
                isLate(e.observedAt(), e.recordedAt()))));
    }

    @EventHandler
    void on(OrderRenewed e, @SequenceNumber long seq) {
        update(e.interventionId(), seq, v -> v.ordered(new InterventionView.OrderView(e.order().prescriberId(),
                users.displayName(e.order().prescriberId()), e.order().orderedAt(), e.orderExpiresAt(),
                e.order().inPersonEvaluation(), e.recordedAt(), isLate(e.order().orderedAt(), e.recordedAt()))));
    }

    @EventHandler
    void on(MeasuresChanged e, @SequenceNumber long seq) {
        update(e.interventionId(), seq, v -> v.measuresChanged(e.measures(), e.changedAt()));
    }

    @EventHandler
    void on(InterventionEnded e, @SequenceNumber long seq) {
        update(e.interventionId(), seq, v -> v.ended(e.endedAt(), e.recordedAt(), isLate(e.endedAt(), e.recordedAt()),
                e.debriefDueBy()));
    }

    @EventHandler
    void on(InjuryRecorded e, @SequenceNumber long seq) {
        update(e.interventionId(), seq, v -> v.injured(new InterventionView.Injury(e.injured(), e.description(),
                e.occurredAt(), e.recordedAt(), isLate(e.occurredAt(), e.recordedAt()))));
    }

    @EventHandler
    void on(DeathRecorded e, @SequenceNumber long seq) {
        update(e.interventionId(), seq, v -> v.died(new InterventionView.Death(e.diedAt(), e.measureMayHaveContributed(),
                e.reporting(), e.reportDueBy(), e.recordedAt(), null, null, null)));
    }

    @EventHandler
    void on(DeathReported e, @SequenceNumber long seq) {
        update(e.interventionId(), seq, v -> v.deathReported(e.reportedBy(), e.reportedAt(), e.inTime()));
    }

    @EventHandler
    void on(DebriefRecorded e, @SequenceNumber long seq) {
        update(e.interventionId(), seq, v -> v.debriefed(new InterventionView.Debrief(e.peerId(),
                users.displayName(e.peerId()), e.personsAccount(), e.whatWouldHaveHelped(), e.teamAccount(),
                e.whatToChange(), e.heldAt(), e.recordedAt(), e.withinTheDay())));
    }

    @EventHandler
    void on(PersonsAccountAdded e, @SequenceNumber long seq) {
        update(e.interventionId(), seq, v -> v.personsAccountAdded(
                new InterventionView.PersonsAccount(e.account(), e.whatWouldHaveHelped(), e.recordedAt())));
    }

    @EventHandler
    void on(OrderExpired e, @SequenceNumber long seq) {
        update(e.interventionId(), seq, v -> v.orderLapsed(e.expiredAt()));
    }

    @EventHandler
    void on(FaceToFaceEvaluationOverdue e, @SequenceNumber long seq) {
        update(e.interventionId(), seq, v -> v.overdue(InterventionView.Clock.FACE_TO_FACE_EVALUATION));
    }

    @EventHandler
    void on(DebriefOverdue e, @SequenceNumber long seq) {
        update(e.interventionId(), seq, v -> v.overdue(InterventionView.Clock.DEBRIEF));
    }

    @EventHandler
    void on(DeathReportOverdue e, @SequenceNumber long seq) {
        update(e.interventionId(), seq, v -> v.overdue(InterventionView.Clock.DEATH_REPORT));
    }

    private void update(String interventionId, long seq, Consumer<InterventionView> change) {
        InterventionView view = views.find(interventionId).orElseThrow(() ->
                new IllegalStateException("no view for intervention " + interventionId + " at event " + seq));
        if (view.getVersion() >= seq) {
            return;
        }
        change.accept(view);
        view.applied(seq);
        store(view);
    }

    /** The case's board entry first, the episode last: once a caller sees the episode's version, all of it shows. */
    private void store(InterventionView view) {
        List<CaseView.RestrictionOnBoard> onBoard = Stream.concat(Stream.of(view), views.findByCase(view.getCaseId())
                        .stream().filter(i -> !i.getInterventionId().equals(view.getInterventionId())))
                .filter(InterventionView::needsAttention)
                .sorted(java.util.Comparator.comparing(InterventionView::getStartedAt))
                .map(InterventionProjection::onBoard).toList();
        cases.amend(view.getCaseId(), c -> {
            if (Objects.equals(c.getRestrictions(), onBoard)) {
                return false;
            }
            c.setRestrictions(onBoard);
            return true;
        });
        views.save(view);
        cases.refile(view.getCaseId());
        freshness.changed();
    }

    static CaseView.RestrictionOnBoard onBoard(InterventionView v) {
        Set<String> overdue = new TreeSet<>();
        v.getOverdue().forEach(c -> overdue.add(c.name()));
        return new CaseView.RestrictionOnBoard(v.getInterventionId(), v.getMeasures(), v.getStartedAt(), v.getEndedAt(),
                v.isInProgress() ? v.getOrderExpiresAt() : null,
                v.getFaceToFace() == null ? v.getFaceToFaceDueBy() : null,
                v.getEndedAt() != null && v.getDebrief() == null ? v.getDebriefDueBy() : null,
                v.getDeath() != null && v.getDeath().reportedAt() == null ? v.getDeath().reportDueBy() : null,
                overdue);
    }
}
