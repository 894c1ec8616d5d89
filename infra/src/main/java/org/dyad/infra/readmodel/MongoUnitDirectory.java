package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.dyad.application.users.Unit;
import org.dyad.application.users.UnitDirectory;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Repository
public class MongoUnitDirectory implements UnitDirectory {

    private final MongoCollection<Document> collection;
    private final JsonDocuments json;

    public MongoUnitDirectory(MongoDatabase database, JsonDocuments json) {
        this.collection = database.getCollection("units");
        this.json = json;
    }

    @Override
    public Optional<Unit> find(String unitId) {
        if (unitId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(collection.find(Filters.eq("_id", unitId)).first())
                .map(d -> json.fromDocument(d, Unit.class));
    }

    @Override
    public boolean createIfAbsent(Unit unit) {
        return MongoInserts.insertIfAbsent(collection, json.toDocument(unit.unitId(), unit));
    }

    @Override
    public List<Unit> all() {
        return collection.find().map(d -> json.fromDocument(d, Unit.class)).into(new ArrayList<>());
    }
}
