package org.dyad.infra.readmodel;

import com.mongodb.client.MongoDatabase;
import org.dyad.application.shared.StoreWriters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the view collections of the read-model repositories. When this process is the store's only writer, each
 * keeps the documents it last wrote or read ({@link DocumentCache}), so an access check or a batch need not read
 * the store for a view this process just stored.
 */
@Component
public class ViewCollections {

    private final MongoDatabase database;
    private final JsonDocuments json;
    private final int cachedPerCollection;
    private final ViewWriter writer;
    private final Map<String, JsonViewCollection<?>> opened = new ConcurrentHashMap<>();

    public ViewCollections(MongoDatabase database, JsonDocuments json, StoreWriters writers, ViewWriter writer,
                           @Value("${dyad.read-model-cache.entries:4096}") int cachedPerCollection) {
        this.writer = writer;
        this.database = database;
        this.json = json;
        this.cachedPerCollection = writers.single() ? cachedPerCollection : 0;
    }

    /** {@code lookups}: the fields the views are found by (see {@link JsonViewCollection}). */
    <V> JsonViewCollection<V> open(String name, Class<V> type, String... lookups) {
        DocumentCache cache = cachedPerCollection > 0 ? new DocumentCache(cachedPerCollection) : DocumentCache.NONE;
        JsonViewCollection<V> collection = new JsonViewCollection<>(database, name, json, type, cache, writer,
                List.of(lookups));
        opened.put(name, collection);
        return collection;
    }

    /** Removes every document of these collections, and what the repositories keep of them. */
    void deleteAll(Collection<String> names) {
        for (String name : names) {
            JsonViewCollection<?> collection = opened.get(name);
            if (collection != null) {
                collection.deleteAll();
            } else {
                database.getCollection(name).drop();
            }
        }
    }
}
