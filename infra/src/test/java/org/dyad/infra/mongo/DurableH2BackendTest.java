package org.dyad.infra.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurableH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void eventsAreSyncedWhileViewsAndTokensWaitInTheViewStore() {
        DurableH2Backend backend = (DurableH2Backend) DurableH2Backend.open(dir.resolve("dyad.mv").toString(),
                Durability.COMMIT_AND_SYNC, Set.of("views"), Set.of("tokens"), Duration.ofSeconds(1), () -> 0L);
        withServer(backend, db -> {
            db.createCollection("events");
            db.createCollection("views");
            db.createCollection("tokens");
            long syncs = backend.syncs();
            long commits = backend.commits();

            db.getCollection("views").insertOne(new Document("_id", "case-1"));
            db.getCollection("tokens").insertOne(new Document("_id", "case-views").append("index", 1));
            assertThat(backend.getViewStore().hasUnsavedChanges()).isTrue();
            assertThat(backend.commits()).isEqualTo(commits);

            db.getCollection("events").insertOne(new Document("_id", 1L));
            assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
            assertThat(backend.commits()).isEqualTo(commits + 1);
            assertThat(backend.syncs()).isEqualTo(syncs + 1);
            assertThat(backend.getViewStore().hasUnsavedChanges()).isTrue();
            assertThat(backend.viewCommits()).isZero();

            assertThat(backend.getMvStore().getMapNames()).contains("databases.dyad.events")
                    .noneMatch(name -> name.contains("views") || name.contains("tokens"));
            assertThat(backend.getViewStore().getMapNames()).contains("databases.dyad.views",
                    "databases.dyad.tokens", "dyad.views._index__id_").noneMatch(name -> name.contains("events"));
        });
        assertThat(dir.resolve("dyad-views.mv")).isRegularFile();
    }

    @Test
    void aReadModelCollectionReportsTheSameDataSizeWithoutKeepingItAsItIsWritten() {
        DurableH2Backend backend = (DurableH2Backend) DurableH2Backend.open(dir.resolve("dyad.mv").toString(),
                Durability.COMMIT, Set.of("views"), Set.of());
        withServer(backend, db -> {
            for (String name : new String[]{"views", "others"}) {
                var collection = db.getCollection(name);
                for (int i = 0; i < 20; i++) {
                    collection.insertOne(new Document("_id", "v" + i).append("text", "x".repeat(i * 10)));
                }
                collection.replaceOne(new Document("_id", "v3"), new Document("_id", "v3").append("text", "longer"));
                collection.updateOne(new Document("_id", "v4"), new Document("$set", new Document("n", 4)));
                collection.deleteOne(new Document("_id", "v5"));
            }
            Number views = db.runCommand(new Document("collStats", "views")).get("size", Number.class);
            Number others = db.runCommand(new Document("collStats", "others")).get("size", Number.class);
            assertThat(views.intValue()).isPositive().isEqualTo(others.intValue());
        });
    }

    @Test
    void aWriteThatMatchedNothingCommitsNothingButOneThatChangedADocumentIsSynced() {
        DurableH2Backend backend = (DurableH2Backend) DurableH2Backend.open(dir.resolve("dyad.mv").toString(),
                Durability.COMMIT_AND_SYNC, Set.of("views"), Set.of("tokens"), Duration.ofSeconds(1), () -> 0L);
        withServer(backend, db -> {
            var deadlines = db.getCollection("deadlines");
            deadlines.insertOne(new Document("_id", "d1").append("due", 5));
            long syncs = backend.syncs();

            assertThat(deadlines.findOneAndUpdate(new Document("due", new Document("$lte", 1)),
                    new Document("$set", new Document("claimedBy", "node")))).isNull();
            assertThat(deadlines.updateOne(new Document("_id", "none"), new Document("$set", new Document("x", 1)))
                    .getMatchedCount()).isZero();
            assertThat(deadlines.deleteOne(new Document("_id", "none")).getDeletedCount()).isZero();
            assertThat(backend.syncs()).isEqualTo(syncs);

            assertThat(deadlines.findOneAndUpdate(new Document("due", new Document("$lte", 5)),
                    new Document("$set", new Document("claimedBy", "node")))).isNotNull();
            assertThat(backend.syncs()).isEqualTo(syncs + 1);
            deadlines.findOneAndUpdate(new Document("_id", "d2"), new Document("$set", new Document("due", 9)),
                    new com.mongodb.client.model.FindOneAndUpdateOptions().upsert(true));
            assertThat(backend.syncs()).isEqualTo(syncs + 2);
            deadlines.updateOne(new Document("_id", "d1"), new Document("$set", new Document("due", 6)));
            assertThat(backend.syncs()).isEqualTo(syncs + 3);
            deadlines.deleteOne(new Document("_id", "d1"));
            assertThat(backend.syncs()).isEqualTo(syncs + 4);
            assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
        });
    }

    @Test
    void aTokenCommitsTheViewStoreWhenItsLastCommitIsOlderThanTheIntervalAndTheEventsStoreBeforeIt() {
        AtomicLong clock = new AtomicLong();
        DurableH2Backend backend = (DurableH2Backend) DurableH2Backend.open(dir.resolve("dyad.mv").toString(),
                Durability.COMMIT_AND_SYNC, Set.of("views"), Set.of("tokens"), Duration.ofSeconds(1), clock::get);
        withServer(backend, db -> {
            db.getCollection("events").insertOne(new Document("_id", 1L));
            db.getCollection("views").insertOne(new Document("_id", "case-1"));
            clock.addAndGet(Duration.ofMillis(999).toNanos());
            db.getCollection("tokens").insertOne(new Document("_id", "case-views").append("index", 1));
            assertThat(backend.getViewStore().hasUnsavedChanges()).isTrue();
            assertThat(backend.viewCommits()).isZero();

            // As an event a processor has read while its own commit is under way.
            backend.getMvStore().openMap("applied, not yet committed").put("event", 2L);
            long syncs = backend.syncs();
            clock.addAndGet(Duration.ofMillis(1).toNanos());
            db.getCollection("tokens").replaceOne(new Document("_id", "case-views"),
                    new Document("_id", "case-views").append("index", 2));
            assertThat(backend.getViewStore().hasUnsavedChanges()).isFalse();
            assertThat(backend.viewCommits()).isEqualTo(1);
            assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
            assertThat(backend.syncs()).isEqualTo(syncs + 1);

            clock.addAndGet(Duration.ofMillis(500).toNanos());
            db.getCollection("tokens").replaceOne(new Document("_id", "case-views"),
                    new Document("_id", "case-views").append("index", 3));
            assertThat(backend.getViewStore().hasUnsavedChanges()).isTrue();
            assertThat(backend.viewCommits()).isEqualTo(1);
        });
    }

    @Test
    void savedInTheBackgroundTheViewStoreStillWaitsForATokenAndTheEventsStore() {
        AtomicLong clock = new AtomicLong();
        DurableH2Backend backend = (DurableH2Backend) DurableH2Backend.open(dir.resolve("dyad.mv").toString(),
                Durability.BACKGROUND, Set.of("views"), Set.of("tokens"), Duration.ofSeconds(1), clock::get);
        withServer(backend, db -> {
            db.getCollection("views").insertOne(new Document("_id", "case-1"));
            assertThat(backend.getViewStore().getAutoCommitDelay()).isZero();
            assertThat(backend.getMvStore().getAutoCommitDelay()).isPositive();

            backend.getMvStore().openMap("applied, not yet committed").put("event", 2L);
            clock.addAndGet(Duration.ofSeconds(1).toNanos());
            db.getCollection("tokens").insertOne(new Document("_id", "case-views").append("index", 1));
            assertThat(backend.viewCommits()).isEqualTo(1);
            assertThat(backend.getViewStore().hasUnsavedChanges()).isFalse();
            assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
        });
    }

    @Test
    void aTokenCommitsTheViewStoreWhenMuchIsUnsavedInIt() {
        DurableH2Backend backend = (DurableH2Backend) DurableH2Backend.open(dir.resolve("dyad.mv").toString(),
                Durability.COMMIT_AND_SYNC, Set.of("views"), Set.of("tokens"), Duration.ofSeconds(1), () -> 0L);
        withServer(backend, db -> {
            String text = "x".repeat(64 << 10);
            for (int n = 0; backend.getViewStore().getUnsavedMemory() < DurableH2Backend.PROGRESS_MAX_UNSAVED_BYTES; n++) {
                db.getCollection("views").insertOne(new Document("_id", "case-" + n).append("text", text));
            }
            assertThat(backend.viewCommits()).isZero();

            db.getCollection("tokens").insertOne(new Document("_id", "case-views").append("index", 1));
            assertThat(backend.getViewStore().hasUnsavedChanges()).isFalse();
            assertThat(backend.viewCommits()).isEqualTo(1);
        });
    }

    @Test
    void aKilledServerTakesBackTheTokenTogetherWithTheViewsItStandsFor() {
        String file = dir.resolve("dyad.mv").toString();
        AtomicLong clock = new AtomicLong();
        DurableH2Backend backend = (DurableH2Backend) DurableH2Backend.open(file, Durability.COMMIT_AND_SYNC,
                Set.of("views"), Set.of("tokens"), Duration.ofSeconds(1), clock::get);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoDatabase db = client.getDatabase("dyad");
            db.getCollection("events").insertOne(new Document("_id", 1L));
            db.getCollection("views").insertOne(new Document("_id", "case-1").append("goals", 1));
            clock.addAndGet(Duration.ofSeconds(1).toNanos());
            db.getCollection("tokens").insertOne(new Document("_id", "case-views").append("index", 1));
            db.getCollection("events").insertOne(new Document("_id", 2L));
            db.getCollection("views").replaceOne(new Document("_id", "case-1"), new Document("_id", "case-1").append("goals", 2));
            db.getCollection("tokens").replaceOne(new Document("_id", "case-views"), new Document("_id", "case-views").append("index", 2));
            assertThat(backend.viewCommits()).isEqualTo(1);
        }
        // As a killed process leaves the files: what was committed, nothing after.
        backend.getMvStore().closeImmediately();
        backend.getViewStore().closeImmediately();
        server.shutdownNow();

        withServer(file, db -> {
            assertThat(db.getCollection("events").countDocuments()).isEqualTo(2);
            assertThat(db.getCollection("tokens").find().first()).containsEntry("index", 1);
            assertThat(db.getCollection("views").find().first()).containsEntry("goals", 1);
        });
    }

    @Test
    void aDroppedViewCollectionStaysDroppedAndWhatIsWrittenAfterIsKept() {
        String file = dir.resolve("dyad.mv").toString();
        withServer(file, db -> {
            db.getCollection("views").insertOne(new Document("_id", "case-1"));
            db.getCollection("events").insertOne(new Document("_id", 1L));
            db.getCollection("views").drop();
            db.getCollection("views").insertOne(new Document("_id", "case-2"));
            db.getCollection("events").insertOne(new Document("_id", 2L));
        });
        withServer(file, db -> {
            assertThat(db.getCollection("views").find().into(new ArrayList<>()))
                    .containsExactly(new Document("_id", "case-2"));
            assertThat(db.getCollection("events").countDocuments()).isEqualTo(2);
        });
    }

    @Test
    void aDroppedDatabaseTakesItsViewsAndTokensWithIt() {
        String file = dir.resolve("dyad.mv").toString();
        DurableH2Backend backend = (DurableH2Backend) DurableH2Backend.open(file, Durability.COMMIT_AND_SYNC,
                Set.of("views"), Set.of("tokens"));
        withServer(backend, db -> {
            db.getCollection("views").insertOne(new Document("_id", "case-1"));
            db.getCollection("tokens").insertOne(new Document("_id", "case-views"));
            db.getCollection("events").insertOne(new Document("_id", 1L));
            db.drop();
            assertThat(backend.getViewStore().getMapNames()).noneMatch(name -> name.contains("dyad."));
        });
        withServer(file, db -> {
            assertThat(db.getCollection("views").countDocuments()).isZero();
            assertThat(db.getCollection("tokens").countDocuments()).isZero();
            assertThat(db.getCollection("events").countDocuments()).isZero();
        });
    }

    @Test
    void aFileWrittenBeforeTheViewStoreHasItsViewsAndTokensMovedIntoIt() {
        String file = dir.resolve("dyad.mv").toString();
        // All in one file, as before the view store: nothing is routed to it, and the move is not yet done.
        withServer(DurableH2Backend.open(file, Durability.COMMIT_AND_SYNC, Set.of(), Set.of()), db -> {
            db.getCollection("views").createIndex(new Document("unit", 1),
                    new IndexOptions().unique(true).sparse(true));
            for (int i = 0; i < 30; i++) {
                db.getCollection("views").insertOne(new Document("_id", "case-" + i).append("unit", "u" + i));
                db.getCollection("events").insertOne(new Document("_id", (long) i));
            }
            db.getCollection("tokens").insertOne(new Document("_id", "case-views").append("index", 29));
        });
        MVStore old = new MVStore.Builder().fileName(file).open();
        old.openMap(StoreFormat.FORMAT_MAP).remove("view-store");
        old.close();

        DurableH2Backend backend = (DurableH2Backend) DurableH2Backend.open(file, Durability.COMMIT_AND_SYNC,
                Set.of("views"), Set.of("tokens"));
        withServer(backend, db -> {
            assertThat(backend.getMvStore().getMapNames())
                    .noneMatch(name -> name.contains("views") || name.contains("tokens"));
            assertThat(backend.getViewStore().getMapNames()).contains("databases.dyad.views",
                    "meta.dyad.views", "dyad.views._index__id_", "dyad.views._index_unit_1", "databases.dyad.tokens");
            assertThat(db.getCollection("views").countDocuments()).isEqualTo(30);
            assertThat(db.getCollection("views").find(new Document("unit", "u7")).first())
                    .containsEntry("_id", "case-7");
            assertThat(db.getCollection("tokens").find().first()).containsEntry("index", 29);
            assertThat(db.getCollection("events").countDocuments()).isEqualTo(30);
            assertThatThrownBy(() -> db.getCollection("views").insertOne(new Document("_id", "x").append("unit", "u3")))
                    .isInstanceOf(MongoWriteException.class);
        });
        withServer(file, db -> assertThat(db.getCollection("views").countDocuments()).isEqualTo(30));
    }

    @Test
    void aViewStoreLeftBesideANewEventsFileStartsEmpty() throws Exception {
        String file = dir.resolve("dyad.mv").toString();
        withServer(file, db -> {
            db.getCollection("events").insertOne(new Document("_id", 1L));
            db.getCollection("views").insertOne(new Document("_id", "case-1"));
            db.getCollection("tokens").insertOne(new Document("_id", "case-views").append("index", 1));
        });
        Files.delete(Path.of(file));

        withServer(file, db -> {
            assertThat(db.getCollection("events").countDocuments()).isZero();
            assertThat(db.getCollection("views").countDocuments()).isZero();
            assertThat(db.getCollection("tokens").countDocuments()).isZero();
        });
    }

    private static void withServer(String file, Consumer<MongoDatabase> work) {
        withServer(DurableH2Backend.open(file, Durability.COMMIT_AND_SYNC, Set.of("views"), Set.of("tokens")), work);
    }

    private static void withServer(H2Backend backend, Consumer<MongoDatabase> work) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            work.accept(client.getDatabase("dyad"));
        } finally {
            server.shutdownNow();
        }
    }
}
