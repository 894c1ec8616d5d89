package org.dyad.infra.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Views kept in memory when this process is the store's only writer. */
class DocumentCacheTest {

    public record Row(String id, String unit, int count) {
    }

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> raw;
    private JsonViewCollection<Row> cached;
    private JsonViewCollection<Row> uncached;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase database = client.getDatabase("views");
        raw = database.getCollection("rows");
        JsonDocuments json = new JsonDocuments(new ObjectMapper());
        ViewWriter writer = new ViewWriter();
        cached = new JsonViewCollection<>(database, "rows", json, Row.class, new DocumentCache(2), writer, List.of());
        uncached = new JsonViewCollection<>(database, "rows", json, Row.class, DocumentCache.NONE, writer, List.of());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    /** Changes the stored document behind the collection's back, to tell a cached view from a stored one. */
    private void storeBehindItsBack(String id, int count) {
        raw.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("id", id).append("unit", "north")
                .append("count", count));
    }

    private int count(JsonViewCollection<Row> views, String id) {
        return views.find(id).orElseThrow().count();
    }

    @Test
    void aViewWrittenOrReadOnceIsFoundWithoutReadingTheStore() {
        cached.save("a", new Row("a", "north", 1));
        uncached.save("b", new Row("b", "north", 1));
        assertThat(count(cached, "b")).isEqualTo(1); // read once, and kept
        storeBehindItsBack("a", 99);
        storeBehindItsBack("b", 99);
        assertThat(count(cached, "a")).isEqualTo(1);
        assertThat(count(cached, "b")).isEqualTo(1);
        assertThat(count(uncached, "a")).isEqualTo(99);
    }

    @Test
    void aBatchKeepsWhatItStoredAndItsPrefetchUsesTheCache() {
        DefaultUnitOfWork.startAndGet(null).execute(() -> cached.save("a", new Row("a", "north", 5)));
        storeBehindItsBack("a", 99);
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            cached.prefetch(List.of("a"));
            assertThat(count(cached, "a")).isEqualTo(5);
        });
        assertThat(count(cached, "a")).isEqualTo(5);
    }

    @Test
    void aViewFoundAbsentIsReadAgainLater() {
        assertThat(cached.find("a")).isEmpty();
        uncached.save("a", new Row("a", "north", 3));
        assertThat(count(cached, "a")).isEqualTo(3);
    }

    @Test
    void theLeastRecentlyUsedViewMakesRoom() {
        cached.save("a", new Row("a", "north", 1));
        cached.save("b", new Row("b", "north", 1));
        cached.find("a");
        cached.save("c", new Row("c", "north", 1));
        storeBehindItsBack("a", 99);
        storeBehindItsBack("b", 99);
        assertThat(count(cached, "a")).isEqualTo(1);
        assertThat(count(cached, "b")).isEqualTo(99);
    }

    @Test
    void aReadThatRacedAWriteIsNotKept() {
        DocumentCache cache = new DocumentCache(10);
        Document older = new Document("count", 1);
        Document newer = new Document("count", 2);
        long writesBefore = cache.writes();
        cache.wrote("a", newer);
        cache.read("a", older, writesBefore);
        assertThat(cache.get("a")).isSameAs(newer);
        cache.read("b", older, writesBefore);
        assertThat(cache.get("b")).isNull();
    }

    @Test
    void aFailedWriteForgetsTheView() {
        DocumentCache cache = new DocumentCache(10);
        cache.wrote("a", new Document("count", 1));
        cache.forget(List.of("a"));
        assertThat(cache.get("a")).isNull();
        assertThat(DocumentCache.NONE.get("a")).isNull();
    }
}
