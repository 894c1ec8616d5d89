package org.dyad.application.restriction;

import java.util.List;
import java.util.Optional;

public interface InterventionViews {

    Optional<InterventionView> find(String interventionId);

    void save(InterventionView view);

    List<InterventionView> findByCase(String caseId);
}
