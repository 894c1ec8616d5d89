package org.dyad.infra.axon.eventstore;

import org.bson.Document;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event documents this process stored last, by id, kept while it is the store's only writer, so that a
 * tracking reader at the head of the store gets them without a query. Holds only what the store acknowledged;
 * the oldest go first once {@code capacity} are held.
 */
final class RecentAppends {

    private final int capacity;
    private final Map<Long, Document> byId = new HashMap<>();
    private final ArrayDeque<Long> order = new ArrayDeque<>();

    RecentAppends(int capacity) {
        this.capacity = capacity;
    }

    /** Documents the store has acknowledged, each with its {@code _id}; they must not change afterwards. */
    synchronized void stored(List<Document> documents) {
        for (Document document : documents) {
            long id = ((Number) document.get("_id")).longValue();
            if (byId.put(id, document) == null) {
                order.addLast(id);
            }
        }
        while (order.size() > capacity) {
            byId.remove(order.removeFirst());
        }
    }

    /** The documents of ids {@code index + 1}, {@code index + 2}, … for as long as each is held, at most {@code max}. */
    synchronized List<Document> after(long index, int max) {
        List<Document> run = new ArrayList<>();
        for (long id = index + 1; run.size() < max; id++) {
            Document document = byId.get(id);
            if (document == null) {
                break;
            }
            run.add(document);
        }
        return run;
    }
}
