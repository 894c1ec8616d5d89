package org.dyad.application.cotreatment;

import java.util.List;
import java.util.Optional;

public interface SessionViews {

    Optional<SessionView> find(String sessionId);

    void save(SessionView view);

    List<SessionView> findByCase(String caseId);
}
