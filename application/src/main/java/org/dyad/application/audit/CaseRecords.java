package org.dyad.application.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A case's stored events across its aggregates in timeline order: by time recorded, then aggregate, then sequence. */
@Component
class CaseRecords {

    static final Comparator<DomainEventMessage<?>> TIMELINE_ORDER =
            Comparator.<DomainEventMessage<?>, java.time.Instant>comparing(DomainEventMessage::getTimestamp)
                    .thenComparing(DomainEventMessage::getAggregateIdentifier)
                    .thenComparingLong(DomainEventMessage::getSequenceNumber);

    private final EventStore eventStore;
    private final CaseAggregates aggregates;

    CaseRecords(EventStore eventStore, CaseAggregates aggregates) {
        this.eventStore = eventStore;
        this.aggregates = aggregates;
    }

    /** Payloads stay serialised until asked for, so a page of a long record reads only its own. */
    List<DomainEventMessage<?>> read(String caseId) {
        List<DomainEventMessage<?>> record = new ArrayList<>();
        for (String aggregateId : aggregates.of(caseId)) {
            eventStore.readEvents(aggregateId).forEachRemaining(record::add);
        }
        record.sort(TIMELINE_ORDER);
        return record;
    }

    /** The form an event is named by in the API: {@code <aggregateId>:<sequenceNumber>}. */
    static String nameOf(DomainEventMessage<?> event) {
        return event.getAggregateIdentifier() + ":" + event.getSequenceNumber();
    }
}
