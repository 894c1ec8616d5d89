package org.dyad.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * H2 file backend that makes each write durable before it is acknowledged (as shipped, H2Backend replies before
 * MVStore has saved, about once a second, so a killed process loses acknowledged writes), whose unique indexes
 * compare keys by value ({@link IndexKeyOrder}) and whose documents are stored as BSON ({@link BsonDocumentType}).
 * <p>
 * The collections rebuilt from the events (read models) and the processors' tokens live in a second file, the
 * view store ({@link #viewStoreFile}), committed about once a second with a token. A commit writes every page
 * changed since the last one whole, so when the views shared the events' file, each event's commit also rewrote
 * the view pages its command had changed.
 */
class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify", "create",
            "drop", "dropdatabase", "createindexes", "dropindexes", "renamecollection");

    /**
     * H2's default. A larger cache kept the pages of a long read through the store (a rebuild, a catch-up at start)
     * alive past the young collections: at 64 MB, a catch-up over 1M events promoted about 30 MB/s of pages to the old
     * generation and spent 11 to 18 % of its time in collection pauses.
     */
    private static final int PAGE_CACHE_MB = 16;

    /** How long a processor's progress (and the views it stands for) may stay uncommitted. */
    static final Duration PROGRESS_COMMIT_INTERVAL = Duration.ofSeconds(1);
    /** How much uncommitted change the view store may hold before a processor's progress commits it. */
    static final int PROGRESS_MAX_UNSAVED_BYTES = 16 << 20;

    /** Hands the view store and its collections to the databases H2Backend's constructor opens. */
    private static final ThreadLocal<ViewStore> OPENING = new ThreadLocal<>();

    private final Durability durability;
    private final ViewStore viewStore;
    private final long progressCommitNanos;
    private final LongSupplier nanoTime;
    private final Object commitLock = new Object();
    private final Object viewCommitLock = new Object();
    /** Written under the view commit lock, read without it. */
    private volatile long lastViewCommitNanos;
    private long viewCommits;
    /** Writes applied in memory so far; a commit that starts after a write's number was taken includes it. */
    private final AtomicLong writesApplied = new AtomicLong();
    private long writesCommitted;
    private long writesSynced;
    private long commits;
    private long syncs;

    private DurableH2Backend(MVStore events, ViewStore viewStore, Durability durability,
                             Duration progressCommitInterval, LongSupplier nanoTime) {
        super(events);
        this.viewStore = viewStore;
        this.durability = durability;
        this.progressCommitNanos = progressCommitInterval.toNanos();
        this.nanoTime = nanoTime;
        this.lastViewCommitNanos = nanoTime.getAsLong();
    }

    static H2Backend open(String fileName, Durability durability, Set<String> deferred) {
        return open(fileName, durability, deferred, Set.of());
    }

    /**
     * @param deferred collections rebuilt from the events (read models), kept in the view store: a write to one is
     *                 persisted by the view store's next commit, not by a commit of its own
     * @param progress collections that say how far processors have got (their tokens), kept in the view store with
     *                 the read models: a write to one commits the view store when its last commit is older than
     *                 {@link #PROGRESS_COMMIT_INTERVAL} or more than {@link #PROGRESS_MAX_UNSAVED_BYTES} are unsaved
     *                 in it. The events' store is committed first, so no view outlives an event it was built from,
     *                 and a killed process takes a token back with the views it stands for: the processor does
     *                 them again
     */
    static H2Backend open(String fileName, Durability durability, Set<String> deferred, Set<String> progress) {
        return open(fileName, durability, deferred, progress, PROGRESS_COMMIT_INTERVAL, System::nanoTime);
    }

    /** {@code nanoTime}: the clock that times the progress commits, as {@link System#nanoTime()}. */
    static H2Backend open(String fileName, Durability durability, Set<String> deferred, Set<String> progress,
                          Duration progressCommitInterval, LongSupplier nanoTime) {
        MVStore events = openStore(fileName, durability == Durability.BACKGROUND);
        // Committed only with a token, after the events, whatever the durability.
        MVStore views = openStore(viewStoreFile(fileName), false);
        ViewStore viewStore = new ViewStore(views, deferred, progress);
        StoreFormat.moveToViewStore(events, views, viewStore::holds);
        OPENING.set(viewStore);
        try {
            return new DurableH2Backend(events, viewStore, durability, progressCommitInterval, nanoTime);
        } finally {
            OPENING.remove();
        }
    }

    private static MVStore openStore(String fileName, boolean savedInBackground) {
        MVStore store = new MVStore.Builder().fileName(fileName).cacheSize(PAGE_CACHE_MB).autoCommitDisabled().open();
        StoreFormat.apply(store);
        if (savedInBackground) {
            store.setAutoCommitDelay(1000);
        }
        return store;
    }

    /** The view store's file, beside the events' one: {@code dyad.mv} keeps its views in {@code dyad-views.mv}. */
    static String viewStoreFile(String fileName) {
        return fileName.endsWith(".mv") ? fileName.substring(0, fileName.length() - 3) + "-views.mv"
                : fileName + "-views";
    }

    /** The store of the read models and the processors' tokens. */
    MVStore getViewStore() {
        return viewStore.store();
    }

    /** Set while H2Backend's constructor opens the stored databases, before this backend's fields are. */
    private ViewStore viewStore() {
        return viewStore != null ? viewStore : OPENING.get();
    }

    /**
     * @param deferred read models
     * @param progress processors' tokens
     */
    private record ViewStore(MVStore store, Set<String> deferred, Set<String> progress) {

        boolean holds(String collection) {
            return deferred.contains(collection) || progress.contains(collection);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new OrderedIndexDatabase(databaseName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document reply = super.handleCommand(channel, databaseName, command, query);
        String collection = String.valueOf(query.get(command));
        String name = command.toLowerCase();
        if (WRITE_COMMANDS.contains(name) && !viewStore.deferred().contains(collection)
                && !changedNothing(name, query, reply)) {
            if (viewStore.progress().contains(collection)) {
                persistProgress();
            } else if (durability != Durability.BACKGROUND) {
                persist(durability == Durability.COMMIT_AND_SYNC);
            }
        }
        return reply;
    }

    /**
     * An update, delete or find-and-modify that matched nothing leaves nothing to save: the deadline poller's
     * claim, a few times a second, would otherwise commit and sync each time.
     */
    private static boolean changedNothing(String command, Document query, Document reply) {
        return switch (command) {
            case "update" -> isZero(reply.get("nModified")) && !reply.containsKey("upserted");
            case "delete" -> isZero(reply.get("n"));
            case "findandmodify" -> !Boolean.TRUE.equals(query.get("upsert")) && reply.get("value") == null
                    && !reply.containsKey("lastErrorObject");
            default -> false;
        };
    }

    private static boolean isZero(Object count) {
        return count instanceof Number number && number.longValue() == 0;
    }

    /**
     * Commits the view store when its last commit is old or much is unsaved in it, after the events' store: the
     * processors read events as soon as they are applied, before their commit. Looks without the lock first: a
     * token write that need not commit does not wait out a commit in progress.
     */
    private void persistProgress() {
        if (!viewCommitDue()) {
            return;
        }
        synchronized (viewCommitLock) {
            if (!viewCommitDue()) {
                return;
            }
            if (durability == Durability.BACKGROUND) {
                getMvStore().commit();
            } else {
                persist(durability == Durability.COMMIT_AND_SYNC);
            }
            viewStore.store().commit();
            lastViewCommitNanos = nanoTime.getAsLong();
            viewCommits++;
        }
    }

    private boolean viewCommitDue() {
        return nanoTime.getAsLong() - lastViewCommitNanos >= progressCommitNanos
                || viewStore.store().getUnsavedMemory() >= PROGRESS_MAX_UNSAVED_BYTES;
    }

    /**
     * Group commit: a writer whose write a commit (and, if it asks, a sync) already covered returns at once;
     * otherwise one commit covers every write applied before it started, and one sync every commit before it, so
     * concurrent writers share the cost of a save.
     */
    private void persist(boolean sync) {
        long mine = writesApplied.incrementAndGet();
        synchronized (commitLock) {
            if ((sync ? writesSynced : writesCommitted) >= mine) {
                return;
            }
            MVStore store = getMvStore();
            if (writesCommitted < mine) {
                long upTo = writesApplied.get();
                store.commit();
                writesCommitted = upTo;
                commits++;
            }
            if (sync) {
                store.sync();
                writesSynced = writesCommitted;
                syncs++;
            }
        }
    }

    long viewCommits() {
        synchronized (viewCommitLock) {
            return viewCommits;
        }
    }

    /** The events' store closes (and commits) first, so the views' last commit covers no event that is not kept. */
    @Override
    public void close() {
        try {
            super.close();
        } finally {
            viewStore.store().close();
        }
    }

    long syncs() {
        synchronized (commitLock) {
            return syncs;
        }
    }

    long commits() {
        synchronized (commitLock) {
            return commits;
        }
    }

    /**
     * Opens each collection's map with {@link BsonDocumentType} and each unique index's with {@link IndexKeyOrder},
     * those of the read models and tokens in the view store; the list of collections and indexes stays in the
     * events' store. Inner, so it reaches the stores while H2Database's constructor opens the existing collections
     * and indexes.
     */
    private final class OrderedIndexDatabase extends H2Database {

        OrderedIndexDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        private MVStore storeOf(String collectionName) {
            ViewStore views = viewStore();
            return views.holds(collectionName) ? views.store() : getMvStore();
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = storeOf(collectionName);
            Set<String> readModels = viewStore().deferred();
            return new HashedInCollection(this, collectionName, options,
                    store.openMap(StoreFormat.documentMapName(namespace), StoreFormat.documentMap()),
                    store.openMap(StoreFormat.metadataMapName(namespace)), getCursorRegistry(),
                    () -> readModels.contains(collectionName));
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String mapName = StoreFormat.indexMapName(getFullCollectionNamespace(collectionName), indexName);
            return new OrderedUniqueIndex(storeOf(collectionName).openMap(mapName, StoreFormat.indexMap()),
                    indexName, keys, sparse);
        }

        /** H2Database removes the index's map from the events' store; a view's is in the other. */
        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            if (viewStore().holds(collection.getCollectionName())) {
                viewStore().store().removeMap(
                        StoreFormat.indexMapName(getFullCollectionNamespace(collection.getCollectionName()), indexName));
            }
        }

        /** Also how a dropped database drops each of its collections. */
        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            if (viewStore().holds(collectionName)) {
                MVStore views = viewStore().store();
                String namespace = getFullCollectionNamespace(collectionName);
                views.removeMap(StoreFormat.documentMapName(namespace));
                views.removeMap(StoreFormat.metadataMapName(namespace));
            }
        }

    }
}
