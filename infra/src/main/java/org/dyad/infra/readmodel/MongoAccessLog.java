package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.dyad.application.access.AccessLog;
import org.dyad.application.access.AccessRecord;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Repository
public class MongoAccessLog implements AccessLog {

    private final MongoCollection<Document> collection;
    private final JsonDocuments json;

    public MongoAccessLog(MongoDatabase database, JsonDocuments json) {
        this.collection = database.getCollection("access_log");
        this.json = json;
    }

    @Override
    public void record(AccessRecord record) {
        collection.insertOne(json.toDocument(UUID.randomUUID().toString(), record));
    }

    @Override
    public List<AccessRecord> forCase(String caseId) {
        return collection.find(Filters.eq("caseId", caseId)).map(d -> json.fromDocument(d, AccessRecord.class))
                .into(new ArrayList<>());
    }
}
