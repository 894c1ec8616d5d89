package org.dyad.infra.axon.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.dyad.infra.mongo.InLists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Axon events in MongoDB in a layout whose every query is an equality, an {@code $in} or (on {@code _id}) a bounded
 * range on a unique single-field index, so its costs do not grow with the store, on the embedded server (which
 * scans for anything else; {@code OrderedUniqueIndex} reads ranges) as on MongoDB.
 * <ul>
 *   <li>{@code events}: {@code _id} is a dense global sequence ({@link GlobalSequence}); the unique
 *   {@code aggregateKey} ({@code <aggregate id>#<sequence number>}) refuses a second event at the same place, which is
 *   how a concurrent change to an aggregate is caught. An aggregate is read as {@code $in} over the keys it must
 *   have, a chunk at a time; tracking readers take the range of the next ids and {@code $in} over the gaps they
 *   wait for.</li>
 *   <li>{@code snapshots}: one per aggregate, keyed by its id and replaced in place.</li>
 * </ul>
 * Tokens are {@link GapAwareTrackingToken}s: an id reserved by a write still in flight, or by one that failed, is a
 * gap; a gap is given up once the event after it is older than the gap timeout.
 */
public final class FlatEventStorageEngine extends BatchingEventStorageEngine {

    public static final String EVENTS = "events";
    public static final String SNAPSHOTS = "snapshots";
    public static final String COUNTERS = "counters";
    public static final String AGGREGATE_KEY = "aggregateKey";
    /** The most keys asked for at a time when reading one aggregate. */
    static final int AGGREGATE_CHUNK = InLists.MAX_VALUES;
    /** Most aggregates are short: the first chunk is small, and chunks double from there. */
    private static final int AGGREGATE_FIRST_CHUNK = 16;
    private static final int MAX_GAP_OFFSET = 10_000;
    private static final int GAP_CLEANING_THRESHOLD = 250;
    private static final int MAX_ID_ATTEMPTS = 20;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final GlobalSequence sequence;
    private final EventEntryConfiguration fields = EventEntryConfiguration.getDefault();
    private final Duration gapTimeout;
    private final boolean singleWriter;
    private final LastSequenceNumbers lastKnown = new LastSequenceNumbers(10_000);
    /** Only while this process is the single writer; otherwise null. */
    private final RecentAppends recent;

    private FlatEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(EVENTS);
        this.snapshots = builder.database.getCollection(SNAPSHOTS);
        this.gapTimeout = builder.gapTimeout;
        this.singleWriter = builder.singleWriter;
        events.createIndex(Indexes.ascending(AGGREGATE_KEY), new IndexOptions().unique(true).name(AGGREGATE_KEY));
        MongoCollection<Document> counters = builder.database.getCollection(COUNTERS);
        this.sequence = builder.singleWriter
                ? GlobalSequence.singleWriter(counters, events, builder.batchSize)
                : GlobalSequence.sharedWriter(counters, events);
        this.recent = builder.singleWriter ? new RecentAppends(2 * builder.batchSize) : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    static String aggregateKey(String aggregateId, long sequenceNumber) {
        return aggregateId + "#" + sequenceNumber;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            DomainEventMessage<?> event = EventUtils.asDomainEventMessage(message);
            Document document = new Document(AGGREGATE_KEY,
                    aggregateKey(event.getAggregateIdentifier(), event.getSequenceNumber()));
            document.putAll(new EventEntry(event, serializer).asDocument(fields));
            documents.add(document);
        }
        int stored = 0;
        try {
            for (int attempt = 1; stored < documents.size(); attempt++) {
                List<Document> rest = documents.subList(stored, documents.size());
                long first = sequence.reserve(rest.size());
                for (int i = 0; i < rest.size(); i++) {
                    rest.get(i).put("_id", first + i);
                }
                try {
                    events.insertMany(rest, new InsertManyOptions().ordered(true));
                    stored = documents.size();
                    rest.forEach(d -> lastKnown.remember((String) d.get(fields.aggregateIdentifierProperty()),
                            ((Number) d.get(fields.sequenceNumberProperty())).longValue()));
                } catch (MongoBulkWriteException e) {
                    BulkWriteError error = e.getWriteErrors().get(0);
                    if (!isIdTaken(error) || attempt == MAX_ID_ATTEMPTS) {
                        handlePersistenceException(e, messages.get(stored + error.getIndex()));
                    }
                    // Another writer was handed the same id (the embedded server's $inc is not atomic across
                    // connections): keep what was stored, take new ids for the rest.
                    stored += error.getIndex();
                }
            }
            if (recent != null) {
                recent.stored(documents);
            }
        } catch (MongoException e) {
            throw new EventStoreException("Could not store " + messages.size() + " events", e);
        } catch (IllegalStateException e) {
            throw new EventStoreException("Could not store " + messages.size() + " events", e);
        }
    }

    private static boolean isIdTaken(BulkWriteError error) {
        return ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY
                && error.getMessage().contains("index: _id_ ");
    }

    private static boolean isDuplicateKey(Exception exception) {
        return exception instanceof MongoBulkWriteException bulk
                && bulk.getWriteErrors().stream()
                .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }

    /**
     * Reads a chunk of the keys the aggregate must have from {@code firstSequenceNumber} on. A chunk that comes back
     * short is followed by the next, until one comes back empty, so a missing event cannot hide those after it.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        List<EventEntry> found = new ArrayList<>();
        // Deep into a long stream already: ask for whole chunks straight away.
        int chunk = firstSequenceNumber >= AGGREGATE_CHUNK ? AGGREGATE_CHUNK : AGGREGATE_FIRST_CHUNK;
        for (long from = firstSequenceNumber; ; from += chunk, chunk = Math.min(chunk * 2, AGGREGATE_CHUNK)) {
            List<String> keys = LongStream.range(from, from + chunk)
                    .mapToObj(n -> aggregateKey(aggregateIdentifier, n)).toList();
            int before = found.size();
            for (Document document : events.find(in(AGGREGATE_KEY, keys))) {
                found.add(new StoredEventEntry(document, fields));
            }
            int inChunk = found.size() - before;
            if (inChunk == 0 || (inChunk == chunk && found.size() >= AGGREGATE_CHUNK)) {
                break;
            }
        }
        found.sort(Comparator.comparingLong(EventEntry::getSequenceNumber));
        if (!found.isEmpty()) {
            lastKnown.remember(aggregateIdentifier, found.get(found.size() - 1).getSequenceNumber());
        }
        return found;
    }

    /**
     * Starts from the last sequence number this engine wrote or read for the aggregate; as the store's only writer
     * it needs no query then. Otherwise it probes single keys, doubling, then halving: a few lookups however long
     * the aggregate's history.
     */
    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Long known = lastKnown.get(aggregateIdentifier);
        if (known != null && singleWriter) {
            return Optional.of(known);
        }
        long present = known == null ? -1 : known;
        if (!exists(aggregateIdentifier, present + 1)) {
            return present < 0 ? Optional.empty() : Optional.of(present);
        }
        present++;
        long absent;
        for (long step = 1; ; step *= 2) {
            if (exists(aggregateIdentifier, present + step)) {
                present += step;
            } else {
                absent = present + step;
                break;
            }
        }
        while (absent - present > 1) {
            long middle = (present + absent) >>> 1;
            if (exists(aggregateIdentifier, middle)) {
                present = middle;
            } else {
                absent = middle;
            }
        }
        lastKnown.remember(aggregateIdentifier, present);
        return Optional.of(present);
    }

    private boolean exists(String aggregateIdentifier, long sequenceNumber) {
        return events.find(eq(AGGREGATE_KEY, aggregateKey(aggregateIdentifier, sequenceNumber)))
                .projection(Projections.include("_id")).first() != null;
    }

    /** Axon's batched stream, except that the next batch is fetched while the reader handles this one. */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        return ReadAhead.stream(trackingToken, token -> fetchTrackedEvents(token, batchSize()),
                TrackedEventData::trackingToken);
    }

    /**
     * As Axon's, from {@link #readEventData}'s batches, except that each batch's payloads are deserialized on the
     * thread that reads it ahead, not on the processor's. Metadata stays lazy: the projections seldom read it, and
     * deserializing it for every event cost as much as the payloads.
     */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return ReadAhead.stream(trackingToken, token -> deserialized(fetchTrackedEvents(token, batchSize())),
                TrackedEventMessage::trackingToken);
    }

    private List<TrackedEventMessage<?>> deserialized(List<? extends TrackedEventData<?>> batch) {
        List<TrackedEventMessage<?>> messages = EventUtils.upcastAndDeserializeTrackedEvents(batch.stream(),
                getEventSerializer(), upcasterChain).toList();
        for (TrackedEventMessage<?> message : messages) {
            try {
                message.getPayload();
            } catch (RuntimeException e) {
                // left lazy: the processor meets the failure where it would have without this
            }
        }
        return messages;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken previous = lastToken == null
                ? GapAwareTrackingToken.newInstance(0, Collections.emptySortedSet())
                : cleaned(asGapAware(lastToken));
        long index = previous.getIndex();
        // As the only writer, this process knows what follows the index: events it stored (read from memory) or
        // nothing handed out yet. Anything else (an append still in flight, a reader further back, a token with
        // gaps) goes to the store. Waiting for an append in flight instead made the processor's batches smaller,
        // which cost each command more CPU than the query saved.
        boolean ownHead = recent != null && previous.getGaps().isEmpty();
        List<Document> found = ownHead ? recent.after(index, batchSize) : List.of();
        if (found.isEmpty()) {
            if (ownHead && sequence.firstUnreserved() <= index + 1) {
                return List.of();
            }
            found = readStored(previous, batchSize);
        }
        Instant gapThreshold = gapThreshold();
        GapAwareTrackingToken token = previous;
        List<TrackedEventData<?>> result = new ArrayList<>(found.size());
        for (Document document : found) {
            EventEntry entry = new StoredEventEntry(document, fields);
            boolean allowGaps = entry.getTimestamp().isAfter(gapThreshold);
            token = token.advanceTo(idOf(document), allowGaps ? MAX_GAP_OFFSET : 0);
            result.add(new TrackedDomainEventData<>(token, entry));
        }
        return result;
    }

    /**
     * The gaps of the token that have been stored since, and the range of ids past its index. The embedded server
     * matches every found document against the whole $in list again, so a list costs the square of its length: the
     * gaps go in chunks of InLists.MAX_VALUES.
     */
    private List<Document> readStored(GapAwareTrackingToken previous, int batchSize) {
        long index = previous.getIndex();
        List<Document> found = new ArrayList<>();
        List<Long> gaps = new ArrayList<>(previous.getGaps());
        for (int from = 0; from < gaps.size(); from += InLists.MAX_VALUES) {
            events.find(in("_id", gaps.subList(from, Math.min(gaps.size(), from + InLists.MAX_VALUES))))
                    .forEach(found::add);
        }
        events.find(new Document("_id", new Document("$gt", index).append("$lte", index + batchSize)))
                .batchSize(batchSize)
                .forEach(found::add);
        found.sort(Comparator.comparingLong(FlatEventStorageEngine::idOf));
        return found;
    }

    /** Drops gaps whose next stored event is older than the gap timeout: whatever held them is not coming. */
    private GapAwareTrackingToken cleaned(GapAwareTrackingToken token) {
        SortedSet<Long> gaps = token.getGaps();
        if (gaps.size() <= GAP_CLEANING_THRESHOLD) {
            return token;
        }
        List<Long> following = gaps.stream().map(gap -> gap + 1).filter(id -> !gaps.contains(id)).toList();
        Instant gapThreshold = gapThreshold();
        SortedSet<Long> stale = new TreeSet<>();
        for (Document document : events.find(in("_id", following))) {
            if (new StoredEventEntry(document, fields).getTimestamp().isBefore(gapThreshold)) {
                long id = idOf(document);
                for (long gap = id - 1; gaps.contains(gap); gap--) {
                    stale.add(gap);
                }
            }
        }
        if (stale.isEmpty()) {
            return token;
        }
        SortedSet<Long> kept = new TreeSet<>(gaps);
        kept.removeAll(stale);
        return GapAwareTrackingToken.newInstance(token.getIndex(), kept);
    }

    private Instant gapThreshold() {
        return GenericEventMessage.clock.instant().minus(gapTimeout);
    }

    private static GapAwareTrackingToken asGapAware(TrackingToken token) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware;
        }
        throw new IllegalArgumentException("Expected a GapAwareTrackingToken, got " + token);
    }

    private static long idOf(Document document) {
        return ((Number) document.get("_id")).longValue();
    }

    @Override
    public TrackingToken createTailToken() {
        return GapAwareTrackingToken.newInstance(0, Collections.emptySortedSet());
    }

    @Override
    public TrackingToken createHeadToken() {
        return GapAwareTrackingToken.newInstance(sequence.highestStored(), Collections.emptySortedSet());
    }

    /** Scans: the timestamp has no unique index. Used only to start a processor at a point in time. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Document first = events.find(Filters.gte(fields.timestampProperty(), dateTime.toString()))
                .sort(Sorts.ascending("_id")).projection(Projections.include("_id")).first();
        if (first == null) {
            return createHeadToken();
        }
        return GapAwareTrackingToken.newInstance(idOf(first) - 1, Collections.emptySortedSet());
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document document = new EventEntry(snapshot, serializer).asDocument(fields);
        document.put("_id", snapshot.getAggregateIdentifier());
        try {
            snapshots.replaceOne(eq("_id", snapshot.getAggregateIdentifier()), document,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            throw new EventStoreException("Could not store the snapshot of " + snapshot.getAggregateIdentifier(), e);
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document document = snapshots.find(eq("_id", aggregateIdentifier)).first();
        return document == null ? Stream.empty() : Stream.of(new StoredEventEntry(document, fields));
    }

    public static final class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private boolean singleWriter;
        private Duration gapTimeout = Duration.ofMinutes(1);
        private int batchSize = 1000;

        private Builder() {
            persistenceExceptionResolver(FlatEventStorageEngine::isDuplicateKey);
            finalAggregateBatchPredicate(batch -> batch.size() < AGGREGATE_CHUNK);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** True only when no other process writes to this store: ids are then reserved a batch at a time. */
        public Builder singleWriter(boolean singleWriter) {
            this.singleWriter = singleWriter;
            return this;
        }

        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            this.batchSize = batchSize;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        public FlatEventStorageEngine build() {
            if (database == null) {
                throw new IllegalStateException("A database is required");
            }
            return new FlatEventStorageEngine(this);
        }
    }
}
