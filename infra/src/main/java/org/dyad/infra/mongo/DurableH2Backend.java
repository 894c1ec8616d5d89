package org.dyad.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
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

    /** How long a processor's progress may wait for the next event's commit before it is committed on its own. */
    static final Duration PROGRESS_COMMIT_INTERVAL = Duration.ofSeconds(1);
    /** How much uncommitted change a processor's progress may leave in memory before it is committed on its own. */
    static final int PROGRESS_MAX_UNSAVED_BYTES = 16 << 20;

    private final Durability durability;
    /** Collections whose writes wait for the next commit instead of committing on their own. */
    private final Set<String> deferred;
    /** Collections whose writes are committed on their own only when the last commit is old or memory fills. */
    private final Set<String> progress;
    private final long progressCommitNanos;
    private final LongSupplier nanoTime;
    private final Object commitLock = new Object();
    /** Writes applied in memory so far; a commit that starts after a write's number was taken includes it. */
    private final AtomicLong writesApplied = new AtomicLong();
    private long writesCommitted;
    private long writesSynced;
    /** Written under the commit lock, read without it. */
    private volatile long lastCommitNanos;
    private long commits;
    private long syncs;

    private DurableH2Backend(MVStore store, Durability durability, Set<String> deferred, Set<String> progress,
                             Duration progressCommitInterval, LongSupplier nanoTime) {
        super(store);
        this.durability = durability;
        this.deferred = deferred;
        this.progress = progress;
        this.progressCommitNanos = progressCommitInterval.toNanos();
        this.nanoTime = nanoTime;
        this.lastCommitNanos = nanoTime.getAsLong();
    }

    static H2Backend open(String fileName, Durability durability, Set<String> deferred) {
        return open(fileName, durability, deferred, Set.of());
    }

    /**
     * @param deferred collections rebuilt from the events (read models): a write to one is persisted by the next
     *                 commit, not by a commit of its own
     * @param progress collections that say how far processors have got (their tokens): a write to one is left,
     *                 with the read-model writes before it, to the next event's commit, unless the last commit is
     *                 older than {@link #PROGRESS_COMMIT_INTERVAL} or more than {@link #PROGRESS_MAX_UNSAVED_BYTES}
     *                 are unsaved; then it commits them itself. A token and the views it stands for are always
     *                 committed together, so a killed process takes both back and the processor does them again
     */
    static H2Backend open(String fileName, Durability durability, Set<String> deferred, Set<String> progress) {
        return open(fileName, durability, deferred, progress, PROGRESS_COMMIT_INTERVAL, System::nanoTime);
    }

    /** {@code nanoTime}: the clock that times the progress commits, as {@link System#nanoTime()}. */
    static H2Backend open(String fileName, Durability durability, Set<String> deferred, Set<String> progress,
                          Duration progressCommitInterval, LongSupplier nanoTime) {
        MVStore store = new MVStore.Builder().fileName(fileName).cacheSize(PAGE_CACHE_MB).autoCommitDisabled().open();
        StoreFormat.apply(store);
        if (durability == Durability.BACKGROUND) {
            store.setAutoCommitDelay(1000);
        }
        return new DurableH2Backend(store, durability, deferred, progress, progressCommitInterval, nanoTime);
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
        if (durability != Durability.BACKGROUND && WRITE_COMMANDS.contains(name) && !deferred.contains(collection)
                && !changedNothing(name, query, reply)) {
            if (progress.contains(collection)) {
                persistProgress();
            } else {
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
     * Commits only when the next event's commit may be far off: none for a while, or much left unsaved. Looks
     * without the commit lock: a processor's token write would otherwise wait out a commit and fsync in progress.
     */
    private void persistProgress() {
        if (nanoTime.getAsLong() - lastCommitNanos < progressCommitNanos
                && getMvStore().getUnsavedMemory() < PROGRESS_MAX_UNSAVED_BYTES) {
            return;
        }
        persist(false);
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
                lastCommitNanos = nanoTime.getAsLong();
                commits++;
            }
            if (sync) {
                store.sync();
                writesSynced = writesCommitted;
                syncs++;
            }
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

    /** Opens each collection's map with {@link BsonDocumentType} and each unique index's with {@link IndexKeyOrder}.
     * Inner, so it reaches the store while H2Database's constructor opens the existing collections and indexes. */
    private final class OrderedIndexDatabase extends H2Database {

        OrderedIndexDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new HashedInCollection(this, collectionName, options,
                    getMvStore().openMap(StoreFormat.documentMapName(namespace), StoreFormat.documentMap()),
                    getMvStore().openMap(StoreFormat.metadataMapName(namespace)), getCursorRegistry(),
                    () -> deferred.contains(collectionName));
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String mapName = StoreFormat.indexMapName(getFullCollectionNamespace(collectionName), indexName);
            return new OrderedUniqueIndex(getMvStore().openMap(mapName, StoreFormat.indexMap()), indexName,
                    keys, sparse);
        }
    }
}
