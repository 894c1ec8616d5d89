package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.dyad.application.decision.DecisionView;
import org.dyad.application.decision.DecisionViews;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Repository
public class MongoDecisionViews implements DecisionViews {

    private final MongoCollection<Document> collection;
    private final JsonDocuments json;

    public MongoDecisionViews(MongoDatabase database, JsonDocuments json) {
        this.collection = database.getCollection("decision_views");
        this.json = json;
    }

    @Override
    public Optional<DecisionView> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first())
                .map(d -> json.fromDocument(d, DecisionView.class));
    }

    @Override
    public void save(DecisionView view) {
        collection.replaceOne(Filters.eq("_id", view.getDecisionId()), json.toDocument(view.getDecisionId(), view),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public List<DecisionView> findByCase(String caseId) {
        return collection.find(Filters.eq("caseId", caseId)).map(d -> json.fromDocument(d, DecisionView.class))
                .into(new ArrayList<>());
    }
}
