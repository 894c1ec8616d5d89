package org.dyad.application.restriction;

import java.util.List;
import java.util.Optional;

public interface CoercionViews {

    Optional<CoercionView> find(String coercionId);

    void save(CoercionView view);

    List<CoercionView> findByCase(String caseId);
}
