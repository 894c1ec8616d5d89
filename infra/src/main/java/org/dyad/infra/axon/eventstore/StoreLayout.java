package org.dyad.infra.axon.eventstore;

import com.mongodb.client.MongoDatabase;

/** Guards a data directory written by an earlier Dyad, whose events sit in Axon's stock collection. */
public final class StoreLayout {

    static final String STOCK_EVENTS = "domainevents";

    private StoreLayout() {
    }

    public static void refuseStockLayout(MongoDatabase database) {
        boolean stockEvents = database.getCollection(STOCK_EVENTS).estimatedDocumentCount() > 0;
        boolean flatEvents = database.getCollection(FlatEventStorageEngine.EVENTS).estimatedDocumentCount() > 0;
        if (stockEvents && !flatEvents) {
            throw new IllegalStateException("The store '" + database.getName() + "' holds events in Axon's stock "
                    + "layout ('" + STOCK_EVENTS + "'), which this version no longer reads. Move the data directory "
                    + "aside (the demo data is seeded again) or start an earlier version to export what you need.");
        }
    }
}
