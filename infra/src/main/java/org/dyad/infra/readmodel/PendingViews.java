package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static com.mongodb.client.model.Filters.eq;

/**
 * View writes held back while a processor handles a batch of events, then written with one bulk write per
 * collection: a view changed by ten events in a batch is stored once. Reads inside the batch see the held writes,
 * and a view is read from the store at most once a batch (see {@code prefetch} in the read-model repositories).
 * Collections are written in the order of their last held write, each collection's views in the order of their
 * last write: a reader that reads a marker first (a board's version) finds everything written before it at least
 * as new.
 * The writes go out before the processor stores its token ({@link #flushCurrent()}, called by the token store);
 * waiting commands are told then, the screens only after the batch commits.
 */
public final class PendingViews {

    private static final String RESOURCE = PendingViews.class.getName();
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    /** Keyed by the collection objects themselves, which have no equality of their own. */
    private final Map<MongoCollection<Document>, Map<String, Held>> byCollection = new LinkedHashMap<>();
    private final Map<MongoCollection<Document>, DocumentCache> caches = new IdentityHashMap<>();
    /** Views read in this batch and not changed since, absent ones as empty: the store holds them as they are. */
    private final Map<MongoCollection<Document>, Map<String, Optional<Object>>> readByCollection =
            new IdentityHashMap<>();

    private PendingViews() {
    }

    /** The batch's held writes, or empty when no unit of work is running (then writes go out at once). */
    static Optional<PendingViews> current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return Optional.of(root.getOrComputeResource(RESOURCE, key -> {
            PendingViews pending = new PendingViews();
            root.onPrepareCommit(u -> pending.flush());
            return pending;
        }));
    }

    /** Writes what the current batch holds; the token store calls this before it stores the batch's token. */
    public static void flushCurrent() {
        if (CurrentUnitOfWork.isStarted()) {
            PendingViews pending = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (pending != null) {
                pending.flush();
            }
        }
    }

    /** Holds the view object itself: reads in the batch get it back without converting it. */
    void hold(MongoCollection<Document> collection, DocumentCache cache, String id, Object view,
              Function<Object, Document> toDocument) {
        caches.put(collection, cache);
        Map<String, Held> held = byCollection.remove(collection); // keep the order of last writes, collections too
        if (held == null) {
            held = new LinkedHashMap<>();
        }
        byCollection.put(collection, held);
        held.remove(id);
        held.put(id, new Held(view, toDocument));
    }

    /** Holds the removal of a view: reads in the batch find none. */
    void holdDeletion(MongoCollection<Document> collection, DocumentCache cache, String id) {
        hold(collection, cache, id, null, view -> null);
    }

    /** What the batch saved or read of the view: empty when it has not looked yet, else the view or its absence. */
    Optional<Optional<Object>> known(MongoCollection<Document> collection, String id) {
        Map<String, Held> held = byCollection.get(collection);
        if (held != null && held.containsKey(id)) {
            return Optional.of(Optional.ofNullable(held.get(id).view()));
        }
        Map<String, Optional<Object>> read = readByCollection.get(collection);
        return read == null ? Optional.empty() : Optional.ofNullable(read.get(id));
    }

    /** Remembers a view as read from the store ({@code null}: there is none) for the rest of the batch. */
    void read(MongoCollection<Document> collection, String id, Object view) {
        readByCollection.computeIfAbsent(collection, c -> new HashMap<>()).put(id, Optional.ofNullable(view));
    }

    Map<String, Held> heldIn(MongoCollection<Document> collection) {
        return byCollection.getOrDefault(collection, Map.of());
    }

    /** A held view (none: a held deletion), converted to its document when a query inside the batch needs its fields. */
    static final class Held {
        private final Object view;
        private final Function<Object, Document> toDocument;
        private Document document;

        private Held(Object view, Function<Object, Document> toDocument) {
            this.view = view;
            this.toDocument = toDocument;
        }

        Object view() {
            return view;
        }

        Document document() {
            if (document == null && view != null) {
                document = toDocument.apply(view);
            }
            return document;
        }
    }

    private void flush() {
        for (Map.Entry<MongoCollection<Document>, Map<String, Held>> entry : byCollection.entrySet()) {
            List<WriteModel<Document>> writes = new ArrayList<>(entry.getValue().size());
            Map<String, Document> documents = new LinkedHashMap<>();
            List<String> deleted = new ArrayList<>();
            // Converted now, from the view as the batch left it.
            entry.getValue().forEach((id, held) -> {
                if (held.view == null) {
                    deleted.add(id);
                    writes.add(new DeleteOneModel<>(eq("_id", id)));
                    return;
                }
                Document document = held.toDocument.apply(held.view);
                documents.put(id, document);
                writes.add(new ReplaceOneModel<>(eq("_id", id), document, UPSERT));
            });
            if (writes.isEmpty()) {
                continue;
            }
            DocumentCache cache = caches.getOrDefault(entry.getKey(), DocumentCache.NONE);
            try {
                entry.getKey().bulkWrite(writes);
            } catch (RuntimeException e) {
                cache.forget(documents.keySet());
                cache.forget(deleted);
                throw e;
            }
            documents.forEach(cache::wrote);
            cache.forget(deleted);
        }
        byCollection.clear();
        caches.clear();
        readByCollection.clear();
    }
}
