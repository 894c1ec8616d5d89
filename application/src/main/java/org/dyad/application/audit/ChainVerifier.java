package org.dyad.application.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Objects;

/** Walks the hash chain of every aggregate of a case and names the first event that does not match. */
@Service
public class ChainVerifier {

    private final EventStore eventStore;
    private final EventHashes hashes;
    private final AccessPolicy policy;
    private final CaseAggregates caseAggregates;

    public ChainVerifier(EventStore eventStore, EventHashes hashes, AccessPolicy policy, CaseAggregates caseAggregates) {
        this.eventStore = eventStore;
        this.hashes = hashes;
        this.policy = policy;
        this.caseAggregates = caseAggregates;
    }

    public ChainVerification verify(Viewer viewer, String caseId) {
        if (!policy.mayAudit(viewer)) {
            throw new NotPermitted("Verification of the record is for auditors.");
        }
        List<String> aggregates = caseAggregates.of(caseId);
        int checked = 0;
        for (String aggregateId : aggregates) {
            String previous = EventHashes.FIRST;
            long expected = 0;
            DomainEventStream events = eventStore.readEvents(aggregateId);
            while (events.hasNext()) {
                DomainEventMessage<?> event;
                try {
                    event = events.next();
                } catch (RuntimeException unreadable) {
                    return broken(caseId, checked, aggregates, aggregateId, expected, "unreadable",
                            "the stored event cannot be read: it was altered");
                }
                checked++;
                String type = event.getPayloadType().getSimpleName();
                if (event.getSequenceNumber() != expected) {
                    return broken(caseId, checked, aggregates, aggregateId, event.getSequenceNumber(), type,
                            "expected event " + expected + " here: an event was removed or the order changed");
                }
                if (!Objects.equals(previous, event.getMetaData().get(EventHashes.PREVIOUS_HASH))) {
                    return broken(caseId, checked, aggregates, aggregateId, expected, type,
                            "does not follow the event before it: the chain was cut or reordered");
                }
                String recomputed = hashes.hash(event, previous);
                if (!recomputed.equals(event.getMetaData().get(EventHashes.HASH))) {
                    return broken(caseId, checked, aggregates, aggregateId, expected, type,
                            "its content does not match its hash: it was altered after it was stored");
                }
                previous = recomputed;
                expected++;
            }
        }
        return new ChainVerification(caseId, true, checked, aggregates, null);
    }

    private static ChainVerification broken(String caseId, int checked, List<String> aggregates, String aggregateId,
                                            long sequence, String type, String problem) {
        return new ChainVerification(caseId, false, checked, aggregates,
                new ChainVerification.BrokenLink(aggregateId, sequence, type, problem));
    }
}
