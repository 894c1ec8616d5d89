package org.dyad.infra.readmodel;

import org.dyad.application.restriction.CoercionView;
import org.dyad.application.restriction.CoercionViews;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public class MongoCoercionViews implements CoercionViews {

    private final JsonViewCollection<CoercionView> views;

    public MongoCoercionViews(ViewCollections collections) {
        this.views = collections.open(ReadModelCollections.COERCIONS, CoercionView.class, "caseId");
    }

    @Override
    public Optional<CoercionView> find(String id) {
        return views.find(id);
    }

    @Override
    public void save(CoercionView view) {
        views.save(view.getCoercionId(), view);
    }

    @Override
    public List<CoercionView> findByCase(String caseId) {
        return views.findWhere("caseId", caseId);
    }
}
