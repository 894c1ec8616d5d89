package org.dyad.application.cases;

import org.dyad.domain.cases.CaseEvent;
import org.dyad.domain.cases.CaseEvent.*;

import java.time.Instant;
import java.util.function.Function;

/** How one case event changes a case's view: the live projection and the state as of any point share it. */
public final class CaseFold {

    private CaseFold() {
    }

    /** The view after {@code event}; {@code view} is null before the case's first event. */
    public static CaseView apply(CaseView view, CaseEvent event, Instant at, long sequence,
                                 Function<String, String> displayName) {
        CaseView v;
        if (event instanceof CaseOpened e) {
            v = new CaseView(e.caseId(), e.preferredName(), e.pronouns(), e.dateOfBirth(), e.setting(), e.unit(),
                    e.personServedUserId(), e.restricted(), at);
        } else if (view == null) {
            throw new IllegalStateException("no view for case " + event.caseId() + " at event " + sequence);
        } else {
            v = view;
            change(v, event, at, displayName);
        }
        v.touched(at, sequence);
        return v;
    }

    private static void change(CaseView v, CaseEvent event, Instant at, Function<String, String> name) {
        if (event instanceof CareTeamMemberJoined e) {
            v.addMember(new CaseView.Member(e.userId(), name.apply(e.userId()), e.role(), at));
        } else if (event instanceof CareTeamMemberLeft e) {
            v.removeMember(e.userId());
        } else if (event instanceof DyadFormed e) {
            v.setDyad(new CaseView.Dyad(e.peerId(), name.apply(e.peerId()), e.psychiatristId(),
                    name.apply(e.psychiatristId()), at));
        } else if (event instanceof DyadDissolved) {
            v.setDyad(null);
        } else if (event instanceof GoalsRecorded e) {
            v.setGoals(new CaseView.Goals(e.whatMattersMost(), e.goals(), e.personalMedicine(), at));
        } else if (event instanceof AdvanceDirectiveRecorded e) {
            v.setAdvanceDirective(e.directive());
        } else if (event instanceof WrapSummaryRecorded e) {
            v.setWrapSummary(e.wrap());
        } else if (event instanceof PersonAdmitted e) {
            v.admit(e.occurredAt());
        } else if (event instanceof PersonDischarged e) {
            v.discharge(e.occurredAt());
        } else if (event instanceof LeaveStarted e) {
            v.startLeave(e.occurredAt());
        } else if (event instanceof LeaveEnded e) {
            v.endLeave(e.occurredAt());
        } else if (event instanceof RecordRestricted) {
            v.setRestricted(true);
        } else if (event instanceof RecordRestrictionLifted) {
            v.setRestricted(false);
        } else if (event instanceof CaseClosed) {
            v.close();
        }
    }
}
