package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

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
        Optional<PendingViews> pending = PendingViews.current();
        Optional<Document> held = pending.flatMap(p -> p.held(collection, id));
        Document document = held.orElseGet(() -> collection.find(Filters.eq("_id", id)).first());
        return Optional.ofNullable(document).map(d -> json.fromDocument(d, type));
    }

    /** Inside a processor's batch the write is held and goes out with the batch ({@link PendingViews}). */
    void save(String id, V view) {
        Document document = json.toDocument(id, view);
        Optional<PendingViews> pending = PendingViews.current();
        if (pending.isPresent()) {
            pending.get().hold(collection, id, document);
        } else {
            collection.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
        }
    }

    List<V> findWhere(String field, Object value) {
        Map<String, Document> held = PendingViews.current().map(p -> p.heldIn(collection)).orElse(Map.of());
        Map<Object, Document> found = new LinkedHashMap<>();
        for (Document document : collection.find(Filters.eq(field, value))) {
            found.put(document.get("_id"), document);
        }
        held.forEach((id, document) -> {
            if (Objects.equals(document.get(field), value)) {
                found.put(id, document);
            } else {
                found.remove(id);
            }
        });
        return found.values().stream().map(d -> json.fromDocument(d, type)).collect(Collectors.toCollection(ArrayList::new));
    }
}
