package org.dyad.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How Dyad's H2 file differs from the stock backend's, and how a file in the stock format is brought up to it:
 * <ul>
 *   <li>unique indexes in {@link IndexKeyOrder}: each index map is copied, in the new order, into a fresh map that
 *   takes its name; one marker and one commit make it all durable at once;</li>
 *   <li>documents as BSON ({@link BsonDocumentType}): each collection's map is copied a chunk at a time into a fresh
 *   map, which takes its name in the same commit that marks that collection done, so a start cut short resumes.</li>
 *   <li>index pages filled: files written while each index key counted as 10 kB have pages of one or two keys (see
 *   {@link IndexKeyOrder#getMemory}); each index map is copied as the documents are, into pages of 24 to 48 keys.</li>
 *   <li>read models and tokens in a file of their own ({@link #moveToViewStore}, see {@link DurableH2Backend}).</li>
 * </ul>
 */
final class StoreFormat {

    private static final Logger log = LoggerFactory.getLogger(StoreFormat.class);

    static final String FORMAT_MAP = "dyad-store-format";
    private static final String INDEX_ORDER = "index-order";
    private static final String BSON_DOCUMENTS = "bson-documents";
    private static final String BSON_DONE_PREFIX = "bson-documents:";
    private static final String INDEX_PAGES = "index-pages";
    private static final String INDEX_PAGES_DONE_PREFIX = "index-pages:";
    private static final String VIEW_STORE = "view-store";
    private static final int CURRENT = 1;
    private static final String INDEX_MAP_MARKER = "._index_";
    /** The stock backend's prefix of a collection's document map. */
    private static final String DOCUMENT_MAP_PREFIX = "databases.";
    private static final String METADATA_MAP_PREFIX = "meta.";
    private static final int COPY_CHUNK = 10_000;

    private StoreFormat() {
    }

    static MVMap.Builder<KeyValue, Object> indexMap() {
        return new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyOrder.INSTANCE);
    }

    static MVMap.Builder<Object, Document> documentMap() {
        return new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE);
    }

    /** The stock backend's name for an index's map. */
    static String indexMapName(String collectionNamespace, String indexName) {
        return collectionNamespace + INDEX_MAP_MARKER + indexName;
    }

    /** The stock backend's name for a collection's documents. */
    static String documentMapName(String collectionNamespace) {
        return DOCUMENT_MAP_PREFIX + collectionNamespace;
    }

    /** The stock backend's name for a collection's metadata (its data size). */
    static String metadataMapName(String collectionNamespace) {
        return METADATA_MAP_PREFIX + collectionNamespace;
    }

    private static boolean isIndexMap(String name) {
        return name.contains(INDEX_MAP_MARKER);
    }

    /** The namespace ({@code database.collection}) whose documents, metadata or index a map holds, if any. */
    private static Optional<String> namespaceOf(String mapName) {
        if (isIndexMap(mapName)) {
            return Optional.of(mapName.substring(0, mapName.indexOf(INDEX_MAP_MARKER)));
        }
        if (mapName.startsWith(DOCUMENT_MAP_PREFIX)) {
            return Optional.of(mapName.substring(DOCUMENT_MAP_PREFIX.length()));
        }
        if (mapName.startsWith(METADATA_MAP_PREFIX)) {
            return Optional.of(mapName.substring(METADATA_MAP_PREFIX.length()));
        }
        return Optional.empty();
    }

    private static Optional<String> collectionOf(String mapName) {
        return namespaceOf(mapName).filter(namespace -> namespace.indexOf('.') > 0)
                .map(namespace -> namespace.substring(namespace.indexOf('.') + 1));
    }

    private static boolean isDocumentMap(String name) {
        return name.startsWith(DOCUMENT_MAP_PREFIX) && !isIndexMap(name) && !name.endsWith(".bson");
    }

    /** Runs on a store nobody else uses yet; commits what it changes. */
    static void apply(MVStore store) {
        MVMap<String, Integer> format = store.openMap(FORMAT_MAP);
        reorderIndexes(store, format);
        storeDocumentsAsBson(store, format);
        fillIndexPages(store, format);
    }

    private static void reorderIndexes(MVStore store, MVMap<String, Integer> format) {
        Integer order = format.get(INDEX_ORDER);
        if (order != null && order >= CURRENT) {
            return;
        }
        List<String> indexMaps = store.getMapNames().stream().filter(StoreFormat::isIndexMap).toList();
        long started = System.nanoTime();
        long keys = 0;
        for (String name : indexMaps) {
            MVMap<Object, Object> stock = store.openMap(name);
            MVMap<KeyValue, Object> reordered = store.openMap(name + ".reordered", indexMap());
            reordered.clear();
            for (Map.Entry<Object, Object> entry : stock.entrySet()) {
                reordered.put((KeyValue) entry.getKey(), entry.getValue());
                keys++;
            }
            store.removeMap(stock);
            store.renameMap(reordered, name);
        }
        format.put(INDEX_ORDER, CURRENT);
        format.put(INDEX_PAGES, CURRENT); // the copies above were written in full pages
        store.commit();
        if (!indexMaps.isEmpty()) {
            log.info("Reordered {} unique indexes ({} keys) in {} ms", indexMaps.size(), keys,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static void storeDocumentsAsBson(MVStore store, MVMap<String, Integer> format) {
        Integer done = format.get(BSON_DOCUMENTS);
        if (done != null && done >= CURRENT) {
            return;
        }
        List<String> stockMaps = store.getMapNames().stream().filter(StoreFormat::isDocumentMap)
                .filter(name -> !format.containsKey(BSON_DONE_PREFIX + name)).toList();
        long started = System.nanoTime();
        long documents = 0;
        for (String name : stockMaps) {
            documents += copyInChunks(store, format, store.openMap(name),
                    store.openMap(name + ".bson", documentMap()), name, BSON_DONE_PREFIX);
        }
        format.put(BSON_DOCUMENTS, CURRENT);
        store.commit();
        if (!stockMaps.isEmpty()) {
            log.info("Stored {} documents of {} collections as BSON in {} ms", documents, stockMaps.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static void fillIndexPages(MVStore store, MVMap<String, Integer> format) {
        Integer done = format.get(INDEX_PAGES);
        if (done != null && done >= CURRENT) {
            return;
        }
        List<String> indexMaps = store.getMapNames().stream().filter(StoreFormat::isIndexMap)
                .filter(name -> !name.endsWith(".filled"))
                .filter(name -> !format.containsKey(INDEX_PAGES_DONE_PREFIX + name)).toList();
        long started = System.nanoTime();
        long keys = 0;
        for (String name : indexMaps) {
            keys += copyInChunks(store, format, store.openMap(name, indexMap()),
                    store.openMap(name + ".filled", indexMap()), name, INDEX_PAGES_DONE_PREFIX);
        }
        format.put(INDEX_PAGES, CURRENT);
        store.commit();
        if (!indexMaps.isEmpty()) {
            log.info("Rewrote {} unique indexes ({} keys) in full pages in {} ms", indexMaps.size(), keys,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Moves the maps of the collections kept in the view store ({@code inViewStore}, by collection name) out of a
     * file written before there was one; each collection's list entry and index definitions stay where they are.
     * The copies are committed before the originals are removed in the commit that marks the move done, so a start
     * cut short moves them again. An events' store that has not been through this (new, or written before) starts
     * the view store afresh: views and tokens kept beside other events would tell the processors what they had done.
     */
    static void moveToViewStore(MVStore events, MVStore views, Predicate<String> inViewStore) {
        MVMap<String, Integer> format = events.openMap(FORMAT_MAP);
        Integer done = format.get(VIEW_STORE);
        if (done != null && done >= CURRENT) {
            return;
        }
        for (String name : List.copyOf(views.getMapNames())) {
            if (!name.equals(FORMAT_MAP)) {
                views.removeMap(name);
            }
        }
        List<String> moving = events.getMapNames().stream()
                .filter(name -> collectionOf(name).filter(inViewStore).isPresent()).sorted().toList();
        long started = System.nanoTime();
        long entries = 0;
        for (String name : moving) {
            MVMap<Object, Object> from = openAsStored(events, name);
            MVMap<Object, Object> to = openAsStored(views, name);
            for (Map.Entry<Object, Object> entry : from.entrySet()) {
                to.put(entry.getKey(), entry.getValue());
                if (++entries % COPY_CHUNK == 0) {
                    views.commit();
                }
            }
        }
        views.commit();
        for (String name : moving) {
            events.removeMap(name);
        }
        format.put(VIEW_STORE, CURRENT);
        events.commit();
        if (!moving.isEmpty()) {
            log.info("Moved {} maps ({} entries) of the read models and tokens to their own file in {} ms",
                    moving.size(), entries, (System.nanoTime() - started) / 1_000_000);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MVMap<Object, Object> openAsStored(MVStore store, String name) {
        if (isIndexMap(name)) {
            return (MVMap) store.openMap(name, indexMap());
        }
        if (name.startsWith(DOCUMENT_MAP_PREFIX)) {
            return (MVMap) store.openMap(name, documentMap());
        }
        return store.openMap(name);
    }

    /**
     * Copies a map into a fresh one a chunk at a time, which bounds the heap the copy holds; the old map stays whole
     * until the fresh one takes its name, in the same commit that marks the map done. Returns the entries copied.
     */
    private static <K, V> long copyInChunks(MVStore store, MVMap<String, Integer> format, MVMap<K, V> old,
                                            MVMap<K, V> fresh, String name, String donePrefix) {
        fresh.clear();
        long copied = 0;
        for (Map.Entry<K, V> entry : old.entrySet()) {
            fresh.put(entry.getKey(), entry.getValue());
            if (++copied % COPY_CHUNK == 0) {
                store.commit();
            }
        }
        store.removeMap(old);
        store.renameMap(fresh, name);
        format.put(donePrefix + name, CURRENT);
        store.commit();
        return copied;
    }
}
