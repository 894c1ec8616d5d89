package org.dyad.infra.readmodel;

import org.bson.Document;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A view collection's documents as this process last wrote or read them, the most recently used first. Only
 * correct while no other process writes the collection ({@code StoreWriters.single()}); otherwise {@link #NONE}.
 * The documents are never handed out, only converted, so callers cannot change what is kept. {@link #NONE} keeps
 * nothing and takes no lock, since every collection of a node that is not the only writer shares it.
 */
final class DocumentCache {

    static final DocumentCache NONE = new DocumentCache(0);

    private final int capacity;
    private final Map<String, Document> documents;
    /** Counts writes, so that a read that raced a write does not keep what it read. Guarded by this. */
    private long writes;

    DocumentCache(int capacity) {
        this.capacity = capacity;
        this.documents = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                return size() > DocumentCache.this.capacity;
            }
        };
    }

    Document get(String id) {
        if (capacity == 0) {
            return null;
        }
        synchronized (this) {
            return documents.get(id);
        }
    }

    /** To pass to {@link #read} after reading from the store. */
    long writes() {
        if (capacity == 0) {
            return 0;
        }
        synchronized (this) {
            return writes;
        }
    }

    /** Keeps a document read from the store, unless a write came since {@code writesBefore}. */
    void read(String id, Document document, long writesBefore) {
        if (capacity == 0 || document == null) {
            return;
        }
        synchronized (this) {
            if (writes == writesBefore) {
                documents.put(id, document);
            }
        }
    }

    void wrote(String id, Document document) {
        if (capacity == 0) {
            return;
        }
        synchronized (this) {
            writes++;
            documents.put(id, document);
        }
    }

    /** After a failed write: the store may hold the old documents or the new ones. */
    void forget(Collection<String> ids) {
        if (capacity == 0) {
            return;
        }
        synchronized (this) {
            writes++;
            ids.forEach(documents::remove);
        }
    }

    void forgetAll() {
        if (capacity == 0) {
            return;
        }
        synchronized (this) {
            writes++;
            documents.clear();
        }
    }
}
