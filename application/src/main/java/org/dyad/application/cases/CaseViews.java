package org.dyad.application.cases;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage for {@link CaseView}s. */
public interface CaseViews {

    Optional<CaseView> find(String caseId);

    /** What access to the case turns on, which may be read for less than the whole view. */
    default Optional<CaseMembership> findMembership(String caseId) {
        return find(caseId).map(CaseMembership.class::cast);
    }

    void save(CaseView view);

    /**
     * Inside a processor's batch: reads these views at once, so that the batch's finds of them need no read. The
     * views of the cases the batch opens are not read: the batch starts them from nothing.
     */
    void prefetch(Collection<String> caseIds, Collection<String> opened);

    List<CaseView> findByUnit(String unit);

    List<CaseView> findByPersonServed(String userId);
}
