package org.dyad.infra.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
    /** The documents the store held for views the batch read (empty: none), to skip writes that change nothing. */
    private final Map<MongoCollection<Document>, Map<String, Optional<Document>>> storedByCollection =
            new IdentityHashMap<>();

    /** Writes batches behind a processor: this batch's own writes go out after theirs. */
    private ViewWriter writer;

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
    void hold(MongoCollection<Document> collection, DocumentCache cache, ViewWriter writer, String id, Object view,
              Function<Object, Document> toDocument) {
        this.writer = writer;
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
    void holdDeletion(MongoCollection<Document> collection, DocumentCache cache, ViewWriter writer, String id) {
        hold(collection, cache, writer, id, null, view -> null);
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

    /**
     * As {@link #read}, and what the store holds ({@code null}: none), seen just now: a write that would leave the
     * view as stored is not sent. A view only taken as absent ({@code startEmpty}) is always written.
     */
    void readStored(MongoCollection<Document> collection, String id, Object view, Document document) {
        read(collection, id, view);
        storedByCollection.computeIfAbsent(collection, c -> new HashMap<>()).put(id, Optional.ofNullable(document));
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

    /**
     * Takes what the current batch holds out of it, converted to documents now, from the views as the batch left
     * them: the batch may go on to change those objects. None when no unit of work is running or it holds nothing.
     */
    public static Writes detachCurrent() {
        PendingViews pending = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(RESOURCE)
                : null;
        return pending == null ? new Writes(Map.of(), Map.of(), Map.of()) : pending.detach();
    }

    private Writes detach() {
        Map<MongoCollection<Document>, Map<String, Document>> documents = new LinkedHashMap<>();
        Map<MongoCollection<Document>, Set<String>> absent = new IdentityHashMap<>();
        byCollection.forEach((collection, held) -> {
            Map<String, Optional<Document>> stored = storedByCollection.getOrDefault(collection, Map.of());
            Map<String, Optional<Object>> read = readByCollection.getOrDefault(collection, Map.of());
            Map<String, Document> converted = new LinkedHashMap<>();
            Set<String> none = new HashSet<>();
            held.forEach((id, view) -> {
                Document document = view.view == null ? null : view.toDocument.apply(view.view);
                Optional<Document> before = stored.get(id);
                if (before == null || !Objects.equals(document, before.orElse(null))) {
                    converted.put(id, document);
                    Optional<Object> readAs = read.get(id);
                    if (document != null && (before != null ? before.isEmpty() : readAs != null && readAs.isEmpty())) {
                        none.add(id);
                    }
                }
            });
            if (!converted.isEmpty()) {
                documents.put(collection, converted);
                absent.put(collection, none);
            }
        });
        Writes writes = new Writes(documents, absent, new IdentityHashMap<>(caches));
        byCollection.clear();
        caches.clear();
        readByCollection.clear();
        storedByCollection.clear();
        return writes;
    }

    private void flush() {
        if (writer != null && !byCollection.isEmpty()) {
            writer.awaitQuietly();
        }
        detach().write();
    }

    /**
     * A batch's view writes, as documents (null: a removal), each collection's in the order of its last write. While
     * they are being written behind the processor, its next batch reads these views from here ({@link ViewWriter}).
     * A view the batch found absent, or took as absent ({@code startEmpty}), is inserted, which costs the store less
     * than a replacement that looks for it first; should it be there after all (an earlier try stored it and then
     * failed), it is replaced.
     */
    public static final class Writes {
        /** Past this many switches between inserts and replacements in one collection's writes, only replacements. */
        private static final int MAX_SWITCHES = 2;

        private final Map<MongoCollection<Document>, Map<String, Document>> documents;
        private final Map<MongoCollection<Document>, Set<String>> absent;
        private final Map<MongoCollection<Document>, DocumentCache> caches;

        private Writes(Map<MongoCollection<Document>, Map<String, Document>> documents,
                       Map<MongoCollection<Document>, Set<String>> absent,
                       Map<MongoCollection<Document>, DocumentCache> caches) {
            this.documents = documents;
            this.absent = absent;
            this.caches = caches;
        }

        /** The document this batch leaves (empty inside: removed), or empty when it did not write the view. */
        Optional<Optional<Document>> known(MongoCollection<Document> collection, String id) {
            Map<String, Document> written = documents.get(collection);
            return written == null || !written.containsKey(id) ? Optional.empty()
                    : Optional.of(Optional.ofNullable(written.get(id)));
        }

        Map<String, Document> in(MongoCollection<Document> collection) {
            return documents.getOrDefault(collection, Map.of());
        }

        /** One bulk write per collection, in order; then each collection's cache learns what the store holds. */
        void write() {
            documents.forEach(this::write);
        }

        private void write(MongoCollection<Document> collection, Map<String, Document> changes) {
            Set<String> inserts = absent.getOrDefault(collection, Set.of());
            if (switches(changes.keySet(), inserts) > MAX_SWITCHES) {
                inserts = Set.of(); // the driver sends each run of inserts, or of other writes, as a command of its own
            }
            List<WriteModel<Document>> writes = new ArrayList<>(changes.size());
            Map<String, Document> written = new LinkedHashMap<>();
            List<String> deleted = new ArrayList<>();
            for (Map.Entry<String, Document> change : changes.entrySet()) {
                String id = change.getKey();
                Document document = change.getValue();
                if (document == null) {
                    deleted.add(id);
                    writes.add(new DeleteOneModel<>(eq("_id", id)));
                } else {
                    written.put(id, document);
                    writes.add(inserts.contains(id) ? new InsertOneModel<>(document) : replacement(document));
                }
            }
            if (writes.isEmpty()) {
                return;
            }
            DocumentCache cache = caches.getOrDefault(collection, DocumentCache.NONE);
            try {
                bulkWrite(collection, writes);
            } catch (RuntimeException e) {
                cache.forget(written.keySet());
                cache.forget(deleted);
                throw e;
            }
            written.forEach(cache::wrote);
            cache.forget(deleted);
        }

        private static ReplaceOneModel<Document> replacement(Document document) {
            return new ReplaceOneModel<>(eq("_id", document.get("_id")), document, UPSERT);
        }

        /** In order: an insert that finds its view stored stops the bulk there; it and the rest go again, replaced. */
        private static void bulkWrite(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
            int from = 0;
            while (from < writes.size()) {
                List<WriteModel<Document>> rest = writes.subList(from, writes.size());
                try {
                    collection.bulkWrite(rest);
                    return;
                } catch (MongoBulkWriteException e) {
                    BulkWriteError error = e.getWriteErrors().isEmpty() ? null : e.getWriteErrors().get(0);
                    if (error == null || e.getWriteConcernError() != null
                            || ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY
                            || !(rest.get(error.getIndex()) instanceof InsertOneModel<Document> insert)) {
                        throw e;
                    }
                    from += error.getIndex();
                    writes.set(from, replacement(insert.getDocument()));
                }
            }
        }

        private static int switches(Set<String> ids, Set<String> inserts) {
            int switches = 0;
            Boolean last = null;
            for (String id : ids) {
                boolean insert = inserts.contains(id);
                if (last != null && last != insert) {
                    switches++;
                }
                last = insert;
            }
            return switches;
        }
    }
}
