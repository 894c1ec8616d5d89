package org.dyad.application.consent;

import java.util.List;
import java.util.Optional;

public interface ConsentViews {

    Optional<ConsentView> find(String consentId);

    void save(ConsentView view);

    List<ConsentView> findByCase(String caseId);

    List<ConsentView> findActiveOrDue();
}
