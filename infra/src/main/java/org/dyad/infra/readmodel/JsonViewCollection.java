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

    /** Inside a processor's batch a view saved earlier in the batch is returned as it was saved, not a copy. */
    Optional<V> find(String id) {
        Optional<Object> held = PendingViews.current().flatMap(p -> p.held(collection, id));
        if (held.isPresent()) {
            return Optional.of(type.cast(held.get()));
        }
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(d -> json.fromDocument(d, type));
    }

    /** Inside a processor's batch the write is held and goes out with the batch ({@link PendingViews}). */
    void save(String id, V view) {
        Optional<PendingViews> pending = PendingViews.current();
        if (pending.isPresent()) {
            pending.get().hold(collection, id, view, v -> json.toDocument(id, v));
        } else {
            collection.replaceOne(Filters.eq("_id", id), json.toDocument(id, view), new ReplaceOptions().upsert(true));
        }
    }

    List<V> findWhere(String field, Object value) {
        Map<String, PendingViews.Held> held = PendingViews.current().map(p -> p.heldIn(collection)).orElse(Map.of());
        Map<Object, V> found = new LinkedHashMap<>();
        for (Document document : collection.find(Filters.eq(field, value))) {
            Object id = document.get("_id");
            found.put(id, held.containsKey(id) ? null : json.fromDocument(document, type));
        }
        held.forEach((id, view) -> {
            if (Objects.equals(view.document().get(field), value)) {
                found.put(id, type.cast(view.view()));
            } else {
                found.remove(id);
            }
        });
        return new ArrayList<>(found.values());
    }
}
