package org.dyad.infra.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replace of one document by its string id, which {@link HashedInCollection} does itself, answers and stores what
 * the server's own update path (the memory backend's, unchanged) answers and stores, errors and indexes included.
 */
class ReplaceByIdTest {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    @TempDir
    Path dir;

    @Test
    void replacesAnswerAndStoreWhatTheServersOwnUpdatePathDoes() {
        List<Function<MongoCollection<Document>, Object>> steps = List.of(
                views -> views.replaceOne(eq("_id", "v1"), view("north", "v1|n", "walks")),
                views -> views.replaceOne(eq("_id", "v1"), view("north", "v1|n", "walks")),
                views -> views.replaceOne(eq("_id", "v2"), view("south", "v2|s", "music").append("_id", "v2")),
                views -> views.replaceOne(eq("_id", "v2"), view("south", "v2|s", "music").append("_id", "v9")),
                views -> views.replaceOne(eq("_id", "v3"), view("east", "v1|n", "taken")),
                views -> views.replaceOne(eq("_id", "v3"), view("east", "v3|moved", "moved")),
                views -> views.replaceOne(eq("_id", "v4"), new Document("unit", "west")),
                views -> views.replaceOne(eq("_id", "v5"), new Document()),
                views -> views.replaceOne(eq("_id", "new"), view("north", "new|n", "upserted"), UPSERT),
                views -> views.replaceOne(eq("_id", "absent"), view("north", "absent|n", "none")),
                views -> views.replaceOne(eq("_id", 7L), new Document("unit", "numbered")),
                views -> views.updateOne(eq("_id", "v6"), Updates.set("unit", "set")),
                views -> views.bulkWrite(List.of(
                        new ReplaceOneModel<>(eq("_id", "v7"), view("north", "v7|n", "bulk")),
                        new ReplaceOneModel<>(eq("_id", "bulk"), view("south", "bulk|s", "bulk"), UPSERT),
                        new ReplaceOneModel<>(eq("_id", "v8"), view("north", "v7|n", "clash")),
                        new ReplaceOneModel<>(eq("_id", "v6"), view("north", "v6|n", "not reached")))),
                views -> views.replaceOne(eq("_id", "v3"), view("east", "v3|again", "nested")
                        .append("stays", List.of(new Document("admittedAt", "2026-12-01"), 3L))));
        List<Object> stock = run(new MemoryBackend(), steps);
        List<Object> direct = run(DurableH2Backend.open(dir.resolve("replace.mv").toString(), Durability.COMMIT,
                Set.of()), steps);
        assertThat(direct).containsExactlyElementsOf(stock);
        assertThat(stock.get(0)).isEqualTo("matched 1, modified 1");
        assertThat(stock.get(1)).isEqualTo("matched 1, modified 0");
        assertThat(stock.get(3).toString()).startsWith("error 66");
        assertThat(stock.get(4).toString()).startsWith("error 11000");
        assertThat(stock.get(9)).isEqualTo("matched 0, modified 0");
    }

    private static Document view(String unit, String byUnit, String goal) {
        return new Document("unit", unit).append("_by_unit", byUnit).append("goals", List.of(goal))
                .append("careTeam", List.of(new Document("userId", "psychiatrist").append("role", "PSYCHIATRIST")));
    }

    /** Each step's answer, then every document, what each unique key finds, and the collection's data size. */
    private static List<Object> run(MongoBackend backend, List<Function<MongoCollection<Document>, Object>> steps) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> views = client.getDatabase("dyad").getCollection("views");
            views.createIndex(Indexes.ascending("_by_unit"), new IndexOptions().unique(true).sparse(true));
            List<Document> stored = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                stored.add(view(i % 2 == 0 ? "south" : "north", "v" + i + "|x", "goal " + i).append("_id", "v" + i));
            }
            stored.add(new Document("_id", 7L).append("unit", "numbered before"));
            views.insertMany(stored);
            List<Object> answers = new ArrayList<>();
            for (Function<MongoCollection<Document>, Object> step : steps) {
                answers.add(answer(step, views));
            }
            List<Document> all = views.find().into(new ArrayList<>());
            all.sort((a, b) -> String.valueOf(a.get("_id")).compareTo(String.valueOf(b.get("_id"))));
            answers.add(all);
            for (Document document : all) {
                Object key = document.get("_by_unit");
                if (key != null) {
                    answers.add(key + " -> " + views.find(eq("_by_unit", key)).map(d -> d.get("_id"))
                            .into(new ArrayList<>()));
                }
            }
            answers.add("old key v3|x -> " + views.find(eq("_by_unit", "v3|x")).into(new ArrayList<>()));
            answers.add("size " + client.getDatabase("dyad").runCommand(new Document("collStats", "views"))
                    .get("size"));
            return answers;
        } finally {
            server.shutdownNow();
        }
    }

    private static Object answer(Function<MongoCollection<Document>, Object> step, MongoCollection<Document> views) {
        try {
            Object result = step.apply(views);
            if (result instanceof UpdateResult update) {
                return "matched " + update.getMatchedCount() + ", modified " + update.getModifiedCount();
            }
            return result.toString();
        } catch (MongoWriteException e) {
            return "error " + e.getError().getCode();
        } catch (MongoBulkWriteException e) {
            return "bulk error " + e.getWriteErrors().get(0).getIndex() + " " + e.getWriteErrors().get(0).getCode()
                    + ", done " + e.getWriteResult().getModifiedCount() + " " + e.getWriteResult().getUpserts();
        }
    }
}
