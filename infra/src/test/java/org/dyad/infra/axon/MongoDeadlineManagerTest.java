package org.dyad.infra.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.dyad.infra.axon.Seclusion.FaceToFaceOverdue;
import org.dyad.infra.axon.Seclusion.RecordFaceToFace;
import org.dyad.infra.axon.Seclusion.StartSeclusion;
import org.dyad.infra.mongo.Durability;
import org.dyad.infra.mongo.MongoConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MongoDeadlineManagerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final DeadlinePolling FAST = DeadlinePolling.every(Duration.ofMillis(10))
            .withFirstRetry(Duration.ofMillis(100));

    private final MutableClock clock = new MutableClock(T0);
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private MongoServer server;

    @BeforeEach
    void resetTheAggregate() {
        Seclusion.handlerRuns.clear();
        Seclusion.failuresLeft.clear();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Test
    void firesWhenTheClockReachesItsTimeAndNotBefore() {
        DeadlineNode node = node(memoryClient());
        Instant due = T0.plus(Duration.ofHours(1));
        node.commands().sendAndWait(new StartSeclusion("s1", due));
        assertThat(deadlineDocuments(node)).isEqualTo(1);

        clock.set(due.minusMillis(1));
        assertThat(node.deadlines().fireDue()).isZero();
        assertThat(node.events("s1", FaceToFaceOverdue.class)).isEmpty();

        clock.set(due);
        awaitOverdue(node, "s1");
        assertThat(node.events("s1", FaceToFaceOverdue.class))
                .containsExactly(new FaceToFaceOverdue("s1", due, due));
        assertThat(deadlineDocuments(node)).isZero();
    }

    @Test
    void cancellingWithinTheAggregateScopeStopsOnlyThatAggregatesDeadline() {
        DeadlineNode node = node(memoryClient());
        Instant due = T0.plus(Duration.ofHours(1));
        node.commands().sendAndWait(new StartSeclusion("evaluated", due));
        node.commands().sendAndWait(new StartSeclusion("forgotten", due));
        node.commands().sendAndWait(new RecordFaceToFace("evaluated"));
        assertThat(deadlineDocuments(node)).isEqualTo(1);

        clock.set(due.plus(Duration.ofMinutes(5)));
        awaitOverdue(node, "forgotten");
        node.deadlines().fireDue();
        assertThat(node.events("evaluated", FaceToFaceOverdue.class)).isEmpty();
        assertThat(Seclusion.handlerRuns).doesNotContainKey("evaluated");
    }

    @Test
    void cancelsOneScheduleByIdAndAllByName() {
        DeadlineNode node = node(memoryClient());
        node.commands().sendAndWait(new StartSeclusion("s1", T0.plus(Duration.ofHours(1))));
        ScopeDescriptor scope = new AggregateScopeDescriptor("Seclusion", "s1");
        MongoDeadlineManager deadlines = node.deadlines();
        String extra = deadlines.schedule(T0.plus(Duration.ofHours(2)), Seclusion.FACE_TO_FACE, T0, scope);
        deadlines.schedule(T0.plus(Duration.ofHours(2)), "debrief", T0, scope);
        assertThat(deadlineDocuments(node)).isEqualTo(3);

        deadlines.cancelSchedule("debrief", extra);
        assertThat(deadlineDocuments(node)).as("the name must match too").isEqualTo(3);
        deadlines.cancelSchedule(Seclusion.FACE_TO_FACE, extra);
        assertThat(deadlineDocuments(node)).isEqualTo(2);
        deadlines.cancelAll(Seclusion.FACE_TO_FACE);
        assertThat(deadlineDocuments(node)).isEqualTo(1);

        clock.set(T0.plus(Duration.ofDays(1)));
        node.deadlines().fireDue();
        // The background poller may hold the claim on it: wait for whichever fired it.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(deadlineDocuments(node)).as("debrief fired (no handler) and is gone").isZero());
        assertThat(node.events("s1", FaceToFaceOverdue.class)).isEmpty();
    }

    @Test
    void aDeadlineScheduledBeforeARestartFiresAfterIt(@TempDir Path dataDir) {
        Instant due = T0.plus(Duration.ofHours(1));
        try (MongoConnection first = h2(dataDir); DeadlineNode node = DeadlineNode.start(first.client(), clock, FAST)) {
            node.commands().sendAndWait(new StartSeclusion("s1", due));
        }

        clock.set(T0.plus(Duration.ofMinutes(20)));
        MongoConnection second = h2(dataDir);
        toClose.add(second);
        DeadlineNode node = node(second.client());
        assertThat(node.deadlines().fireDue()).isZero();
        assertThat(node.events("s1", FaceToFaceOverdue.class)).isEmpty();

        clock.set(due);
        awaitOverdue(node, "s1");
        assertThat(node.events("s1", FaceToFaceOverdue.class)).hasSize(1);
    }

    @Test
    void aDeadlineThatPassedWhileTheApplicationWasDownFiresOnStartup(@TempDir Path dataDir) {
        Instant due = T0.plus(Duration.ofMinutes(10));
        try (MongoConnection first = h2(dataDir); DeadlineNode node = DeadlineNode.start(first.client(), clock, FAST)) {
            node.commands().sendAndWait(new StartSeclusion("s1", due));
        }

        clock.set(T0.plus(Duration.ofMinutes(20)));
        MongoConnection second = h2(dataDir);
        toClose.add(second);
        DeadlineNode node = node(second.client());
        awaitOverdue(node, "s1");
        assertThat(node.events("s1", FaceToFaceOverdue.class))
                .containsExactly(new FaceToFaceOverdue("s1", due, due));
    }

    @Test
    void aFailingHandlerIsRetriedWithABackoffAndNotLost() {
        DeadlineNode node = node(memoryClient());
        AtomicInteger failures = new AtomicInteger(Integer.MAX_VALUE);
        Seclusion.failuresLeft.put("s1", failures);
        node.commands().sendAndWait(new StartSeclusion("s1", T0.plus(Duration.ofHours(1))));

        clock.advance(Duration.ofHours(2));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> runs("s1").size() >= 3);
        Document kept = collection(node).find().first();
        assertThat(kept).isNotNull();
        assertThat(kept.getInteger("attempts")).isGreaterThanOrEqualTo(2);
        assertThat(kept.getString("lastError")).contains("simulated failure");
        List<Long> runs = runs("s1");
        assertThat(Duration.ofNanos(runs.get(1) - runs.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.ofNanos(runs.get(2) - runs.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(node.events("s1", FaceToFaceOverdue.class)).isEmpty();

        failures.set(0);
        awaitOverdue(node, "s1");
        assertThat(node.events("s1", FaceToFaceOverdue.class)).hasSize(1);
        assertThat(deadlineDocuments(node)).isZero();
    }

    @Test
    void twoNodesOnOneDatabaseFireEachDeadlineExactlyOnce() {
        DeadlineNode a = node(memoryClient());
        DeadlineNode b = node(memoryClient());
        List<String> ids = IntStream.range(0, 20).mapToObj(i -> "s" + i).toList();
        Instant due = T0.plus(Duration.ofHours(1));
        ids.forEach(id -> (id.hashCode() % 2 == 0 ? a : b).commands().sendAndWait(new StartSeclusion(id, due)));

        clock.set(due);
        ids.forEach(id -> awaitOverdue(a, id));
        a.deadlines().fireDue();
        b.deadlines().fireDue();
        for (String id : ids) {
            assertThat(a.events(id, FaceToFaceOverdue.class)).as(id).hasSize(1);
            assertThat(runs(id)).as(id).hasSize(1);
        }
        assertThat(deadlineDocuments(a)).isZero();
    }

    @Test
    void anAggregateScopeSurvivesJacksonAndCancellingMatchesItsSerializedForm() {
        JacksonSerializer json = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
        AggregateScopeDescriptor lazy = new AggregateScopeDescriptor("Seclusion", () -> "s1");
        SerializedObject<String> serialized = json.serialize(lazy, String.class);
        ScopeDescriptor back = json.deserialize(serialized);
        assertThat(back).isEqualTo(lazy);
        assertThat(json.serialize(new AggregateScopeDescriptor("Seclusion", "s1"), String.class).getData())
                .isEqualTo(serialized.getData());
    }

    private DeadlineNode node(MongoClient client) {
        DeadlineNode node = DeadlineNode.start(client, clock, FAST);
        toClose.add(node);
        return node;
    }

    private MongoClient memoryClient() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind();
        }
        MongoClient client = MongoClients.create(server.getConnectionString());
        toClose.add(client);
        return client;
    }

    private static MongoConnection h2(Path dataDir) {
        return MongoConnection.embedded("h2", dataDir, Durability.COMMIT, "127.0.0.1", 0, DeadlineNode.DATABASE);
    }

    private static void awaitOverdue(DeadlineNode node, String seclusionId) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> !node.events(seclusionId, FaceToFaceOverdue.class).isEmpty());
    }

    private static List<Long> runs(String seclusionId) {
        return Seclusion.handlerRuns.getOrDefault(seclusionId, List.of());
    }

    private static MongoCollection<Document> collection(DeadlineNode node) {
        return node.database().getCollection(DeadlineDocuments.COLLECTION);
    }

    private static long deadlineDocuments(DeadlineNode node) {
        return collection(node).countDocuments();
    }
}
