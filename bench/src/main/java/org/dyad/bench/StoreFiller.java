package org.dyad.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.dyad.domain.cases.CaseEvent;
import org.dyad.domain.cases.Setting;
import org.dyad.infra.axon.eventstore.FlatEventStorageEngine;
import org.dyad.infra.mongo.Durability;
import org.dyad.infra.mongo.MongoConnection;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Grows a stopped app's store to a given number of events: years of finished cases, each opened on one of 1,000
 * units, given goals eight times and closed, written in the app's own event format straight into its data
 * directory. The app then projects them like any events it has not yet seen.
 */
final class StoreFiller {

    static final int EVENTS_PER_CASE = 10;
    private static final int UNITS = 1000;
    private static final int BATCH = 1000;

    private StoreFiller() {
    }

    /** Appends filler until the store holds at least {@code total} events; returns how many it wrote. */
    static long fillTo(Path dataDir, String backend, long total) {
        ObjectMapper json = JsonMapper.builder().findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(json).build();
        try (MongoConnection connection = MongoConnection.embedded(backend, dataDir, Durability.BACKGROUND,
                "127.0.0.1", 0, "dyad")) {
            FlatEventStorageEngine engine = FlatEventStorageEngine.builder()
                    .database(connection.client().getDatabase("dyad"))
                    .singleWriter(true)
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .batchSize(BATCH)
                    .build();
            long stored = connection.client().getDatabase("dyad")
                    .getCollection(FlatEventStorageEngine.EVENTS).estimatedDocumentCount();
            long written = 0;
            long firstCase = stored;
            List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
            for (long c = firstCase; stored + written < total; c++) {
                batch.addAll(finishedCase("filler-" + c, "scale-" + (c % UNITS)));
                if (batch.size() >= BATCH) {
                    engine.appendEvents(batch);
                    written += batch.size();
                    batch.clear();
                    if (written % 100_000 < BATCH) {
                        Bench.progress("scale: filled %,d of %,d events", stored + written, total);
                    }
                }
            }
            if (!batch.isEmpty()) {
                engine.appendEvents(batch);
                written += batch.size();
            }
            return written;
        }
    }

    /**
     * The events read back through the driver two ways, in turn, from the store the app is about to start on or has
     * just stopped on (the server's page cache as cold as the app's at its start): ranges of {@value #BATCH} ids, as a tracking processor reads
     * them, and one {@code find()} over the collection, which the embedded server answers by collecting every match
     * before the first batch goes out. Raw reads, nothing deserialized; documents per second.
     */
    record ReadBack(double rangesPerSecond, double findPerSecond) {
        /** The faster of the two: what a rebuild of this store is held to. */
        double best() {
            return Math.max(rangesPerSecond, findPerSecond);
        }
    }

    static ReadBack readBack(Path dataDir, String backend) {
        try (MongoConnection connection = MongoConnection.embedded(backend, dataDir, Durability.BACKGROUND,
                "127.0.0.1", 0, "dyad")) {
            MongoCollection<org.bson.Document> events = connection.client().getDatabase("dyad")
                    .getCollection(FlatEventStorageEngine.EVENTS);
            long total = events.estimatedDocumentCount();
            long start = System.nanoTime();
            long n = 0;
            // The ids are dense from 1 (GlobalSequence), so the ranges end at the count.
            for (long after = 0; n < total && after < total + BATCH; after += BATCH) {
                for (org.bson.Document ignored : events.find(new org.bson.Document("_id",
                        new org.bson.Document("$gt", after).append("$lte", after + BATCH))).batchSize(BATCH)) {
                    n++;
                }
            }
            double ranges = n / ((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            n = 0;
            for (org.bson.Document ignored : events.find().batchSize(BATCH)) {
                n++;
            }
            return new ReadBack(ranges, n / ((System.nanoTime() - start) / 1e9));
        }
    }

    private static List<DomainEventMessage<?>> finishedCase(String caseId, String unit) {
        MetaData meta = MetaData.with("actorId", "bench-filler");
        List<Object> payloads = new ArrayList<>(EVENTS_PER_CASE);
        payloads.add(new CaseEvent.CaseOpened(caseId, "Filler " + caseId.substring(7), "they/them",
                LocalDate.of(1980, 1, 1), Setting.OUTPATIENT, unit, null, false));
        for (int g = 0; g < EVENTS_PER_CASE - 2; g++) {
            payloads.add(new CaseEvent.GoalsRecorded(caseId, "Synthetic history " + g + ": back to the garden.",
                    List.of("sleep through the night", "walk every morning"), List.of("gardening")));
        }
        payloads.add(new CaseEvent.CaseClosed(caseId, "Synthetic history: finished."));
        List<DomainEventMessage<?>> events = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            events.add(new GenericDomainEventMessage<>("Case", caseId, i, payloads.get(i), meta));
        }
        return events;
    }
}
