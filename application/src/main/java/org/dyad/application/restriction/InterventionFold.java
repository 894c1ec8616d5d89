package org.dyad.application.restriction;

import org.dyad.application.cases.CaseView;
import org.dyad.domain.restriction.InterventionEvent;
import org.dyad.domain.restriction.InterventionEvent.*;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.dyad.domain.shared.Charting.isLate;

/** How one intervention event changes its view: the live projection and the state as of any point share it. */
public final class InterventionFold {

    private InterventionFold() {
    }

    /** The view after {@code event}; {@code view} is null before the first; {@code actorId} from its metadata. */
    public static InterventionView apply(InterventionView view, InterventionEvent event, long sequence, String actorId,
                                         Function<String, String> name) {
        InterventionView v = view;
        if (event instanceof InterventionStarted e) {
            v = new InterventionView(e.interventionId(), e.caseId());
            v.started(e.kind(), e.softTwoPointWristRestraint(), e.imminentRisk(), e.alternativesTried(),
                    e.personDateOfBirth(), actorId, actorId == null ? null : name.apply(actorId), e.startedAt(),
                    e.recordedAt(), isLate(e.startedAt(), e.recordedAt()), e.faceToFaceDueBy());
            v.ordered(new InterventionView.OrderView(e.order().prescriberId(), name.apply(e.order().prescriberId()),
                    e.order().orderedAt(), e.orderExpiresAt(), e.order().inPersonEvaluation(), e.recordedAt(),
                    isLate(e.order().orderedAt(), e.recordedAt())));
        } else if (v == null) {
            throw new IllegalStateException("no view for intervention " + event.interventionId() + " at event " + sequence);
        } else {
            change(v, event, name);
        }
        v.applied(sequence);
        return v;
    }

    private static void change(InterventionView v, InterventionEvent event, Function<String, String> name) {
        if (event instanceof FaceToFaceEvaluationRecorded e) {
            v.evaluated(new InterventionView.Evaluation(e.evaluatorId(), name.apply(e.evaluatorId()), e.findings(),
                    e.evaluatedAt(), e.recordedAt(), e.withinTheHour(), isLate(e.evaluatedAt(), e.recordedAt())));
        } else if (event instanceof MonitoringRecorded e) {
            v.observed(new InterventionView.Observation(e.observerId(), name.apply(e.observerId()), e.observation(),
                    e.observedAt(), e.recordedAt(), isLate(e.observedAt(), e.recordedAt())));
        } else if (event instanceof OrderRenewed e) {
            v.ordered(new InterventionView.OrderView(e.order().prescriberId(), name.apply(e.order().prescriberId()),
                    e.order().orderedAt(), e.orderExpiresAt(), e.order().inPersonEvaluation(), e.recordedAt(),
                    isLate(e.order().orderedAt(), e.recordedAt())));
        } else if (event instanceof MeasuresChanged e) {
            v.measuresChanged(e.measures(), e.changedAt());
        } else if (event instanceof InterventionEnded e) {
            v.ended(e.endedAt(), e.recordedAt(), isLate(e.endedAt(), e.recordedAt()), e.debriefDueBy());
        } else if (event instanceof InjuryRecorded e) {
            v.injured(new InterventionView.Injury(e.injured(), e.description(), e.occurredAt(), e.recordedAt(),
                    isLate(e.occurredAt(), e.recordedAt())));
        } else if (event instanceof DeathRecorded e) {
            v.died(new InterventionView.Death(e.diedAt(), e.measureMayHaveContributed(), e.reporting(), e.reportDueBy(),
                    e.recordedAt(), null, null, null));
        } else if (event instanceof DeathReported e) {
            v.deathReported(e.reportedBy(), e.reportedAt(), e.inTime());
        } else if (event instanceof DebriefRecorded e) {
            v.debriefed(new InterventionView.Debrief(e.peerId(), name.apply(e.peerId()), e.personsAccount(),
                    e.whatWouldHaveHelped(), e.teamAccount(), e.whatToChange(), e.heldAt(), e.recordedAt(), e.withinTheDay()));
        } else if (event instanceof PersonsAccountAdded e) {
            v.personsAccountAdded(new InterventionView.PersonsAccount(e.account(), e.whatWouldHaveHelped(), e.recordedAt()));
        } else if (event instanceof OrderExpired e) {
            v.orderLapsed(e.expiredAt());
        } else if (event instanceof FaceToFaceEvaluationOverdue) {
            v.overdue(InterventionView.Clock.FACE_TO_FACE_EVALUATION);
        } else if (event instanceof DebriefOverdue) {
            v.overdue(InterventionView.Clock.DEBRIEF);
        } else if (event instanceof DeathReportOverdue) {
            v.overdue(InterventionView.Clock.DEATH_REPORT);
        }
    }

    /** The episodes the unit must keep in sight, oldest first, as the case's board entry. */
    public static List<CaseView.RestrictionOnBoard> onBoard(List<InterventionView> episodes) {
        return episodes.stream().filter(InterventionView::needsAttention)
                .sorted(Comparator.comparing(InterventionView::getStartedAt))
                .map(InterventionFold::onBoard).toList();
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
