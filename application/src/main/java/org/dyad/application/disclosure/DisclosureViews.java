package org.dyad.application.disclosure;

import java.util.List;
import java.util.Optional;

public interface DisclosureViews {

    Optional<DisclosureView> find(String disclosureId);

    void save(DisclosureView view);

    List<DisclosureView> findByCase(String caseId);
}
