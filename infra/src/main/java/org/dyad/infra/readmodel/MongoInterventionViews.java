package org.dyad.infra.readmodel;

import com.mongodb.client.MongoDatabase;
import org.dyad.application.restriction.InterventionView;
import org.dyad.application.restriction.InterventionViews;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public class MongoInterventionViews implements InterventionViews {

    private final JsonViewCollection<InterventionView> views;

    public MongoInterventionViews(MongoDatabase database, JsonDocuments json) {
        this.views = new JsonViewCollection<>(database, ReadModelCollections.INTERVENTIONS, json, InterventionView.class);
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
