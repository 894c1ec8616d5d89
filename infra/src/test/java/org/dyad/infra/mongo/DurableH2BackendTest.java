package org.dyad.infra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DurableH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void eventsAreSyncedTokensCommittedAndReadModelsLeftToTheNextCommit() {
        DurableH2Backend backend = (DurableH2Backend) DurableH2Backend.open(dir.resolve("dyad.mv").toString(),
                Durability.COMMIT_AND_SYNC, Set.of("views"), Set.of("tokens"));
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoDatabase db = client.getDatabase("dyad");
            db.createCollection("events");
            db.createCollection("views");
            db.createCollection("tokens");
            long syncs = backend.syncs();

            db.getCollection("views").insertOne(new Document("_id", "case-1"));
            assertThat(backend.getMvStore().hasUnsavedChanges()).isTrue();
            assertThat(backend.syncs()).isEqualTo(syncs);

            db.getCollection("tokens").insertOne(new Document("_id", "case-views").append("index", 1));
            assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
            assertThat(backend.syncs()).isEqualTo(syncs);

            db.getCollection("events").insertOne(new Document("_id", 1L));
            assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
            assertThat(backend.syncs()).isEqualTo(syncs + 1);
        } finally {
            server.shutdownNow();
        }
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

    private static void withServer(String file, Consumer<MongoDatabase> work) {
        MongoServer server = new MongoServer(DurableH2Backend.open(file, Durability.COMMIT_AND_SYNC, Set.of("views"),
                Set.of("tokens")));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            work.accept(client.getDatabase("dyad"));
        } finally {
            server.shutdownNow();
        }
    }
}
