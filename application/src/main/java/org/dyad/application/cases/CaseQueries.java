package org.dyad.application.cases;

import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.CaseAccess;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.dyad.application.shared.NotFound;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/** Reads of cases, always through the access policy. */
@Service
public class CaseQueries {

    private final CaseViews views;
    private final AccessPolicy policy;

    public CaseQueries(CaseViews views, AccessPolicy policy) {
        this.views = views;
        this.policy = policy;
    }

    public CaseDetails get(Viewer viewer, String caseId) {
        CaseView view = views.find(caseId).orElseThrow(() -> unknown(caseId));
        CaseAccess access = policy.caseAccess(viewer, view);
        return switch (access) {
            case HIDDEN -> throw unknown(caseId);
            case FORBIDDEN -> throw new NotPermitted("This case belongs to another team.");
            case FULL, SUMMARY -> CaseDetails.of(view, access);
        };
    }

    /** The unit's open cases this viewer may see; 403 for someone who is not on the unit's team. */
    public List<CaseDetails> listUnit(Viewer viewer, String unit) {
        if (!policy.mayViewBoard(viewer, unit)) {
            throw new NotPermitted("Only the " + unit + " team sees its cases.");
        }
        List<CaseDetails> visible = new ArrayList<>();
        for (CaseView view : views.findByUnit(unit)) {
            CaseAccess access = policy.caseAccess(viewer, view);
            if (!view.isClosed() && (access == CaseAccess.FULL || access == CaseAccess.SUMMARY)) {
                visible.add(CaseDetails.of(view, access));
            }
        }
        return visible;
    }

    /** The person served's own cases. */
    public List<CaseDetails> mine(Viewer viewer) {
        return views.findByPersonServed(viewer.userId()).stream()
                .map(v -> CaseDetails.of(v, CaseAccess.FULL))
                .toList();
    }

    static NotFound unknown(String caseId) {
        return new NotFound("No case " + caseId + ".");
    }
}
