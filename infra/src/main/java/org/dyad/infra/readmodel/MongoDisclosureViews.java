package org.dyad.infra.readmodel;

import org.dyad.application.disclosure.DisclosureView;
import org.dyad.application.disclosure.DisclosureViews;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public class MongoDisclosureViews implements DisclosureViews {

    private final JsonViewCollection<DisclosureView> views;

    public MongoDisclosureViews(ViewCollections collections) {
        this.views = collections.open(ReadModelCollections.DISCLOSURES, DisclosureView.class, "caseId");
    }

    @Override
    public Optional<DisclosureView> find(String id) {
        return views.find(id);
    }

    @Override
    public void save(DisclosureView view) {
        views.save(view.getDisclosureId(), view);
    }

    @Override
    public List<DisclosureView> findByCase(String caseId) {
        return views.findWhere("caseId", caseId);
    }
}
