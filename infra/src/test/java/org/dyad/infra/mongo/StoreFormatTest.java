package org.dyad.infra.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreFormatTest {

    private static final int DOCUMENTS = 2_000;

    @TempDir
    Path dir;

    @Test
    void aFileWrittenInTheStockOrderIsReorderedAndStillFindsAndRefusesByItsUniqueKeys() {
        Path file = dir.resolve("dyad.mv");
        H2Backend stock = new H2Backend(file.toString());
        withClient(stock, events -> {
            events.createIndex(Indexes.ascending("aggregateKey"), new IndexOptions().unique(true));
            events.insertMany(IntStream.range(0, DOCUMENTS).mapToObj(StoreFormatTest::event).toList());
        });

        H2Backend reopened = DurableH2Backend.open(file.toString(), Durability.COMMIT, Set.of());
        withClient(reopened, events -> {
            assertFindsAndRefuses(events);
            events.insertOne(event(DOCUMENTS));
            assertThat(events.find(Filters.eq("aggregateKey", key(DOCUMENTS))).first()).isNotNull();
        });

        // A second start finds the marker: nothing moves, everything is still found.
        H2Backend again = DurableH2Backend.open(file.toString(), Durability.BACKGROUND, Set.of());
        withClient(again, events -> {
            assertFindsAndRefuses(events);
            assertThat(events.countDocuments()).isEqualTo(DOCUMENTS + 1);
        });
    }

    @Test
    void documentsOfTheStockFormatComeBackAsTheyWereWrittenAfterConversionAndAfterMoreWrites() {
        Path file = dir.resolve("values.mv");
        List<Document> written = IntStream.range(0, 25_000).mapToObj(StoreFormatTest::richDocument).toList();
        withClient(new H2Backend(file.toString()), things -> things.insertMany(written));

        withClient(DurableH2Backend.open(file.toString(), Durability.COMMIT, Set.of()), things -> {
            assertThat(things.find().sort(new Document("_id", 1))).containsExactlyElementsOf(written);
            things.replaceOne(Filters.eq("_id", 7L), richDocument(7).append("changed", true));
            things.insertOne(richDocument(25_000));
        });

        withClient(DurableH2Backend.open(file.toString(), Durability.COMMIT, Set.of()), things -> {
            assertThat(things.countDocuments()).isEqualTo(25_001);
            assertThat(things.find(Filters.eq("_id", 7L)).first()).isEqualTo(richDocument(7).append("changed", true));
            assertThat(things.find(Filters.eq("_id", 25_000L)).first()).isEqualTo(richDocument(25_000));
            assertThat(things.find(Filters.eq("_id", 24_999L)).first()).isEqualTo(written.get(24_999));
        });
    }

    private static Document richDocument(int i) {
        return new Document("_id", (long) i)
                .append("text", "Ünïcode text " + i)
                .append("int", i)
                .append("double", i / 4.0)
                .append("flag", i % 2 == 0)
                .append("nothing", null)
                .append("when", new java.util.Date(1_700_000_000_000L + i))
                .append("id", new org.bson.types.ObjectId(new java.util.Date(1_700_000_000_000L), i))
                .append("decimal", new org.bson.types.Decimal128(i))
                .append("bytes", new org.bson.types.Binary(new byte[]{1, 2, (byte) i}))
                .append("list", List.of("a", i, List.of(1.5, "b")))
                .append("nested", new Document("deeper", new Document("n", (long) i).append("s", "x")));
    }

    @Test
    void keysOfEveryKindAreFoundByValue() {
        H2Backend backend = DurableH2Backend.open(dir.resolve("kinds.mv").toString(), Durability.COMMIT, Set.of());
        withClient(backend, things -> {
            things.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            List<Object> keys = List.of(7L, 7.5, "7", true, new Document("nested", 1), List.of(1, 2), Long.MAX_VALUE);
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                documents.add(new Document("_id", i).append("key", keys.get(i)));
            }
            things.insertMany(documents);
            for (int i = 0; i < keys.size(); i++) {
                assertThat(things.find(Filters.eq("key", keys.get(i))).first()).as("key %s", keys.get(i))
                        .isNotNull().extracting(d -> d.get("_id")).isEqualTo(i);
            }
            // 7 (int) and 7L are one value to MongoDB, as before.
            assertThat(things.find(Filters.eq("key", 7)).first()).isNotNull().extracting(d -> d.get("_id")).isEqualTo(0);
            assertThatThrownBy(() -> things.insertOne(new Document("_id", 99).append("key", 7)))
                    .isInstanceOf(MongoWriteException.class);
        });
    }

    private static void assertFindsAndRefuses(MongoCollection<Document> events) {
        for (int i = 0; i < DOCUMENTS; i += 97) {
            assertThat(events.find(Filters.eq("aggregateKey", key(i))).first()).as(key(i)).isNotNull()
                    .extracting(d -> d.get("_id")).isEqualTo((long) i);
        }
        List<String> someKeys = IntStream.range(100, 228).mapToObj(StoreFormatTest::key).toList();
        assertThat(events.find(Filters.in("aggregateKey", someKeys))).hasSize(someKeys.size());
        assertThat(events.find(Filters.in("_id", List.of(5L, 6L, 1999L)))).hasSize(3);
        assertThatThrownBy(() -> events.insertOne(new Document("_id", 1_000_000L).append("aggregateKey", key(42))))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> events.insertOne(new Document("_id", 42L).append("aggregateKey", "fresh")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
    }

    @Test
    void indexPagesWrittenWhenKeysCountedAsTenKilobytesAreFilledOnceAndStillFindAndRefuse() {
        Path file = dir.resolve("sparse.mv");
        withClient(DurableH2Backend.open(file.toString(), Durability.COMMIT, Set.of()), events -> {
            events.createIndex(Indexes.ascending("aggregateKey"), new IndexOptions().unique(true));
            events.insertMany(IntStream.range(0, DOCUMENTS).mapToObj(StoreFormatTest::event).toList());
        });
        String aggregateKeyIndex;
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        try {
            aggregateKeyIndex = store.getMapNames().stream().filter(name -> name.endsWith("._index_aggregateKey_1"))
                    .findFirst().orElseThrow();
            // Rewrites the index as files were written before keys were counted at their size.
            MVMap<KeyValue, Object> index = store.openMap(aggregateKeyIndex, StoreFormat.indexMap());
            MVMap<KeyValue, Object> sparse = store.openMap("sparse",
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeysAtTenKilobytes()));
            index.forEach(sparse::put);
            store.removeMap(index);
            store.renameMap(sparse, aggregateKeyIndex);
            store.openMap(StoreFormat.FORMAT_MAP).remove("index-pages");
            store.commit();
            assertThat(levels(sparse)).isGreaterThan(6);
        } finally {
            store.close();
        }

        withClient(DurableH2Backend.open(file.toString(), Durability.COMMIT, Set.of()), events -> {
            assertFindsAndRefuses(events);
            events.insertOne(event(DOCUMENTS));
        });
        MVStore filled = new MVStore.Builder().fileName(file.toString()).open();
        try {
            MVMap<KeyValue, Object> index = filled.openMap(aggregateKeyIndex, StoreFormat.indexMap());
            assertThat(index.sizeAsLong()).isEqualTo(DOCUMENTS + 1);
            assertThat(levels(index)).isLessThanOrEqualTo(4);
            assertThat(filled.getMapNames()).noneMatch(name -> name.endsWith(".filled"));
        } finally {
            filled.close();
        }
    }

    /** How H2 counted an index key before {@link IndexKeyOrder#getMemory}: as 10 kB. */
    private static final class KeysAtTenKilobytes extends ObjectDataType {
        @Override
        public int compare(Object a, Object b) {
            return IndexKeyOrder.INSTANCE.compare(a, b);
        }

        @Override
        public void write(WriteBuffer buffer, Object key) {
            IndexKeyOrder.INSTANCE.write(buffer, key);
        }

        @Override
        public Object read(ByteBuffer buffer) {
            return IndexKeyOrder.INSTANCE.read(buffer);
        }

        @Override
        public int getMemory(Object key) {
            return 10_000;
        }
    }

    private static int levels(MVMap<KeyValue, Object> map) {
        Page<KeyValue, Object> page = map.getRootPage();
        int levels = 1;
        while (!page.isLeaf()) {
            page = page.getChildPage(0);
            levels++;
        }
        return levels;
    }

    private static Document event(int i) {
        return new Document("_id", (long) i).append("aggregateKey", key(i)).append("payload", "event " + i);
    }

    private static String key(int i) {
        return "case-" + (i % 37) + "#" + i;
    }

    private static void withClient(H2Backend backend, java.util.function.Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            use.accept(client.getDatabase("dyad").getCollection("events"));
        } finally {
            server.shutdownNow();
        }
    }
}
