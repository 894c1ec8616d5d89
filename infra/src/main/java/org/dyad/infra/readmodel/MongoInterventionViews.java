package org.dyad.infra.readmodel;

import org.dyad.application.restriction.InterventionView;
import org.dyad.application.restriction.InterventionViews;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public class MongoInterventionViews implements InterventionViews {

    private final JsonViewCollection<InterventionView> views;

    public MongoInterventionViews(ViewCollections collections) {
        this.views = collections.open(ReadModelCollections.INTERVENTIONS, InterventionView.class, "caseId");
    }

    @Override
    public Optional<InterventionView> find(String id) {
        return views.find(id);
    }

    @Override
    public void save(InterventionView view) {
        views.save(view.getInterventionId(), view);
    }

    @Override
    public List<InterventionView> findByCase(String caseId) {
        return views.findWhere("caseId", caseId);
    }
}
