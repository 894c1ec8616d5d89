package org.dyad.infra.readmodel;

import org.dyad.application.cotreatment.SessionView;
import org.dyad.application.cotreatment.SessionViews;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public class MongoSessionViews implements SessionViews {

    private final JsonViewCollection<SessionView> views;

    public MongoSessionViews(ViewCollections collections) {
        this.views = collections.open(ReadModelCollections.SESSIONS, SessionView.class, "caseId");
    }

    @Override
    public Optional<SessionView> find(String id) {
        return views.find(id);
    }

    @Override
    public void save(SessionView view) {
        views.save(view.getSessionId(), view);
    }

    @Override
    public List<SessionView> findByCase(String caseId) {
        return views.findWhere("caseId", caseId);
    }
}
