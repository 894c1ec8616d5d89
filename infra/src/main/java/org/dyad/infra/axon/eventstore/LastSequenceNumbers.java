package org.dyad.infra.axon.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;

/** The highest sequence number seen per aggregate, for the most recently used aggregates. */
final class LastSequenceNumbers {

    private final Map<String, Long> bySequence;

    LastSequenceNumbers(int capacity) {
        this.bySequence = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Long get(String aggregateId) {
        return bySequence.get(aggregateId);
    }

    synchronized void remember(String aggregateId, long sequenceNumber) {
        bySequence.merge(aggregateId, sequenceNumber, Math::max);
    }
}
