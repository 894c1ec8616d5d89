package org.dyad.infra.readmodel;

import org.dyad.application.consent.ConsentView;
import org.dyad.application.consent.ConsentViews;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public class MongoConsentViews implements ConsentViews {

    private final JsonViewCollection<ConsentView> views;

    public MongoConsentViews(ViewCollections collections) {
        this.views = collections.open(ReadModelCollections.CONSENTS, ConsentView.class, "caseId", "status");
    }

    @Override
    public Optional<ConsentView> find(String id) {
        return views.find(id);
    }

    @Override
    public void save(ConsentView view) {
        views.save(view.getConsentId(), view);
    }

    @Override
    public List<ConsentView> findByCase(String caseId) {
        return views.findWhere("caseId", caseId);
    }

    @Override
    public List<ConsentView> findActiveOrDue() {
        return views.findWhere("status", ConsentView.Status.ACTIVE.name());
    }
}
