package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.dyad.application.disclosure.DisclosureView;
import org.dyad.application.disclosure.DisclosureViews;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Repository
public class MongoDisclosureViews implements DisclosureViews {

    private final MongoCollection<Document> collection;
    private final JsonDocuments json;

    public MongoDisclosureViews(MongoDatabase database, JsonDocuments json) {
        this.collection = database.getCollection("disclosure_views");
        this.json = json;
    }

    @Override
    public Optional<DisclosureView> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first())
                .map(d -> json.fromDocument(d, DisclosureView.class));
    }

    @Override
    public void save(DisclosureView view) {
        collection.replaceOne(Filters.eq("_id", view.getDisclosureId()), json.toDocument(view.getDisclosureId(), view),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public List<DisclosureView> findByCase(String caseId) {
        return collection.find(Filters.eq("caseId", caseId)).map(d -> json.fromDocument(d, DisclosureView.class))
                .into(new ArrayList<>());
    }
}
