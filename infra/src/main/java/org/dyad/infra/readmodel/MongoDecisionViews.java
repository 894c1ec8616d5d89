package org.dyad.infra.readmodel;

import org.dyad.application.decision.DecisionView;
import org.dyad.application.decision.DecisionViews;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public class MongoDecisionViews implements DecisionViews {

    private final JsonViewCollection<DecisionView> views;

    public MongoDecisionViews(ViewCollections collections) {
        this.views = collections.open(ReadModelCollections.DECISIONS, DecisionView.class, "caseId");
    }

    @Override
    public Optional<DecisionView> find(String id) {
        return views.find(id);
    }

    @Override
    public void save(DecisionView view) {
        views.save(view.getDecisionId(), view);
    }

    @Override
    public List<DecisionView> findByCase(String caseId) {
        return views.findWhere("caseId", caseId);
    }
}
