package org.dyad.infra.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ViewWriterTest {

    public record Row(String id, String unit, int count) {
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final ViewWriter writer = new ViewWriter(thread);
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> raw;
    private JsonViewCollection<Row> rows;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase database = client.getDatabase("views");
        raw = database.getCollection("rows");
        rows = new JsonViewCollection<>(database, "rows", new JsonDocuments(new ObjectMapper()), Row.class,
                new DocumentCache(16), writer, List.of("unit"));
        // Nothing handed to the writer runs until the gate opens.
        thread.execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @AfterEach
    void stop() {
        gate.countDown();
        writer.destroy();
        thread.shutdownNow();
        client.close();
        server.shutdownNow();
    }

    /** Handles a batch that changes views, then hands its writes to the writer, as the token store does. */
    private void batchWrittenBehind(Runnable handle, Runnable then) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        handle.run();
        writer.writeBehind(PendingViews.detachCurrent(), then);
        batch.commit();
    }

    @Test
    void theNextBatchReadsViewsStillBeingWrittenFromTheWritesAndTheStoreHasThemOnceWritten() {
        rows.save("a", new Row("a", "north", 1));
        rows.save("c", new Row("c", "north", 5));
        AtomicBoolean then = new AtomicBoolean();
        batchWrittenBehind(() -> {
            rows.save("a", new Row("a", "north", 2));
            rows.save("b", new Row("b", "north", 1));
            rows.delete("c");
        }, () -> then.set(true));

        assertThat(writer.writing()).isTrue();
        assertThat(raw.find(new Document("_id", "a")).first()).containsEntry("count", 1);
        assertThat(raw.countDocuments(new Document("_id", "b"))).isZero();
        assertThat(raw.countDocuments(new Document("_id", "c"))).isOne();
        // Outside a batch, readers see the store.
        assertThat(rows.find("a")).hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(1));

        // The next batch: its own writes go out only after those still being written.
        CompletableFuture<Void> next = CompletableFuture.runAsync(() -> DefaultUnitOfWork.startAndGet(null).execute(() -> {
            assertThat(rows.find("a")).hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(2));
            assertThat(rows.findWhere("unit", "north")).extracting(Row::id).containsExactlyInAnyOrder("a", "b");
            rows.prefetch(List.of("b", "c"));
            assertThat(rows.find("b")).isPresent();
            assertThat(rows.find("c")).isEmpty();
            rows.save("b", new Row("b", "south", 2));
        }));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !next.isDone());

        gate.countDown();
        assertThatCode(() -> next.get(10, TimeUnit.SECONDS)).doesNotThrowAnyException();
        writer.awaitWritten();
        assertThat(writer.writing()).isFalse();
        assertThat(then).isTrue();
        assertThat(raw.find(new Document("_id", "a")).first()).containsEntry("count", 2);
        assertThat(raw.find(new Document("_id", "b")).first()).containsEntry("unit", "south");
        assertThat(raw.countDocuments(new Document("_id", "c"))).isZero();
        assertThat(rows.find("a")).hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(2));
    }

    @Test
    void aFailedWriteIsThrownOnceToTheNextCallerAndWhatWasToFollowItDoesNotRun() {
        raw.createIndex(new Document("count", 1), new IndexOptions().unique(true));
        AtomicBoolean then = new AtomicBoolean();
        batchWrittenBehind(() -> {
            rows.save("a", new Row("a", "north", 7));
            rows.save("b", new Row("b", "north", 7));
        }, () -> then.set(true));
        writer.throwIfFailed(); // still being written: nothing to throw yet
        gate.countDown();

        // Another unit of work's writes wait for these, but leave the failure for the processor.
        DefaultUnitOfWork.startAndGet(null).execute(() -> rows.save("c", new Row("c", "south", 1)));
        assertThat(raw.countDocuments(new Document("_id", "c"))).isOne();
        assertThatThrownBy(writer::awaitWritten).isInstanceOf(MongoBulkWriteException.class);
        assertThat(then).isFalse();
        assertThat(writer.writing()).isFalse();
        assertThatCode(writer::awaitWritten).doesNotThrowAnyException();
        // What the failed batch wrote is not taken for stored: a read goes to the store.
        assertThat(rows.find("b")).isEmpty();
    }

    @Test
    void whatRunsAfterAWriteOnTheWritersThreadMayWaitForWritesWithoutWaitingForItself() throws Exception {
        CompletableFuture<Void> then = new CompletableFuture<>();
        CompletableFuture<Void> processorWaited = new CompletableFuture<>();
        Thread processor = new Thread(() -> {
            try {
                writer.awaitWritten();
                processorWaited.complete(null);
            } catch (RuntimeException e) {
                processorWaited.completeExceptionally(e);
            }
        });
        batchWrittenBehind(() -> rows.save("a", new Row("a", "north", 1)), () -> {
            // The processor is waiting for this write.
            await().atMost(Duration.ofSeconds(10)).until(() -> processor.getState() == Thread.State.WAITING);
            assertThat(writer.writing()).isTrue();
            writer.awaitWritten();
            DefaultUnitOfWork.startAndGet(null).execute(() -> rows.save("b", new Row("b", "north", 1)));
            then.complete(null);
        });
        gate.countDown();
        processor.start();
        processorWaited.get(10, TimeUnit.SECONDS);
        then.get(10, TimeUnit.SECONDS);
        assertThat(raw.countDocuments()).isEqualTo(2);
    }

    @Test
    void batchesAreWrittenOneAfterAnotherInTheOrderHandedOver() {
        batchWrittenBehind(() -> rows.save("a", new Row("a", "north", 1)), () -> { });
        Thread second = new Thread(() -> batchWrittenBehind(() -> rows.save("a", new Row("a", "north", 2)),
                () -> { }));
        second.start();
        gate.countDown();
        assertThatCode(second::join).doesNotThrowAnyException();
        writer.awaitWritten();
        assertThat(raw.find(new Document("_id", "a")).first()).containsEntry("count", 2);
    }
}
