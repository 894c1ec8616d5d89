package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.dyad.application.cotreatment.SessionView;
import org.dyad.application.cotreatment.SessionViews;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Repository
public class MongoSessionViews implements SessionViews {

    private final MongoCollection<Document> collection;
    private final JsonDocuments json;

    public MongoSessionViews(MongoDatabase database, JsonDocuments json) {
        this.collection = database.getCollection("session_views");
        this.json = json;
    }

    @Override
    public Optional<SessionView> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first())
                .map(d -> json.fromDocument(d, SessionView.class));
    }

    @Override
    public void save(SessionView view) {
        collection.replaceOne(Filters.eq("_id", view.getSessionId()), json.toDocument(view.getSessionId(), view),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public List<SessionView> findByCase(String caseId) {
        return collection.find(Filters.eq("caseId", caseId)).map(d -> json.fromDocument(d, SessionView.class))
                .into(new ArrayList<>());
    }
}
