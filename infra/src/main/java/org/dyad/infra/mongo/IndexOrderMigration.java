package org.dyad.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Brings a data file's unique indexes into {@link IndexKeyOrder}. A file written before that order holds its index
 * maps in the stock order (serialized bytes): each is copied, in the new order, into a fresh map that takes its name.
 * The file then carries a marker, and one commit makes it all durable at once.
 */
final class IndexOrderMigration {

    private static final Logger log = LoggerFactory.getLogger(IndexOrderMigration.class);

    static final String FORMAT_MAP = "dyad-store-format";
    private static final String INDEX_ORDER = "index-order";
    private static final int CURRENT = 1;
    private static final String INDEX_MAP_MARKER = "._index_";

    private IndexOrderMigration() {
    }

    static MVMap.Builder<KeyValue, Object> indexMap() {
        return new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyOrder.INSTANCE);
    }

    /** The stock backend's name for an index's map. */
    static String indexMapName(String collectionNamespace, String indexName) {
        return collectionNamespace + INDEX_MAP_MARKER + indexName;
    }

    private static boolean isIndexMap(String name) {
        return name.contains(INDEX_MAP_MARKER);
    }

    /** Runs on a store nobody else uses yet; commits if it changed anything. */
    static void apply(MVStore store) {
        MVMap<String, Integer> format = store.openMap(FORMAT_MAP);
        Integer order = format.get(INDEX_ORDER);
        if (order != null && order >= CURRENT) {
            return;
        }
        List<String> indexMaps = store.getMapNames().stream().filter(IndexOrderMigration::isIndexMap).toList();
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
        store.commit();
        if (!indexMaps.isEmpty()) {
            log.info("Reordered {} unique indexes ({} keys) in {} ms", indexMaps.size(), keys,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
