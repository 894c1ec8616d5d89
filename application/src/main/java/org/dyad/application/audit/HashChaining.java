package org.dyad.application.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every domain event, as it is published, with its hash and the previous event's hash in the same
 * aggregate, so any later change, removal or reordering in the store shows when the chain is walked.
 */
@Component
public class HashChaining implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final int REMEMBERED_AGGREGATES = 10_000;

    private record Link(long sequence, String hash) {
    }

    private final EventStore eventStore;
    private final EventHashes hashes;
    /** The last link of the most recently written aggregates; an older one is read back from the store. */
    private final Map<String, Link> lastLink = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
            return size() > REMEMBERED_AGGREGATES;
        }
    });

    public HashChaining(EventStore eventStore, EventHashes hashes) {
        this.eventStore = eventStore;
        this.hashes = hashes;
        eventStore.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            if (!(message instanceof DomainEventMessage<?> event)) {
                return message;
            }
            String aggregateId = event.getAggregateIdentifier();
            String previous = previousHash(aggregateId, event.getSequenceNumber());
            String hash = hashes.hash(event, previous);
            lastLink.put(aggregateId, new Link(event.getSequenceNumber(), hash));
            // A rolled-back command's events are never stored: forget what they would have chained to.
            CurrentUnitOfWork.ifStarted(uow -> uow.onRollback(u -> lastLink.remove(aggregateId)));
            return event.andMetaData(Map.of(EventHashes.PREVIOUS_HASH, previous, EventHashes.HASH, hash));
        };
    }

    private String previousHash(String aggregateId, long sequence) {
        if (sequence == 0) {
            return EventHashes.FIRST;
        }
        Link known = lastLink.get(aggregateId);
        if (known != null && known.sequence() == sequence - 1) {
            return known.hash();
        }
        DomainEventStream stored = eventStore.readEvents(aggregateId, sequence - 1);
        while (stored.hasNext()) {
            DomainEventMessage<?> event = stored.next();
            if (event.getSequenceNumber() == sequence - 1) {
                return String.valueOf(event.getMetaData().get(EventHashes.HASH));
            }
        }
        throw new IllegalStateException("No stored event " + (sequence - 1) + " of " + aggregateId + " to chain to");
    }
}
