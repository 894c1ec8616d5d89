package org.dyad.infra.axon.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlatEventStorageEngineTest {

    record Noted(String text) {
    }

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    /** Queries sent to the events collection. */
    private final AtomicInteger eventQueries = new AtomicInteger();

    @BeforeEach
    void startServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("find")
                                && event.getCommand().getString("find").getValue().equals(FlatEventStorageEngine.EVENTS)) {
                            eventQueries.incrementAndGet();
                        }
                    }
                })
                .build());
        database = client.getDatabase("flat");
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.shutdownNow();
    }

    private FlatEventStorageEngine engine(boolean singleWriter) {
        return engine(singleWriter, Duration.ofMinutes(1));
    }

    private FlatEventStorageEngine engine(boolean singleWriter, Duration gapTimeout) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return FlatEventStorageEngine.builder()
                .database(database)
                .singleWriter(singleWriter)
                .gapTimeout(gapTimeout)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(100)
                .build();
    }

    private static DomainEventMessage<Noted> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Thing", aggregateId, sequence, new Noted(aggregateId + "/" + sequence));
    }

    private static List<DomainEventMessage<?>> events(String aggregateId, long from, long toExclusive) {
        return LongStream.range(from, toExclusive).<DomainEventMessage<?>>mapToObj(n -> event(aggregateId, n)).toList();
    }

    private static List<String> texts(List<? extends org.axonframework.eventhandling.EventMessage<?>> messages) {
        return messages.stream().map(m -> ((Noted) m.getPayload()).text()).toList();
    }

    private static List<TrackedEventMessage<?>> readAll(FlatEventStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false).collect(Collectors.toList());
    }

    @Test
    void aTrackingReaderGetsPayloadsDeserializedOnTheReadAheadThreadAndMetadataLeftForWhenItIsRead() {
        JacksonSerializer json = JacksonSerializer.defaultSerializer();
        List<String> payloadThreads = new CopyOnWriteArrayList<>();
        List<String> metadataThreads = new CopyOnWriteArrayList<>();
        Serializer watched = new Serializer() {
            @Override
            public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
                return json.serialize(object, expectedRepresentation);
            }

            @Override
            public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
                return json.canSerializeTo(expectedRepresentation);
            }

            @Override
            public <S, T> T deserialize(SerializedObject<S> serializedObject) {
                (serializedObject.getType().getName().equals(MetaData.class.getName()) ? metadataThreads
                        : payloadThreads).add(Thread.currentThread().getName());
                return json.deserialize(serializedObject);
            }

            @Override
            public Class classForType(SerializedType type) {
                return json.classForType(type);
            }

            @Override
            public SerializedType typeForClass(Class type) {
                return json.typeForClass(type);
            }

            @Override
            public Converter getConverter() {
                return json.getConverter();
            }
        };
        FlatEventStorageEngine engine = FlatEventStorageEngine.builder().database(database).singleWriter(false)
                .eventSerializer(watched).snapshotSerializer(watched).batchSize(100).build();
        engine.appendEvents(events("a", 0, 300));

        List<TrackedEventMessage<?>> read = readAll(engine, null);
        assertThat(texts(read)).hasSize(300).startsWith("a/0").endsWith("a/299");
        // The first batch is read on the reader's thread; the next ones ahead of it.
        assertThat(payloadThreads).hasSize(300);
        assertThat(payloadThreads.subList(100, 300)).containsOnly("event-read-ahead");
        assertThat(metadataThreads).isEmpty();
        assertThat(read.get(299).getMetaData()).isEmpty();
        assertThat(metadataThreads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void anAggregateIsReadBackInOrderAcrossChunks() {
        FlatEventStorageEngine engine = engine(true);
        for (long n = 0; n < 300; n += 7) {
            engine.appendEvents(events("a", n, Math.min(n + 7, 300)));
            engine.appendEvents(events("other-" + n, 0, 2));
        }
        List<DomainEventMessage<?>> read = engine.readEvents("a", 0).asStream().collect(Collectors.toList());
        assertThat(read).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactlyElementsOf(LongStream.range(0, 300).boxed().toList());
        assertThat(texts(engine.readEvents("a", 250).asStream().toList())).first().isEqualTo("a/250");
        assertThat(engine.readEvents("nobody", 0).asStream().toList()).isEmpty();
    }

    @Test
    void aMissingEventDoesNotHideTheEventsAfterIt() {
        FlatEventStorageEngine engine = engine(true);
        engine.appendEvents(events("a", 0, 300));
        for (long missing : List.of(5L, 127L, 128L)) {
            database.getCollection(FlatEventStorageEngine.EVENTS)
                    .deleteOne(new Document(FlatEventStorageEngine.AGGREGATE_KEY, "a#" + missing));
        }
        List<Long> read = engine.readEvents("a", 0).asStream().map(DomainEventMessage::getSequenceNumber).toList();
        assertThat(read).hasSize(297).doesNotContain(5L, 127L, 128L).contains(4L, 6L, 126L, 129L, 299L);
    }

    @Test
    void theLastSequenceNumberIsFoundForEveryLength() {
        FlatEventStorageEngine engine = engine(true);
        List<Integer> lengths = List.of(1, 2, 3, 127, 128, 129, 256, 301);
        for (int length : lengths) {
            engine.appendEvents(events("len-" + length, 0, length));
            assertThat(engine.lastSequenceNumberFor("len-" + length)).contains((long) length - 1);
        }
        // Engines that did not write them (a restart, another node) find them by probing.
        for (FlatEventStorageEngine other : List.of(engine(true), engine(false))) {
            for (int length : lengths) {
                assertThat(other.lastSequenceNumberFor("len-" + length)).contains((long) length - 1);
            }
            assertThat(other.lastSequenceNumberFor("len-0")).isEmpty();
        }
        FlatEventStorageEngine otherNode = engine(false);
        assertThat(otherNode.lastSequenceNumberFor("len-3")).contains(2L);
        engine.appendEvents(events("len-3", 3, 40));
        assertThat(otherNode.lastSequenceNumberFor("len-3")).contains(39L);
        assertThat(engine.lastSequenceNumberFor("len-0")).isEmpty();
    }

    @Test
    void aSecondEventAtTheSamePlaceIsAConflictAndStoresNothing() {
        FlatEventStorageEngine engine = engine(true);
        engine.appendEvents(events("a", 0, 2));
        assertThatThrownBy(() -> engine.appendEvents(events("a", 0, 1)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(events("a", 1, 3)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("a", 0).asStream().toList()).hasSize(2);
        assertThat(readAll(engine, engine.createTailToken())).hasSize(2);
    }

    @Test
    void trackingReadsEveryEventOnceInStoreOrder() {
        FlatEventStorageEngine engine = engine(true);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            engine.appendEvents(List.of(event("t-" + (i % 9), i / 9)));
            written.add("t-" + (i % 9) + "/" + (i / 9));
        }
        List<TrackedEventMessage<?>> read = readAll(engine, engine.createTailToken());
        assertThat(texts(read)).containsExactlyElementsOf(written);
        TrackingToken middle = read.get(99).trackingToken();
        assertThat(texts(readAll(engine, middle))).containsExactlyElementsOf(written.subList(100, 250));
        assertThat(readAll(engine, engine.createHeadToken())).isEmpty();
    }

    @Test
    void anEventStoredLateIntoAGapIsStillDelivered() {
        FlatEventStorageEngine engine = engine(false);
        engine.appendEvents(List.of(event("a", 0)));
        // Another writer took id 2 and id 3 stored first: 2 is a gap until its write lands.
        long id = engine.createHeadToken().position().orElseThrow() + 1;
        copyAt(engine, "late", 0, id + 1);
        List<TrackedEventMessage<?>> first = readAll(engine, engine.createTailToken());
        assertThat(texts(first)).containsExactly("a/0", "late/0");
        GapAwareTrackingToken token = (GapAwareTrackingToken) first.get(1).trackingToken();
        assertThat(token.getGaps()).containsExactly(id);

        copyAt(engine, "slow", 0, id);
        List<TrackedEventMessage<?>> second = readAll(engine, token);
        assertThat(texts(second)).containsExactly("slow/0");
        assertThat(((GapAwareTrackingToken) second.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void aGapBehindAnOldEventIsGivenUp() {
        FlatEventStorageEngine engine = engine(false, Duration.ZERO);
        copyAt(engine, "old", 0, 5);
        List<TrackedEventMessage<?>> read = readAll(engine, engine.createTailToken());
        assertThat(texts(read)).containsExactly("old/0");
        assertThat(((GapAwareTrackingToken) read.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void aSingleWriterRestartingMidBlockLeavesNoHole() {
        FlatEventStorageEngine before = engine(true);
        before.appendEvents(events("a", 0, 3));
        // The first writer held a block of 100 ids and used 3 of them when it stopped.
        FlatEventStorageEngine after = engine(true);
        after.appendEvents(events("b", 0, 2));
        List<TrackedEventMessage<?>> read = readAll(after, after.createTailToken());
        assertThat(texts(read)).containsExactly("a/0", "a/1", "a/2", "b/0", "b/1");
        assertThat(read).extracting(m -> m.trackingToken().position().orElseThrow())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aSingleWriterHandsItsNewEventsToAReaderAtTheHeadWithoutAQuery() {
        FlatEventStorageEngine writer = engine(true);
        writer.appendEvents(events("a", 0, 3));
        TrackingToken head = writer.createHeadToken();
        writer.appendEvents(events("b", 0, 2));
        writer.appendEvents(events("a", 3, 4));
        eventQueries.set(0);
        List<TrackedEventMessage<?>> fromMemory = readAll(writer, head);
        assertThat(eventQueries.get()).isZero();
        assertThat(texts(fromMemory)).containsExactly("b/0", "b/1", "a/3");
        assertThat(readAll(writer, fromMemory.get(2).trackingToken())).isEmpty();
        assertThat(eventQueries.get()).isZero();

        // What a reader that did not write them gets from the store, field for field.
        List<TrackedEventMessage<?>> fromStore = readAll(engine(false), head);
        assertThat(eventQueries.get()).isPositive();
        assertThat(fromMemory).hasSameSizeAs(fromStore);
        for (int i = 0; i < fromStore.size(); i++) {
            DomainEventMessage<?> memory = (DomainEventMessage<?>) fromMemory.get(i);
            DomainEventMessage<?> store = (DomainEventMessage<?>) fromStore.get(i);
            assertThat(fromMemory.get(i).trackingToken()).isEqualTo(fromStore.get(i).trackingToken());
            assertThat(memory.getIdentifier()).isEqualTo(store.getIdentifier());
            assertThat(memory.getAggregateIdentifier()).isEqualTo(store.getAggregateIdentifier());
            assertThat(memory.getSequenceNumber()).isEqualTo(store.getSequenceNumber());
            assertThat(memory.getType()).isEqualTo(store.getType());
            assertThat(memory.getTimestamp()).isEqualTo(store.getTimestamp());
            assertThat(memory.getPayloadType()).isEqualTo(store.getPayloadType());
            assertThat(memory.getPayload()).isEqualTo(store.getPayload());
            assertThat(memory.getMetaData()).isEqualTo(store.getMetaData());
        }
    }

    @Test
    void aReaderBehindWhatTheWriterStillHoldsReadsTheStore() {
        FlatEventStorageEngine writer = engine(true);
        writer.appendEvents(events("a", 0, 250)); // the engine holds the last 200 (twice its batch of 100)
        eventQueries.set(0);
        List<TrackedEventMessage<?>> read = readAll(writer, writer.createTailToken());
        assertThat(read).extracting(m -> m.trackingToken().position().orElseThrow())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 250).boxed().toList());
        assertThat(eventQueries.get()).isPositive();
    }

    @Test
    void anAppendThatFailedDoesNotHoldBackTheEventsAfterIt() {
        FlatEventStorageEngine writer = engine(true);
        writer.appendEvents(events("a", 0, 1));
        TrackingToken afterFirst = readAll(writer, writer.createTailToken()).get(0).trackingToken();
        // The conflict takes an id and stores nothing: the reader finds the next event in the store.
        assertThatThrownBy(() -> writer.appendEvents(events("a", 0, 1)))
                .isInstanceOf(AggregateStreamCreationException.class);
        writer.appendEvents(events("b", 0, 1));
        assertThat(texts(readAll(writer, afterFirst))).containsExactly("b/0");
    }

    @Test
    void anAppendThatOutrunsTheWritersBlockTakesTheNextBlockWithoutAHole() {
        FlatEventStorageEngine writer = engine(true); // blocks of 100 ids
        for (int n = 0; n < 99; n++) {
            writer.appendEvents(events("a", n, n + 1));
        }
        writer.appendEvents(events("b", 0, 3)); // one id left in the block, three needed
        assertThat(readAll(writer, writer.createTailToken()))
                .extracting(m -> m.trackingToken().position().orElseThrow())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 102).boxed().toList());
    }

    @Test
    void sharedWritersNeverReuseAnIdAndEveryEventIsTracked() throws Exception {
        FlatEventStorageEngine nodeA = engine(false);
        FlatEventStorageEngine nodeB = engine(false);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                FlatEventStorageEngine engine = w % 2 == 0 ? nodeA : nodeB;
                String aggregate = "w" + w;
                writes.add(pool.submit(() -> IntStream.range(0, 50)
                        .forEach(n -> engine.appendEvents(List.of(event(aggregate, n))))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        List<TrackedEventMessage<?>> read = readAll(nodeA, nodeA.createTailToken());
        assertThat(read).hasSize(200);
        Set<Long> positions = new HashSet<>();
        read.forEach(m -> positions.add(m.trackingToken().position().orElseThrow()));
        assertThat(positions).hasSize(200);
        for (int w = 0; w < 4; w++) {
            assertThat(nodeB.lastSequenceNumberFor("w" + w)).contains(49L);
        }
    }

    @Test
    void aConflictOnOneNodeLeavesAGapThatDoesNotHoldBackLaterEvents() {
        FlatEventStorageEngine nodeA = engine(false, Duration.ofMillis(50));
        FlatEventStorageEngine nodeB = engine(false, Duration.ofMillis(50));
        nodeA.appendEvents(events("a", 0, 1));
        assertThatThrownBy(() -> nodeB.appendEvents(events("a", 0, 1)))
                .isInstanceOf(AggregateStreamCreationException.class);
        nodeB.appendEvents(events("b", 0, 1));
        List<TrackedEventMessage<?>> read = readAll(nodeA, nodeA.createTailToken());
        assertThat(texts(read)).containsExactly("a/0", "b/0");
        assertThat(read).extracting(m -> m.trackingToken().position().orElseThrow()).containsExactly(1L, 3L);
    }

    @Test
    void aSnapshotIsReplacedInPlace() {
        FlatEventStorageEngine engine = engine(true);
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 10, new Noted("at 10")));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 20, new Noted("at 20")));
        assertThat(engine.readSnapshot("a")).hasValueSatisfying(snapshot -> {
            assertThat(snapshot.getSequenceNumber()).isEqualTo(20);
            assertThat(((Noted) snapshot.getPayload()).text()).isEqualTo("at 20");
        });
        assertThat(database.getCollection(FlatEventStorageEngine.SNAPSHOTS).countDocuments()).isEqualTo(1);
        assertThat(engine.readSnapshot("b")).isEmpty();
    }

    @Test
    void aTokenAtATimeStartsAtTheFirstEventFromThen() throws InterruptedException {
        FlatEventStorageEngine engine = engine(true);
        engine.appendEvents(events("a", 0, 2));
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        engine.appendEvents(events("b", 0, 1));
        assertThat(texts(readAll(engine, engine.createTokenAt(between)))).containsExactly("b/0");
    }

    @Test
    void aDataDirectoryInTheStockLayoutIsRefusedWithWordsNotRead() {
        database.getCollection(StoreLayout.STOCK_EVENTS).insertOne(new Document("aggregateIdentifier", "x"));
        assertThatThrownBy(() -> StoreLayout.refuseStockLayout(database))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stock layout");
    }

    /** Stores a copy of a fresh event at a chosen id, as a writer holding that id would. */
    private void copyAt(FlatEventStorageEngine engine, String aggregateId, long sequence, long id) {
        MongoDatabase scratchDb = client.getDatabase("scratch-" + id);
        FlatEventStorageEngine scratch = FlatEventStorageEngine.builder().database(scratchDb).singleWriter(true)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer()).build();
        scratch.appendEvents(List.of(event(aggregateId, sequence)));
        Document document = scratchDb.getCollection(FlatEventStorageEngine.EVENTS).find().first();
        document.put("_id", id);
        database.getCollection(FlatEventStorageEngine.EVENTS).insertOne(document);
    }

    @Test
    void aWriteTheStoreRejectsForAnotherReasonIsAnEventStoreError() {
        FlatEventStorageEngine engine = engine(true);
        client.close();
        assertThatThrownBy(() -> engine.appendEvents(events("a", 0, 1))).isInstanceOf(EventStoreException.class);
        client = MongoClients.create(server.getConnectionString());
    }
}
