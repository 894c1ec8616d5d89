package org.dyad.application.audit;

import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.dyad.application.cases.CaseView;
import org.dyad.application.cases.CaseViews;
import org.dyad.application.users.Unit;
import org.dyad.application.users.UnitDirectory;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds cases to audit by name or id, open and closed, across units; what each auditor may find the policy decides. */
@Service
public class AuditCaseSearch {

    /** The most cases one search lists. */
    public static final int MAX_RESULTS = 50;

    private final CaseViews cases;
    private final UnitDirectory units;
    private final AccessPolicy policy;

    public AuditCaseSearch(CaseViews cases, UnitDirectory units, AccessPolicy policy) {
        this.cases = cases;
        this.units = units;
        this.policy = policy;
    }

    /** {@code query} matches a name (any part) or a case id (exactly); blank lists every case the auditor may find. */
    public List<AuditedCase> find(Viewer viewer, String query, String unit) {
        if (!policy.mayAudit(viewer)) {
            throw new NotPermitted("The case search for audits is for auditors.");
        }
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return units.all().stream().map(Unit::unitId)
                .filter(u -> unit == null || unit.isBlank() || u.equals(unit))
                .flatMap(u -> cases.findByUnit(u).stream())
                .filter(c -> policy.mayAuditFind(viewer, c, q.equals(c.getCaseId())))
                .filter(c -> q.isEmpty() || q.equals(c.getCaseId())
                        || c.getPreferredName().toLowerCase(Locale.ROOT).contains(q))
                .sorted(Comparator.comparing(CaseView::getPreferredName, String.CASE_INSENSITIVE_ORDER))
                .limit(MAX_RESULTS)
                .map(c -> new AuditedCase(c.getCaseId(), c.getPreferredName(), c.getPronouns(), c.getUnit(),
                        c.getSetting(), c.isRestricted(), c.isClosed(), c.getOpenedAt(), c.getLastActivity()))
                .toList();
    }
}
