package org.dyad.application.cases;

import java.util.List;
import java.util.Optional;

/** Storage for {@link CaseView}s. */
public interface CaseViews {

    Optional<CaseView> find(String caseId);

    void save(CaseView view);

    List<CaseView> findByUnit(String unit);

    List<CaseView> findByPersonServed(String userId);
}
