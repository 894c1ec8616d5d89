package org.dyad.application.decision;

import java.util.List;
import java.util.Optional;

public interface DecisionViews {

    Optional<DecisionView> find(String decisionId);

    void save(DecisionView view);

    List<DecisionView> findByCase(String caseId);
}
