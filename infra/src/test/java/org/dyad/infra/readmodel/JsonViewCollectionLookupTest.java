package org.dyad.infra.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.dyad.infra.mongo.Durability;
import org.dyad.infra.mongo.MongoConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lookups by a field's value on the embedded file backend, whose unique indexes answer ranges of strings. */
class JsonViewCollectionLookupTest {

    public record Row(String id, String unit, String person) {
    }

    @TempDir
    Path dir;

    private MongoConnection connection;
    private MongoDatabase database;
    private MongoCollection<Document> raw;
    private final JsonDocuments json = new JsonDocuments(new ObjectMapper());

    @BeforeEach
    void start() {
        connection = MongoConnection.embedded("h2", dir, Durability.COMMIT, "127.0.0.1", 0, "views");
        database = connection.client().getDatabase("views");
        raw = database.getCollection("rows");
    }

    @AfterEach
    void stop() {
        connection.close();
    }

    private JsonViewCollection<Row> open() {
        return new JsonViewCollection<>(database, "rows", json, Row.class, DocumentCache.NONE, new ViewWriter(), List.of("unit", "person"));
    }

    private List<String> indexNames() {
        return raw.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>());
    }

    @Test
    void eachLookupKeepsValueAndIdUnderAUniqueSparseIndexAndFindsExactlyTheValue() {
        JsonViewCollection<Row> rows = open();
        rows.save("a", new Row("a", "north", "p1"));
        rows.save("b", new Row("b", "north", null));
        rows.save("c", new Row("c", "north|east", null)); // begins with "north" and the separator
        rows.save("d", new Row("d", "northeast", null));
        rows.save("e", new Row("e", "nort", null));
        rows.save("b", new Row("b", "south", null)); // moves

        assertThat(indexNames()).contains("_by_unit", "_by_person");
        Document a = raw.find(new Document("_id", "a")).first();
        assertThat(a).containsEntry("_by_unit", "north|a").containsEntry("_by_person", "p1|a");
        assertThat(raw.find(new Document("_id", "b")).first()).containsEntry("_by_unit", "south|b")
                .doesNotContainKey("_by_person");
        assertThat(rows.findWhere("unit", "north")).extracting(Row::id).containsExactly("a");
        assertThat(rows.findWhere("unit", "north|east")).extracting(Row::id).containsExactly("c");
        assertThat(rows.findWhere("unit", "south")).extracting(Row::id).containsExactly("b");
        assertThat(rows.findWhere("unit", "west")).isEmpty();
        assertThat(rows.findWhere("person", "p1")).extracting(Row::id).containsExactly("a");
    }

    @Test
    void amongManyViewsALookupFindsThoseOfItsValueAndNoOther() {
        JsonViewCollection<Row> rows = open();
        for (int i = 0; i < 600; i++) {
            rows.save("r" + i, new Row("r" + i, "unit-" + (i % 30), i % 4 == 0 ? null : "person-" + (i % 7)));
        }
        for (int unit = 0; unit < 30; unit++) {
            int u = unit;
            assertThat(rows.findWhere("unit", "unit-" + unit)).extracting(Row::id).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.range(0, 600).filter(i -> i % 30 == u).mapToObj(i -> "r" + i).toList());
        }
        assertThat(rows.findWhere("person", "person-3")).extracting(Row::id).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, 600).filter(i -> i % 4 != 0 && i % 7 == 3).mapToObj(i -> "r" + i)
                        .toList());
        assertThat(rows.findWhere("unit", "unit-")).isEmpty();
    }

    @Test
    void documentsWrittenBeforeTheLookupsGetTheirKeysWhenTheCollectionIsOpened() {
        raw.insertMany(List.of(
                new Document("_id", "a").append("id", "a").append("unit", "north").append("person", "p1"),
                new Document("_id", "b").append("id", "b").append("unit", "south")));
        assertThat(indexNames()).doesNotContain("_by_unit");

        JsonViewCollection<Row> rows = open();

        assertThat(indexNames()).contains("_by_unit", "_by_person");
        assertThat(raw.find(new Document("_id", "a")).first()).containsEntry("_by_unit", "north|a")
                .containsEntry("_by_person", "p1|a");
        assertThat(rows.findWhere("unit", "north")).extracting(Row::id).containsExactly("a");
        assertThat(rows.findWhere("unit", "south")).extracting(Row::id).containsExactly("b");
        // Opened again, nothing is rewritten: a document changed behind its back keeps what it has.
        raw.updateOne(new Document("_id", "b"), new Document("$unset", new Document("_by_unit", "")));
        open();
        assertThat(raw.find(new Document("_id", "b")).first()).doesNotContainKey("_by_unit");
    }

    @Test
    void emptyingTheCollectionKeepsItsLookupIndexes() {
        JsonViewCollection<Row> rows = open();
        rows.save("a", new Row("a", "north", null));
        rows.deleteAll();
        assertThat(indexNames()).contains("_by_unit", "_by_person");
        assertThat(rows.findWhere("unit", "north")).isEmpty();
        rows.save("b", new Row("b", "north", null));
        assertThat(rows.findWhere("unit", "north")).extracting(Row::id).containsExactly("b");
    }
}
