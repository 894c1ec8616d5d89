package org.dyad.infra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.nin;
import static org.assertj.core.api.Assertions.assertThat;

/** The hashed {@code $in} finds what the server's own matcher (the memory backend's, unchanged) finds. */
class HashedInCollectionTest {

    @TempDir
    Path dir;

    @Test
    void inListsOfEveryKindFindWhatTheServersMatcherFinds() {
        List<Bson> queries = List.of(
                in("k", "a1", "a7", "a13", "zz"),
                in("k", 2L, 5, 9L, 1_000L),
                in("k", 2.0, 5L),
                in("k", "a1", 3L),
                in("k", Arrays.asList("a2", null)),
                in("k", List.of()),
                in("_id", 3L, 4, 5L, 250L),
                in("_id", "s1", "s2"),
                in("n.k", "a1", "a7"),
                in("key", "agg#1", "agg#10", "agg#2", "other#1"),
                nin("k", "a1", "a2"),
                and(in("k", "a1", "a7", "b7"), eq("even", true)));
        List<List<Object>> expected = found(new MemoryBackend(), queries);
        List<List<Object>> hashed = found(DurableH2Backend.open(dir.resolve("in.mv").toString(), Durability.COMMIT,
                Set.of()), queries);
        for (int i = 0; i < queries.size(); i++) {
            assertThat(hashed.get(i)).as("%s", queries.get(i)).containsExactlyInAnyOrderElementsOf(expected.get(i));
        }
        assertThat(expected.get(0)).hasSize(4); // a1 twice, a7 and a13, among numbers, arrays and nested values
        assertThat(expected.get(1)).hasSize(3); // a long, an int and a double
        assertThat(expected.get(9)).hasSize(3);
    }

    /** The ids each query finds on {@code backend}, over the same documents of mixed types, through the driver. */
    private static List<List<Object>> found(MongoBackend backend, List<Bson> queries) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> things = client.getDatabase("dyad").getCollection("things");
            things.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).sparse(true));
            List<Document> documents = new ArrayList<>();
            for (long id = 1; id <= 200; id++) {
                Document document = new Document("_id", id % 3 == 0 ? (Object) (int) id : (Object) id)
                        .append("even", id % 2 == 0);
                Function<Long, Object> k = n -> switch ((int) (n % 6)) {
                    case 0 -> "a" + n;
                    case 1 -> "a" + n;
                    case 2 -> n;
                    case 3 -> (double) n;
                    case 4 -> List.of("a" + n, "b" + n);
                    default -> (int) (long) n;
                };
                if (id % 11 != 0) {
                    document.append("k", k.apply(id));
                }
                if (id % 10 == 0) {
                    document.append("k", null);
                }
                document.append("n", new Document("k", "a" + id));
                if (id <= 12) {
                    document.append("key", (id % 2 == 0 ? "agg#" : "other#") + id / 2);
                }
                documents.add(document);
            }
            documents.add(new Document("_id", "s1").append("k", "a1"));
            things.insertMany(documents);
            List<List<Object>> found = new ArrayList<>();
            for (Bson query : queries) {
                found.add(things.find(query).map(d -> d.get("_id")).map(Object.class::cast).into(new ArrayList<>()));
            }
            return found;
        } finally {
            server.shutdownNow();
        }
    }
}
