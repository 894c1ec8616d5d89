package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.dyad.infra.mongo.InLists;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One read model's documents: stored whole under their id, found by id or by one field's value. */
final class JsonViewCollection<V> {

    private final MongoCollection<Document> collection;
    private final JsonDocuments json;
    private final Class<V> type;
    private final DocumentCache cache;

    JsonViewCollection(MongoDatabase database, String name, JsonDocuments json, Class<V> type, DocumentCache cache) {
        this.collection = database.getCollection(name);
        this.json = json;
        this.type = type;
        this.cache = cache;
    }

    /**
     * Inside a processor's batch a view saved earlier in the batch is returned as it was saved, not a copy, and a
     * view read earlier in the batch (or found absent) is not read again. A view in the cache is not read at all.
     */
    Optional<V> find(String id) {
        Optional<PendingViews> pending = PendingViews.current();
        Optional<Optional<Object>> known = pending.flatMap(p -> p.known(collection, id));
        if (known.isPresent()) {
            return known.get().map(type::cast);
        }
        Document document = cache.get(id);
        if (document == null) {
            long writesBefore = cache.writes();
            document = collection.find(Filters.eq("_id", id)).first();
            cache.read(id, document, writesBefore);
        }
        V found = document == null ? null : json.fromDocument(document, type);
        pending.ifPresent(p -> p.read(collection, id, found));
        return Optional.ofNullable(found);
    }

    /**
     * Inside a processor's batch: reads those of these views the batch has not seen yet, {@link InLists#MAX_VALUES} to
     * a query, so that its finds need no query of their own. Outside a batch it does nothing.
     */
    void prefetch(Collection<String> ids) {
        Optional<PendingViews> pending = PendingViews.current();
        if (pending.isEmpty()) {
            return;
        }
        List<String> unseen = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            if (pending.get().known(collection, id).isPresent()) {
                continue;
            }
            Document cached = cache.get(id);
            if (cached != null) {
                pending.get().read(collection, id, json.fromDocument(cached, type));
            } else {
                unseen.add(id);
            }
        }
        Map<String, V> found = readFromStore(unseen);
        unseen.forEach(id -> pending.get().read(collection, id, found.get(id)));
    }

    /**
     * Inside a processor's batch: the batch takes these views as absent without reading them, unless it has seen them
     * already. Outside a batch it does nothing.
     */
    void startEmpty(Collection<String> ids) {
        PendingViews.current().ifPresent(pending -> {
            for (String id : ids) {
                if (pending.known(collection, id).isEmpty()) {
                    pending.read(collection, id, null);
                }
            }
        });
    }

    /** Reads these views from the store, {@link InLists#MAX_VALUES} to a query, keeping them in the cache. */
    private Map<String, V> readFromStore(List<String> ids) {
        Map<String, V> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += InLists.MAX_VALUES) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + InLists.MAX_VALUES));
            long writesBefore = cache.writes();
            for (Document document : collection.find(Filters.in("_id", chunk))) {
                String id = document.getString("_id");
                cache.read(id, document, writesBefore);
                found.put(id, json.fromDocument(document, type));
            }
        }
        return found;
    }

    /** Inside a processor's batch the write is held and goes out with the batch ({@link PendingViews}). */
    void save(String id, V view) {
        Optional<PendingViews> pending = PendingViews.current();
        if (pending.isPresent()) {
            pending.get().hold(collection, cache, id, view, v -> json.toDocument(id, v));
        } else {
            Document document = json.toDocument(id, view);
            try {
                collection.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
            } catch (RuntimeException e) {
                cache.forget(List.of(id));
                throw e;
            }
            cache.wrote(id, document);
        }
    }

    /** Inside a processor's batch the removal is held and goes out with the batch, like a write. */
    void delete(String id) {
        Optional<PendingViews> pending = PendingViews.current();
        if (pending.isPresent()) {
            pending.get().holdDeletion(collection, cache, id);
            return;
        }
        try {
            collection.deleteOne(Filters.eq("_id", id));
        } finally {
            cache.forget(List.of(id));
        }
    }

    /** These views, those there are, read as {@link #find} would but with one query for all that must be read. */
    Map<String, V> findAll(Collection<String> ids) {
        Map<String, V> found = new LinkedHashMap<>();
        if (PendingViews.current().isPresent()) {
            prefetch(ids);
            ids.forEach(id -> find(id).ifPresent(view -> found.put(id, view)));
            return found;
        }
        List<String> unread = new ArrayList<>();
        for (String id : ids) {
            Document cached = cache.get(id);
            if (cached != null) {
                found.put(id, json.fromDocument(cached, type));
            } else {
                unread.add(id);
            }
        }
        found.putAll(readFromStore(unread));
        return found;
    }

    List<V> findWhere(String field, Object value) {
        Map<String, PendingViews.Held> held = PendingViews.current().map(p -> p.heldIn(collection)).orElse(Map.of());
        Map<Object, V> found = new LinkedHashMap<>();
        for (Document document : collection.find(Filters.eq(field, value))) {
            Object id = document.get("_id");
            found.put(id, held.containsKey(id) ? null : json.fromDocument(document, type));
        }
        held.forEach((id, view) -> {
            Document document = view.document();
            if (document != null && Objects.equals(document.get(field), value)) {
                found.put(id, type.cast(view.view()));
            } else {
                found.remove(id);
            }
        });
        return new ArrayList<>(found.values());
    }

    /** Every view; a scan, for maintenance only. */
    List<V> all() {
        List<V> views = new ArrayList<>();
        for (Document document : collection.find()) {
            views.add(json.fromDocument(document, type));
        }
        return views;
    }

    /**
     * Outside a processor's batch: removes every view by dropping the collection (view collections have no
     * indexes beyond their ids), which costs far less than removing the documents one by one.
     */
    void deleteAll() {
        try {
            collection.drop();
        } finally {
            cache.forgetAll();
        }
    }
}
