package org.dyad.infra.axon;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * The {@code deadlines} collection: one document per scheduled deadline, keyed by its schedule id. A document is
 * free to claim once {@code claimedUntil} has passed; claiming is one {@code findOneAndUpdate}, so of several nodes
 * polling the same database only one gets it.
 */
final class DeadlineDocuments {

    static final String COLLECTION = "deadlines";

    private final MongoCollection<Document> collection;

    DeadlineDocuments(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    void insert(String id, String name, Instant due, Document scope, Document payload, Document metaData) {
        Document doc = new Document("_id", id)
                .append("name", name)
                .append("due", Date.from(roundedUp(due)))
                .append("scope", scope)
                .append("metaData", metaData)
                .append("attempts", 0)
                .append("claimedUntil", new Date(0));
        if (payload != null) {
            doc.append("payload", payload);
        }
        collection.insertOne(doc);
    }

    /** Claims the earliest deadline due at {@code now} that nobody holds at {@code wallNow}, or returns null. */
    Document claimNextDue(Instant now, Instant wallNow, String node, Instant claimUntil) {
        return collection.findOneAndUpdate(
                Filters.and(Filters.lte("due", Date.from(now)), Filters.lt("claimedUntil", Date.from(wallNow))),
                Updates.combine(Updates.set("claimedBy", node), Updates.set("claimedUntil", Date.from(claimUntil))),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("due")).returnDocument(ReturnDocument.AFTER));
    }

    /** Deletes a fired deadline, unless its claim ran out and another node took it over. */
    void deleteFired(String id, String node) {
        collection.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("claimedBy", node)));
    }

    void releaseForRetry(String id, int attempts, Instant retryAt, String error) {
        collection.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("attempts", attempts),
                Updates.set("lastError", error),
                Updates.set("claimedUntil", Date.from(retryAt))));
    }

    void delete(String name, String id) {
        collection.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("name", name)));
    }

    void deleteAll(String name) {
        collection.deleteMany(Filters.eq("name", name));
    }

    void deleteAllWithinScope(String name, Document scope) {
        collection.deleteMany(Filters.and(Filters.eq("name", name),
                Filters.eq("scope.type", scope.getString("type")),
                Filters.eq("scope.data", scope.getString("data"))));
    }

    static Document serialized(SerializedObject<String> object) {
        return new Document("type", object.getType().getName())
                .append("revision", object.getType().getRevision())
                .append("data", object.getData());
    }

    static SerializedObject<String> serializedObject(Document doc) {
        return new SimpleSerializedObject<>(doc.getString("data"), String.class, doc.getString("type"),
                doc.getString("revision"));
    }

    /** Dates keep milliseconds; rounding up keeps a deadline from firing before its time. */
    private static Instant roundedUp(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(instant) ? millis : millis.plusMillis(1);
    }
}
