package org.dyad.application.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.dyad.application.access.AccessLog;
import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.AccessRecord;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.dyad.application.consent.ConsentService;
import org.dyad.domain.consent.ConsentTerms;
import org.dyad.domain.cotreatment.SessionEvent;
import org.dyad.domain.decision.DecisionEvent;
import org.dyad.domain.disclosure.DisclosureEvent;
import org.dyad.domain.shared.Sensitivity;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A case's whole record as one timeline across its aggregates, for auditors, filtered by the same access policy:
 * what the person never agreed to share stays redacted, while its existence, time, actor and hash remain.
 */
@Service
public class CaseTimeline {

    private final EventStore eventStore;
    private final CaseAggregates caseAggregates;
    private final AccessPolicy policy;
    private final ConsentService consents;
    private final AccessLog accessLog;
    private final Clock clock;

    public CaseTimeline(EventStore eventStore, CaseAggregates caseAggregates, AccessPolicy policy,
                        ConsentService consents, AccessLog accessLog, Clock clock) {
        this.eventStore = eventStore;
        this.caseAggregates = caseAggregates;
        this.policy = policy;
        this.consents = consents;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    public List<TimelineEntry> events(Viewer viewer, String caseId) {
        if (!policy.mayAudit(viewer)) {
            throw new NotPermitted("The replay of a record is for auditors.");
        }
        List<ConsentTerms> inForce = consents.termsInForce(caseId);
        Instant now = clock.instant();
        List<TimelineEntry> timeline = new ArrayList<>();
        for (String aggregateId : caseAggregates.of(caseId)) {
            Map<String, Sensitivity> noteCategoryByAuthor = new HashMap<>();
            DomainEventStream events = eventStore.readEvents(aggregateId);
            while (events.hasNext()) {
                DomainEventMessage<?> event = events.next();
                Sensitivity category = categoryOf(event.getPayload(), noteCategoryByAuthor);
                boolean redacted = category != null && !policy.mayAuditRead(viewer, category, inForce, now);
                if (category != null && category != Sensitivity.GENERAL && !redacted) {
                    accessLog.record(new AccessRecord(viewer.userId(), viewer.role().name(), caseId,
                            event.getPayloadType().getSimpleName() + " " + aggregateId + "#" + event.getSequenceNumber(),
                            category, "REPLAY", now));
                }
                MetaData m = event.getMetaData();
                timeline.add(new TimelineEntry(aggregateId, event.getSequenceNumber(),
                        event.getPayloadType().getSimpleName(), event.getTimestamp(), text(m, "actorId"),
                        text(m, "actorRole"), text(m, "correlationId"), text(m, "reason"), text(m, EventHashes.HASH),
                        text(m, EventHashes.PREVIOUS_HASH), category, redacted,
                        redacted ? AccessPolicy.placeholderFor(category) : null, redacted ? null : event.getPayload()));
            }
        }
        timeline.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::aggregateId)
                .thenComparingLong(TimelineEntry::sequenceNumber));
        return timeline;
    }

    /** The category of the free text an event carries, or null when it carries none of its own. */
    private static Sensitivity categoryOf(Object payload, Map<String, Sensitivity> noteCategoryByAuthor) {
        if (payload instanceof SessionEvent.NoteWritten e) {
            noteCategoryByAuthor.put(e.authorId(), e.category());
            return e.category();
        }
        if (payload instanceof SessionEvent.NoteAmended e) {
            return noteCategoryByAuthor.getOrDefault(e.authorId(), Sensitivity.PEER_CONFIDENTIAL);
        }
        if (payload instanceof SessionEvent.DifferingViewRecorded e) {
            return e.category();
        }
        if (payload instanceof DecisionEvent.PeerViewRecorded e) {
            return e.category();
        }
        if (payload instanceof DecisionEvent.PsychiatristViewRecorded e) {
            return e.category();
        }
        if (payload instanceof DisclosureEvent.DisclosureRequested e) {
            return e.category();
        }
        if (payload instanceof DisclosureEvent.InformationShared e) {
            return e.category();
        }
        return null;
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
