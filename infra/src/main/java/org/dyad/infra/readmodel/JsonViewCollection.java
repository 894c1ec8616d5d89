package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dyad.infra.mongo.InLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One read model's documents: stored whole under their id, found by id or by one field's value.
 * <p>
 * For each field views are looked up by ({@code lookups}), a document also holds {@code _by_<field>}:
 * {@code <value>|<id>}, under a unique, sparse index. Both MongoDB and the embedded server answer a range of such a
 * unique index from the index ({@code OrderedUniqueIndex}), where a query on the field itself is a scan of the whole
 * collection on the embedded server (it ignores other indexes), so a lookup costs the same however many views there
 * are.
 */
final class JsonViewCollection<V> {

    private static final Logger log = LoggerFactory.getLogger(JsonViewCollection.class);
    private static final String KEY_PREFIX = "_by_";
    private static final char SEPARATOR = '|';
    private static final char AFTER_SEPARATOR = SEPARATOR + 1;
    private static final int KEY_WRITES_PER_BULK = 1000;

    private static final ClassValue<List<String>> RECORD_FIELDS = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
    };

    private final MongoCollection<Document> collection;
    private final JsonDocuments json;
    private final Class<V> type;
    private final DocumentCache cache;
    private final ViewWriter writer;
    private final List<String> lookups;

    JsonViewCollection(MongoDatabase database, String name, JsonDocuments json, Class<V> type, DocumentCache cache,
                       ViewWriter writer, List<String> lookups) {
        this.writer = writer;
        this.collection = database.getCollection(name);
        this.json = json;
        this.type = type;
        this.cache = cache;
        this.lookups = List.copyOf(lookups);
        prepareLookups();
    }

    private static String keyField(String field) {
        return KEY_PREFIX + field;
    }

    /** {@code <value>|<id>}, or null when the document has no value for the field (it stays out of the index). */
    private static String key(String field, Document document) {
        Object value = document.get(field);
        return value == null ? null : value + String.valueOf(SEPARATOR) + document.get("_id");
    }

    private Document document(String id, V view) {
        Document document = json.toDocument(id, view);
        for (String field : lookups) {
            String key = key(field, document);
            if (key != null) {
                document.put(keyField(field), key);
            }
        }
        return document;
    }

    /**
     * Gives the documents written before a lookup existed its key, in one pass over them, then makes the lookup's
     * index. The index is made last, so a start cut short does it all again.
     */
    private void prepareLookups() {
        if (lookups.isEmpty()) {
            return;
        }
        Set<String> indexes = new HashSet<>();
        for (Document index : collection.listIndexes()) {
            indexes.add(index.getString("name"));
        }
        List<String> missing = lookups.stream().filter(field -> !indexes.contains(keyField(field))).toList();
        if (missing.isEmpty()) {
            return;
        }
        // Only the ids and the looked-up fields are read: a store's views may not fit in the heap at once.
        List<Document> documents = collection.find().projection(Projections.include(missing))
                .into(new ArrayList<>());
        List<WriteModel<Document>> updates = new ArrayList<>();
        for (Document document : documents) {
            Document keys = new Document();
            missing.forEach(field -> Optional.ofNullable(key(field, document)).ifPresent(k -> keys.put(keyField(field), k)));
            if (!keys.isEmpty()) {
                updates.add(new UpdateOneModel<>(Filters.eq("_id", document.get("_id")), new Document("$set", keys)));
            }
        }
        for (int from = 0; from < updates.size(); from += KEY_WRITES_PER_BULK) {
            collection.bulkWrite(updates.subList(from, Math.min(updates.size(), from + KEY_WRITES_PER_BULK)));
        }
        createIndexes(missing);
        if (!updates.isEmpty()) {
            log.info("Gave {} documents of {} their lookup keys ({})", updates.size(),
                    collection.getNamespace().getCollectionName(), missing);
        }
    }

    private void createIndexes(List<String> fields) {
        for (String field : fields) {
            collection.createIndex(Indexes.ascending(keyField(field)),
                    new IndexOptions().name(keyField(field)).unique(true).sparse(true));
        }
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
        if (pending.isPresent()) {
            Optional<Optional<Document>> writing = writer.known(collection, id);
            if (writing.isPresent()) {
                return Optional.ofNullable(takeAsRead(pending.get(), id, writing.get().orElse(null)));
            }
        }
        Document document = stored(id);
        if (pending.isPresent()) {
            return Optional.ofNullable(takeAsRead(pending.get(), id, document));
        }
        return Optional.ofNullable(document == null ? null : json.fromDocument(document, type));
    }

    /**
     * Some of a view's fields, as {@code part}: a record whose components are named as those fields. Outside a
     * processor's batch only those fields are converted, from the cached document or from a read that is then cached
     * as {@link #find}'s are. Inside a batch it is the view {@link #find} gives, converted.
     */
    <P extends Record> Optional<P> findPart(String id, Class<P> part) {
        if (PendingViews.current().isPresent()) {
            return find(id).map(view -> json.fromDocument(json.toDocument(id, view), part));
        }
        Document document = stored(id);
        if (document == null) {
            return Optional.empty();
        }
        Document fieldsOnly = new Document();
        for (String field : RECORD_FIELDS.get(part)) {
            if (document.containsKey(field)) {
                fieldsOnly.put(field, document.get(field));
            }
        }
        return Optional.of(json.fromDocument(fieldsOnly, part));
    }

    /** The view's document from the cache, or else from the store (then cached); null when there is none. */
    private Document stored(String id) {
        Document document = cache.get(id);
        if (document == null) {
            long writesBefore = cache.writes();
            document = collection.find(Filters.eq("_id", id)).first();
            cache.read(id, document, writesBefore);
        }
        return document;
    }

    /** The batch takes the view as the store holds it, or will once the writes in flight are done (null: none). */
    private V takeAsRead(PendingViews pending, String id, Document stored) {
        V view = stored == null ? null : json.fromDocument(stored, type);
        pending.readStored(collection, id, view, stored);
        return view;
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
            Optional<Optional<Document>> writing = writer.known(collection, id);
            if (writing.isPresent()) {
                takeAsRead(pending.get(), id, writing.get().orElse(null));
                continue;
            }
            Document cached = cache.get(id);
            if (cached != null) {
                takeAsRead(pending.get(), id, cached);
            } else {
                unseen.add(id);
            }
        }
        Map<String, Document> found = readFromStore(unseen);
        unseen.forEach(id -> takeAsRead(pending.get(), id, found.get(id)));
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
    private Map<String, Document> readFromStore(List<String> ids) {
        Map<String, Document> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += InLists.MAX_VALUES) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + InLists.MAX_VALUES));
            long writesBefore = cache.writes();
            for (Document document : collection.find(Filters.in("_id", chunk))) {
                String id = document.getString("_id");
                cache.read(id, document, writesBefore);
                found.put(id, document);
            }
        }
        return found;
    }

    /** Inside a processor's batch the write is held and goes out with the batch ({@link PendingViews}). */
    void save(String id, V view) {
        Optional<PendingViews> pending = PendingViews.current();
        if (pending.isPresent()) {
            pending.get().hold(collection, cache, writer, id, view, v -> document(id, type.cast(v)));
        } else {
            Document document = document(id, view);
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
            pending.get().holdDeletion(collection, cache, writer, id);
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
        readFromStore(unread).forEach((id, document) -> found.put(id, json.fromDocument(document, type)));
        return found;
    }

    List<V> findWhere(String field, Object value) {
        Optional<PendingViews> pending = PendingViews.current();
        Map<String, PendingViews.Held> held = pending.map(p -> p.heldIn(collection)).orElse(Map.of());
        Map<String, Document> writing = pending.isPresent() ? writer.inFlight(collection) : Map.of();
        Map<Object, V> found = new LinkedHashMap<>();
        Bson query = lookups.contains(field) && value instanceof String text
                ? new Document(keyField(field), new Document("$gte", text + SEPARATOR).append("$lt", text + AFTER_SEPARATOR))
                : Filters.eq(field, value);
        for (Document document : collection.find(query)) {
            if (!Objects.equals(document.get(field), value)) {
                continue; // a longer value that begins with this one and the separator
            }
            Object id = document.get("_id");
            found.put(id, held.containsKey(id) || writing.containsKey(id) ? null : json.fromDocument(document, type));
        }
        writing.forEach((id, document) -> {
            if (!held.containsKey(id)) {
                if (document != null && Objects.equals(document.get(field), value)) {
                    found.put(id, json.fromDocument(document, type));
                } else {
                    found.remove(id);
                }
            }
        });
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
     * Outside a processor's batch: removes every view by dropping the collection, which costs far less than removing
     * the documents one by one, and makes its lookup indexes again.
     */
    void deleteAll() {
        try {
            collection.drop();
            createIndexes(lookups);
        } finally {
            cache.forgetAll();
        }
    }
}
