package org.dyad.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.dyad.infra.mongo.MongoConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Phase 1: single-document {@code insertOne} in a loop, one thread, through mongodb-driver-sync against
 * {@link MongoConnection#embedded} with the same backend and durability as the app. The documents have the shape
 * and about the size of an Axon event entry, and the collection carries Axon's unique
 * {@code (aggregateIdentifier, sequenceNumber)} index, which the embedded server checks on every insert.
 */
final class RawInsertBench {

    private static final int WARM_UP_SECONDS = 3;

    private RawInsertBench() {
    }

    static Map<String, Object> run(Options options, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        List<Double> rates = new ArrayList<>();
        List<Double> readRates = new ArrayList<>();
        long inserted = 0;
        int docBytes;
        try (MongoConnection connection = MongoConnection.embedded(options.backend(), dataDir, options.durability(),
                "127.0.0.1", 0, "bench")) {
            MongoCollection<Document> events = connection.client().getDatabase("bench").getCollection("events");
            events.createIndex(Indexes.ascending("aggregateKey"), new IndexOptions().unique(true).name("aggregateKey"));
            Sequence sequence = new Sequence();
            docBytes = new RawBsonDocument(eventLike(sequence), new DocumentCodec()).getByteBuffer().remaining();
            sequence = new Sequence();

            Bench.progress("raw insert: warm-up %d s", WARM_UP_SECONDS);
            inserted += insertFor(events, sequence, WARM_UP_SECONDS * 1_000_000_000L);
            for (int w = 1; w <= options.windows(); w++) {
                long start = System.nanoTime();
                long n = insertFor(events, sequence, options.windowSeconds() * 1_000_000_000L);
                double rate = n / ((System.nanoTime() - start) / 1e9);
                rates.add(rate);
                inserted += n;
                Bench.progress("raw insert: window %d/%d: %.0f docs/s", w, options.windows(), rate);
            }
            for (int w = 1; w <= options.windows(); w++) {
                long start = System.nanoTime();
                long n = 0;
                for (Document ignored : events.find().batchSize(1000)) {
                    n++;
                }
                double rate = n / ((System.nanoTime() - start) / 1e9);
                readRates.add(rate);
                Bench.progress("raw read-back: pass %d/%d: %d docs at %.0f docs/s", w, options.windows(), n, rate);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("insertsPerSecondMedian", Stats.round(Stats.median(rates)));
        result.put("insertsPerSecondWindows", rates.stream().map(Stats::round).toList());
        result.put("readBackPerSecondMedian", Stats.round(Stats.median(readRates)));
        result.put("readBackPerSecondPasses", readRates.stream().map(Stats::round).toList());
        result.put("documentBytes", docBytes);
        result.put("documentsInserted", inserted);
        result.put("threads", 1);
        result.put("dataFileBytes", options.backend().equals("h2") ? Files.size(dataDir.resolve("dyad.mv")) : 0L);
        return result;
    }

    private static long insertFor(MongoCollection<Document> events, Sequence sequence, long nanos) {
        long deadline = System.nanoTime() + nanos;
        long n = 0;
        while (System.nanoTime() < deadline) {
            events.insertOne(eventLike(sequence));
            n++;
        }
        return n;
    }

    /** Ten events per synthetic aggregate, like a case with a handful of changes. */
    private static final class Sequence {
        String aggregate = UUID.randomUUID().toString();
        long next;
        long global;

        void advance() {
            global++;
            if (++next == 10) {
                next = 0;
                aggregate = UUID.randomUUID().toString();
            }
        }
    }

    /** Same fields as Dyad's stored events (FlatEventStorageEngine), with a JSON payload like a recorded-goals event. */
    private static Document eventLike(Sequence sequence) {
        long seq = sequence.next;
        String aggregate = sequence.aggregate;
        long id = sequence.global + 1;
        sequence.advance();
        return new Document("_id", id)
                .append("aggregateKey", aggregate + "#" + seq)
                .append("aggregateIdentifier", aggregate)
                .append("type", "Case")
                .append("sequenceNumber", seq)
                .append("serializedPayload", "{\"caseId\":\"" + aggregate + "\",\"whatMattersMost\":\"Synthetic benchmark "
                        + "text: getting back to the garden and the dog.\",\"goals\":[\"sleep through the night\","
                        + "\"go back to part-time work\"],\"personalMedicine\":[\"gardening\",\"calling a friend\"]}")
                .append("timestamp", Instant.now().toString())
                .append("payloadType", "org.dyad.domain.cases.CaseEvent$GoalsRecorded")
                .append("payloadRevision", null)
                .append("serializedMetaData", "{\"traceId\":\"" + UUID.randomUUID() + "\",\"correlationId\":\""
                        + UUID.randomUUID() + "\",\"actor\":\"psychiatrist\"}")
                .append("eventIdentifier", UUID.randomUUID().toString());
    }
}
