package org.dyad.infra.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PendingViewsTest {

    public record Row(String id, String unit, int count) {
    }

    private MongoServer server;
    private String address;
    private MongoClient client;
    private MongoCollection<Document> raw;
    private JsonViewCollection<Row> rows;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        address = server.bindAndGetConnectionString();
        client = MongoClients.create(address);
        MongoDatabase database = client.getDatabase("views");
        raw = database.getCollection("rows");
        rows = new JsonViewCollection<>(database, "rows", new JsonDocuments(new ObjectMapper()), Row.class,
                DocumentCache.NONE, new ViewWriter(), List.of("unit"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void outsideABatchAWriteGoesOutAtOnce() {
        rows.save("a", new Row("a", "north", 1));
        assertThat(raw.countDocuments()).isEqualTo(1);
    }

    @Test
    void insideABatchWritesAreHeldSeenByReadsAndStoredOnceAtCommit() {
        rows.save("b", new Row("b", "south", 0));
        List<Long> storedDuringBatch = new ArrayList<>();
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            for (int i = 1; i <= 10; i++) {
                Row current = rows.find("a").orElse(new Row("a", "north", 0));
                rows.save("a", new Row("a", "north", current.count() + 1));
            }
            rows.save("b", new Row("b", "north", 7)); // moves to north
            storedDuringBatch.add(raw.countDocuments());
            assertThat(rows.find("a")).hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(10));
            assertThat(rows.findWhere("unit", "north")).extracting(Row::id).containsExactlyInAnyOrder("a", "b");
            assertThat(rows.findWhere("unit", "south")).isEmpty();
        });
        assertThat(storedDuringBatch).containsExactly(1L);
        assertThat(rows.find("a")).hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(10));
        assertThat(rows.findWhere("unit", "north")).hasSize(2);
    }

    @Test
    void aDeletionInsideABatchIsHeldSeenByReadsAndStoredAtCommit() {
        rows.save("a", new Row("a", "north", 1));
        rows.save("b", new Row("b", "north", 2));
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            rows.delete("a");
            assertThat(raw.countDocuments()).isEqualTo(2);
            assertThat(rows.find("a")).isEmpty();
            assertThat(rows.findAll(List.of("a", "b")).keySet()).containsExactly("b");
            assertThat(rows.findWhere("unit", "north")).extracting(Row::id).containsExactly("b");
            rows.save("c", new Row("c", "north", 3));
            rows.delete("c");
        });
        assertThat(raw.countDocuments()).isEqualTo(1);
        assertThat(rows.find("a")).isEmpty();
        rows.delete("b");
        assertThat(raw.countDocuments()).isZero();
    }

    @Test
    void theTokenStoreFlushesBeforeItStoresTheToken() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        rows.save("a", new Row("a", "north", 1));
        assertThat(raw.countDocuments()).isZero();
        PendingViews.flushCurrent();
        assertThat(raw.countDocuments()).isEqualTo(1);
        batch.commit();
        assertThat(raw.countDocuments()).isEqualTo(1);
    }

    @Test
    void aBatchThatFailsStoresNothing() {
        assertThatThrownBy(() -> DefaultUnitOfWork.startAndGet(null).execute(() -> {
            rows.save("a", new Row("a", "north", 1));
            throw new IllegalStateException("handler failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(raw.countDocuments()).isZero();
    }

    @Test
    void insideABatchAViewIsReadOnceWhetherFoundOrAbsent() {
        rows.save("a", new Row("a", "north", 1));
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            rows.prefetch(List.of("a", "b"));
            // Written behind the batch's back: the batch goes on with what it read.
            raw.replaceOne(new Document("_id", "a"), new Document("_id", "a").append("id", "a")
                    .append("unit", "north").append("count", 99));
            raw.insertOne(new Document("_id", "b").append("id", "b").append("unit", "north").append("count", 5));
            assertThat(rows.find("a")).hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(1));
            assertThat(rows.find("b")).isEmpty();
            raw.insertOne(new Document("_id", "c").append("id", "c").append("unit", "north").append("count", 3));
            assertThat(rows.find("c")).hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(3));
            raw.deleteOne(new Document("_id", "c"));
            assertThat(rows.find("c")).isPresent();
            rows.save("b", new Row("b", "north", 6));
            assertThat(rows.find("b")).hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(6));
        });
        assertThat(rows.find("a")).hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(99));
        assertThat(rows.find("b")).hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(6));
    }

    @Test
    void aBatchSendsNoWriteThatWouldLeaveAViewAsTheStoreHeldItWhenRead() {
        rows.save("a", new Row("a", "north", 1));
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            rows.prefetch(List.of("a", "b"));
            rows.startEmpty(List.of("c"));
            // Changed behind the batch's back after it read them: a write the batch sends would show.
            raw.replaceOne(new Document("_id", "a"), new Document("_id", "a").append("id", "a")
                    .append("unit", "north").append("count", 99));
            raw.insertOne(new Document("_id", "b").append("id", "b").append("unit", "north").append("count", 5));
            raw.insertOne(new Document("_id", "c").append("id", "c").append("unit", "north").append("count", 5));
            rows.save("a", new Row("a", "north", 2));
            rows.save("a", new Row("a", "north", 1)); // back to what was read
            rows.save("b", new Row("b", "north", 3));
            rows.delete("b"); // absent when read, absent at the end
            rows.save("c", new Row("c", "north", 3));
            rows.delete("c"); // only taken as absent: its removal is sent
        });
        assertThat(raw.find(new Document("_id", "a")).first()).containsEntry("count", 99);
        assertThat(raw.find(new Document("_id", "b")).first()).containsEntry("count", 5);
        assertThat(raw.countDocuments(new Document("_id", "c"))).isZero();

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            assertThat(rows.find("a")).hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(99));
            rows.save("a", new Row("a", "north", 100));
        });
        assertThat(raw.find(new Document("_id", "a")).first()).containsEntry("count", 100);
    }

    @Test
    void insideABatchAViewStartedEmptyIsNotReadButWhatTheBatchSawStays() {
        rows.save("a", new Row("a", "north", 1)); // as an earlier try at the batch may leave it
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            rows.startEmpty(List.of("a"));
            rows.prefetch(List.of("a"));
            assertThat(rows.find("a")).isEmpty();
            rows.save("a", new Row("a", "north", 2));
            rows.startEmpty(List.of("a"));
            assertThat(rows.find("a")).hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(2));
        });
        assertThat(rows.find("a")).hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(2));
        rows.startEmpty(List.of("a")); // outside a batch: nothing
        assertThat(rows.find("a")).isPresent();
    }

    @Test
    void viewsTheBatchFoundOrTookAsAbsentAreInsertedAndOneStoredAfterAllIsReplacedInItsPlace() {
        List<String> commands = new CopyOnWriteArrayList<>();
        MongoClient watchedClient = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(address))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(event.getCommandName());
                    }
                }).build());
        try {
            JsonViewCollection<Row> watched = new JsonViewCollection<>(watchedClient.getDatabase("views"), "rows",
                    new JsonDocuments(new ObjectMapper()), Row.class, DocumentCache.NONE, new ViewWriter(),
                    List.of("unit"));
            rows.save("a", new Row("a", "north", 1));
            rows.save("c", new Row("c", "north", 1)); // as an earlier try at the batch may leave it
            DefaultUnitOfWork.startAndGet(null).execute(() -> {
                watched.prefetch(List.of("a", "b"));
                watched.startEmpty(List.of("c", "d"));
                commands.clear();
                watched.save("b", new Row("b", "north", 2));
                watched.save("c", new Row("c", "north", 2));
                watched.save("d", new Row("d", "north", 2));
            });
            // One insert of b, c and d stops at c; c is replaced, then d inserted.
            assertThat(commands).containsExactly("insert", "update", "insert");
            assertThat(raw.find().into(new ArrayList<>())).extracting(d -> d.get("_id") + "=" + d.get("count"))
                    .containsExactlyInAnyOrder("a=1", "b=2", "c=2", "d=2");

            DefaultUnitOfWork.startAndGet(null).execute(() -> {
                watched.prefetch(List.of("a"));
                commands.clear();
                watched.save("a", new Row("a", "north", 3));
            });
            assertThat(commands).containsExactly("update");
            assertThat(raw.find(new Document("_id", "a")).first()).containsEntry("count", 3);
        } finally {
            watchedClient.close();
        }
    }

    @Test
    void outsideABatchPrefetchKeepsNothing() {
        rows.prefetch(List.of("a"));
        rows.save("a", new Row("a", "north", 2));
        assertThat(rows.find("a")).hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(2));
    }

    @Test
    void prefetchReadsLongListsInChunks() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add("r" + i);
            raw.insertOne(new Document("_id", "r" + i).append("id", "r" + i).append("unit", "north").append("count", i));
        }
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            rows.prefetch(ids);
            raw.deleteMany(new Document());
            for (int i = 0; i < 300; i++) {
                int count = i;
                assertThat(rows.find("r" + i)).hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(count));
            }
        });
    }
}
