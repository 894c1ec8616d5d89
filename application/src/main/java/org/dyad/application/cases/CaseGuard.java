package org.dyad.application.cases;

import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.CaseAccess;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.dyad.domain.shared.DomainRuleViolation;
import org.springframework.stereotype.Component;

/** Case-level gate for the work recorded around a case: sessions, decisions and, later, more. */
@Component
public class CaseGuard {

    private final CaseViews views;
    private final AccessPolicy policy;

    public CaseGuard(CaseViews views, AccessPolicy policy) {
        this.views = views;
        this.policy = policy;
    }

    /** The care team and the person: everything recorded around the case. */
    public CaseView readable(Viewer viewer, String caseId) {
        CaseView view = views.find(caseId).orElseThrow(() -> CaseQueries.unknown(caseId));
        return switch (policy.caseAccess(viewer, view)) {
            case FULL -> view;
            case SUMMARY -> throw new NotPermitted("The details of a case go to its care team.");
            case FORBIDDEN -> throw new NotPermitted("This case belongs to another team.");
            case HIDDEN -> throw CaseQueries.unknown(caseId);
        };
    }

    /** The whole record, e.g. for an export: the care team and the person as above; auditors under the audit rules. */
    public CaseView wholeRecord(Viewer viewer, String caseId) {
        if (!policy.mayAudit(viewer)) {
            return readable(viewer, caseId);
        }
        return views.find(caseId).orElseThrow(() -> CaseQueries.unknown(caseId));
    }

    /** The care team's clinicians: scheduling, notes, proposing options. */
    public CaseView workable(Viewer viewer, String caseId) {
        CaseView view = readable(viewer, caseId);
        if (view.isClosed()) {
            throw new DomainRuleViolation("This case is closed.");
        }
        if (!view.hasMember(viewer.userId()) || policy.caseAccess(viewer, view) != CaseAccess.FULL) {
            throw new NotPermitted("Only the case's care team does this.");
        }
        return view;
    }
}
