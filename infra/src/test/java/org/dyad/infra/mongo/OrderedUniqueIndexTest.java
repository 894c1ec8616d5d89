package org.dyad.infra.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderedUniqueIndexTest {

    @TempDir
    Path dir;

    @Test
    void aNumericRangeIsReadFromTheIndexInKeyOrder() {
        MVStore store = new MVStore.Builder().open();
        OrderedUniqueIndex index = new OrderedUniqueIndex(store.openMap("index", StoreFormat.indexMap()), "_id_",
                List.of(new IndexKey("_id", true)), false);
        // Positions in the reverse of key order, so that key order shows in the answer.
        for (long id = 1; id <= 50; id++) {
            index.add(new de.bwaldvogel.mongo.bson.Document("_id", id), 1000 - id, null);
        }
        index.add(new de.bwaldvogel.mongo.bson.Document("_id", "text"), 5L, null);

        de.bwaldvogel.mongo.bson.Document range = new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$gt", 10L).append("$lte", 14));
        assertThat(index.canHandle(range)).isTrue();
        assertThat(index.getPositions(range)).containsExactly(989L, 988L, 987L, 986L);

        de.bwaldvogel.mongo.bson.Document open = new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$gte", 48.0));
        assertThat(index.getPositions(open)).containsExactly(952L, 951L, 950L);
        // A range over strings finds the strings in it, never the numbers.
        de.bwaldvogel.mongo.bson.Document strings = new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$gt", "a"));
        assertThat(index.canHandle(strings)).isTrue();
        assertThat(index.getPositions(strings)).containsExactly(5L);
        // Other operators, bounds of two kinds, and bounds that are neither numbers nor strings stay with the stock
        // index (or a scan).
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$ne", 3)))).isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$gt", 3).append("$lt", "z")))).isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$gt", true)))).isFalse();
        store.close();
    }

    @Test
    void anAddWithoutTheStockSecondCheckStillRefusesAKeyThatIsThereAndASparseOneSkipsDocumentsWithoutItsField() {
        MongoServer server = new MongoServer(DurableH2Backend.open(dir.resolve("adds.mv").toString(),
                Durability.COMMIT, Set.of()));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> things = client.getDatabase("dyad").getCollection("things");
            things.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true).sparse(true));
            things.insertMany(List.of(new Document("_id", 1L).append("k", 1L), new Document("_id", 2L),
                    new Document("_id", 3L)));
            assertThatThrownBy(() -> things.insertOne(new Document("_id", 4L).append("k", 1.0)))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThatThrownBy(() -> things.insertOne(new Document("_id", 2L).append("k", 5L)))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(things.find().into(new ArrayList<>())).extracting(d -> d.get("_id"))
                    .containsExactly(1L, 2L, 3L);
            assertThat(things.find(new Document("k", 5L)).first()).isNull();
            things.insertOne(new Document("_id", 4L).append("k", 5L));
            assertThat(things.find(new Document("k", new Document("$gte", 5L))).into(new ArrayList<>()))
                    .extracting(d -> d.get("_id")).containsExactly(4L);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void itsKeyNamesAreWorkedOutOnceInTheirOrder() {
        MVStore store = new MVStore.Builder().open();
        OrderedUniqueIndex index = new OrderedUniqueIndex(store.openMap("index", StoreFormat.indexMap()), "unit_1_n_1",
                List.of(new IndexKey("unit", true), new IndexKey("n", false)), false);

        assertThat(index.keys()).containsExactly("unit", "n").isSameAs(index.keys());
        assertThat(index.keySet()).containsExactly("unit", "n").isSameAs(index.keySet());
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("unit", "north").append("n", 1))).isTrue();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("unit", "north"))).isFalse();
        store.close();
    }

    @Test
    void rangesThroughTheDriverFindWhatAScanWouldFind() {
        MongoServer server = new MongoServer(DurableH2Backend.open(dir.resolve("ranges.mv").toString(),
                Durability.COMMIT, Set.of()));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> things = client.getDatabase("dyad").getCollection("things");
            things.createIndex(Indexes.ascending("n"), new IndexOptions().unique(true).sparse(true));
            List<Document> documents = new ArrayList<>();
            for (long id = 1; id <= 300; id++) {
                Document document = new Document("_id", id % 3 == 0 ? (Object) (int) id : (Object) id);
                if (id % 7 != 0) {
                    document.append("n", id % 5 == 0 ? (Object) (id + 0.5) : (Object) ("n" + id));
                }
                documents.add(document);
            }
            documents.add(new Document("_id", "not a number"));
            things.insertMany(documents);
            things.deleteOne(new Document("_id", 150L));

            assertRange(things, "_id", new Document("$gt", 100L).append("$lte", 110), id -> id > 100 && id <= 110
                    && id != 150);
            assertRange(things, "_id", new Document("$gte", 140).append("$lt", 160L), id -> id >= 140 && id < 160
                    && id != 150);
            assertRange(things, "_id", new Document("$gt", 295), id -> id > 295);
            assertRange(things, "_id", new Document("$lte", 3.5), id -> id <= 3);
            assertRange(things, "_id", new Document("$gt", 20).append("$lt", 10), id -> false);
            assertRange(things, "_id", new Document("$gt", 20).append("$gte", 25).append("$lte", 30),
                    id -> id >= 25 && id <= 30);
            // A sparse index on a field of mixed types: the numbers in range, never the strings or the missing.
            List<Object> ns = things.find(new Document("n", new Document("$gt", 100).append("$lt", 130)))
                    .map(d -> d.get("_id")).into(new ArrayList<>()).stream().map(v -> ((Number) v).longValue())
                    .map(Object.class::cast).toList();
            assertThat(ns).containsExactly(100L, 110L, 115L, 120L, 125L);
            // And ranges of strings on it: the strings in range, never the numbers or the missing.
            assertStrings(things, new Document("$gte", "n10").append("$lt", "n11"), s -> s.compareTo("n10") >= 0
                    && s.compareTo("n11") < 0);
            assertStrings(things, new Document("$gt", "n95"), s -> s.compareTo("n95") > 0);
            assertStrings(things, new Document("$lte", "n104"), s -> s.compareTo("n104") <= 0);
            assertStrings(things, new Document("$gt", "n2").append("$lt", "n2"), s -> false);
        } finally {
            server.shutdownNow();
        }
    }

    /** The documents whose {@code n} is a string the range holds, as a scan of the 300 would pick them. */
    private static void assertStrings(MongoCollection<Document> things, Document bounds,
                                      java.util.function.Predicate<String> expected) {
        List<Long> found = things.find(new Document("n", bounds)).map(d -> ((Number) d.get("_id")).longValue())
                .into(new ArrayList<>());
        assertThat(found).as("n %s", bounds.toJson()).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 300)
                .filter(id -> id % 7 != 0 && id % 5 != 0 && id != 150 && expected.test("n" + id)).boxed().toList());
    }

    private static void assertRange(MongoCollection<Document> things, String field, Document bounds,
                                    LongPredicate expected) {
        List<Long> found = things.find(new Document(field, bounds)).map(d -> ((Number) d.get("_id")).longValue())
                .into(new ArrayList<>());
        assertThat(found).as("%s %s", field, bounds.toJson())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 300).filter(expected).boxed().toList());
    }
}
