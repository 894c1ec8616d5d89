package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One read model's documents: stored whole under their id, found by id or by one field's value. */
final class JsonViewCollection<V> {

    private final MongoCollection<Document> collection;
    private final JsonDocuments json;
    private final Class<V> type;

    JsonViewCollection(MongoDatabase database, String name, JsonDocuments json, Class<V> type) {
        this.collection = database.getCollection(name);
        this.json = json;
        this.type = type;
    }

    Optional<V> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(d -> json.fromDocument(d, type));
    }

    void save(String id, V view) {
        collection.replaceOne(Filters.eq("_id", id), json.toDocument(id, view), new ReplaceOptions().upsert(true));
    }

    List<V> findWhere(String field, Object value) {
        return collection.find(Filters.eq(field, value)).map(d -> json.fromDocument(d, type)).into(new ArrayList<>());
    }
}
