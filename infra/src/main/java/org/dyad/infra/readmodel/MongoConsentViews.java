package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.dyad.application.consent.ConsentView;
import org.dyad.application.consent.ConsentViews;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Repository
public class MongoConsentViews implements ConsentViews {

    private final MongoCollection<Document> collection;
    private final JsonDocuments json;

    public MongoConsentViews(MongoDatabase database, JsonDocuments json) {
        this.collection = database.getCollection("consent_views");
        this.json = json;
    }

    @Override
    public Optional<ConsentView> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first())
                .map(d -> json.fromDocument(d, ConsentView.class));
    }

    @Override
    public void save(ConsentView view) {
        collection.replaceOne(Filters.eq("_id", view.getConsentId()), json.toDocument(view.getConsentId(), view),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public List<ConsentView> findByCase(String caseId) {
        return collection.find(Filters.eq("caseId", caseId)).map(d -> json.fromDocument(d, ConsentView.class))
                .into(new ArrayList<>());
    }

    @Override
    public List<ConsentView> findActiveOrDue() {
        return collection.find(Filters.eq("status", ConsentView.Status.ACTIVE.name()))
                .map(d -> json.fromDocument(d, ConsentView.class)).into(new ArrayList<>());
    }
}
