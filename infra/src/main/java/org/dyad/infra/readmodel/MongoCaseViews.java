package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.dyad.application.cases.CaseView;
import org.dyad.application.cases.CaseViews;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Repository
public class MongoCaseViews implements CaseViews {

    private final MongoCollection<Document> collection;
    private final JsonDocuments json;

    public MongoCaseViews(MongoDatabase database, JsonDocuments json) {
        this.collection = database.getCollection("case_views");
        this.json = json;
    }

    @Override
    public Optional<CaseView> find(String caseId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", caseId)).first())
                .map(d -> json.fromDocument(d, CaseView.class));
    }

    @Override
    public void save(CaseView view) {
        collection.replaceOne(Filters.eq("_id", view.getCaseId()), json.toDocument(view.getCaseId(), view),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public List<CaseView> findByUnit(String unit) {
        return collection.find(Filters.eq("unit", unit)).map(d -> json.fromDocument(d, CaseView.class))
                .into(new ArrayList<>());
    }

    @Override
    public List<CaseView> findByPersonServed(String userId) {
        return collection.find(Filters.eq("personServedUserId", userId)).map(d -> json.fromDocument(d, CaseView.class))
                .into(new ArrayList<>());
    }
}
