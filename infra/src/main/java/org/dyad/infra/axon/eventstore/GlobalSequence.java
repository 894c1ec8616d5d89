package org.dyad.infra.axon.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.List;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Hands out the dense global sequence that keys every stored event ({@code _id} 1, 2, 3, …). The counter document
 * holds the next id nobody has reserved. A single writer reserves a block at a time and, on start, moves the counter
 * back to just above the highest stored event, so a crash leaves no hole. Several writers reserve exactly what each
 * append needs; an id reserved by a write that then fails stays a gap, which tracking readers wait out.
 */
final class GlobalSequence {

    static final String COUNTER_ID = "events";
    private static final String NEXT = "next";

    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> events;
    private final int blockSize;
    private long blockNext;
    private long blockEnd;

    private GlobalSequence(MongoCollection<Document> counters, MongoCollection<Document> events, int blockSize) {
        this.counters = counters;
        this.events = events;
        this.blockSize = blockSize;
        try {
            counters.updateOne(eq("_id", COUNTER_ID), Updates.setOnInsert(NEXT, 1L), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Another node created the counter at the same moment.
        }
    }

    /** The only process writing to this store: ids come from blocks held in memory. */
    static GlobalSequence singleWriter(MongoCollection<Document> counters, MongoCollection<Document> events,
                                       int blockSize) {
        GlobalSequence sequence = new GlobalSequence(counters, events, blockSize);
        long next = sequence.highestStored() + 1;
        counters.updateOne(eq("_id", COUNTER_ID), Updates.set(NEXT, next));
        sequence.blockNext = next;
        sequence.blockEnd = next;
        return sequence;
    }

    /** One of several processes writing to this store: every append reserves its ids from the shared counter. */
    static GlobalSequence sharedWriter(MongoCollection<Document> counters, MongoCollection<Document> events) {
        return new GlobalSequence(counters, events, 1);
    }

    /** For a single writer: the first id not handed out yet. Nothing is stored at it or after it. */
    synchronized long firstUnreserved() {
        return blockNext;
    }

    /** Reserves {@code count} consecutive ids and returns the first. */
    synchronized long reserve(int count) {
        if (blockSize == 1) {
            return increment(count) - count;
        }
        if (blockNext + count > blockEnd) {
            long reserve = Math.max(blockSize, count);
            long end = increment(reserve);
            if (end - reserve != blockEnd) {
                blockNext = end - reserve; // not the block after ours: what was left of ours is never used
            }
            blockEnd = end;
        }
        long first = blockNext;
        blockNext += count;
        return first;
    }

    /** The id of the newest stored event, 0 when there is none. Walks back from the counter a block at a time. */
    long highestStored() {
        long next = counterValue();
        int window = Math.max(blockSize, 1000);
        for (long high = next - 1; high >= 1; high -= window) {
            long low = Math.max(1, high - window + 1);
            List<Long> ids = LongStream.rangeClosed(low, high).boxed().toList();
            long found = 0;
            for (Document document : events.find(in("_id", ids)).projection(Projections.include("_id"))) {
                found = Math.max(found, ((Number) document.get("_id")).longValue());
            }
            if (found > 0) {
                return found;
            }
        }
        return 0;
    }

    private long counterValue() {
        Document counter = counters.find(eq("_id", COUNTER_ID)).first();
        return counter == null ? 1 : ((Number) counter.get(NEXT)).longValue();
    }

    /** Adds {@code count} to the counter and returns its new value (one past the last id reserved). */
    private long increment(long count) {
        Document counter = counters.findOneAndUpdate(eq("_id", COUNTER_ID), Updates.inc(NEXT, count),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get(NEXT)).longValue();
    }
}
