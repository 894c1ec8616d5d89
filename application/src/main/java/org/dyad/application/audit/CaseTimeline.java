package org.dyad.application.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.Viewer;
import org.dyad.application.shared.InvalidInput;
import org.dyad.domain.cotreatment.SessionEvent;
import org.dyad.domain.decision.DecisionEvent;
import org.dyad.domain.disclosure.DisclosureEvent;
import org.dyad.domain.shared.Sensitivity;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A case's whole record as one timeline across its aggregates, for auditors, filtered by the same access policy:
 * what the person never agreed to share stays redacted, while its existence, time, actor and hash remain.
 */
@Service
public class CaseTimeline {

    /** The most entries one page carries. */
    public static final int MAX_PAGE = 1000;

    private final CaseRecords records;
    private final AuditAccess access;

    public CaseTimeline(CaseRecords records, AuditAccess access) {
        this.records = records;
        this.access = access;
    }

    public TimelinePage all(Viewer viewer, String caseId) {
        return read(viewer, caseId, 0, Integer.MAX_VALUE, AuditAccess.REPLAY);
    }

    public TimelinePage page(Viewer viewer, String caseId, int offset, int limit) {
        if (offset < 0) {
            throw new InvalidInput("offset", "The offset is 0 or more.");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInput("limit", "A page holds 1 to " + MAX_PAGE + " events.");
        }
        return read(viewer, caseId, offset, limit, AuditAccess.REPLAY);
    }

    /** The whole timeline for an export; reads are logged as exported. */
    List<TimelineEntry> exported(Viewer viewer, String caseId) {
        return read(viewer, caseId, 0, Integer.MAX_VALUE, AuditAccess.EXPORT).entries();
    }

    private TimelinePage read(Viewer viewer, String caseId, int offset, int limit, String channel) {
        AuditRedaction redaction = access.open(viewer, caseId, channel, "The replay of a record is for auditors.");
        List<DomainEventMessage<?>> record = records.read(caseId);
        Map<String, Sensitivity> noteCategories = new HashMap<>();
        List<TimelineEntry> entries = new ArrayList<>();
        int end = (int) Math.min(record.size(), (long) offset + limit);
        for (int i = 0; i < end; i++) {
            DomainEventMessage<?> event = record.get(i);
            if (i < offset) {
                rememberNoteCategory(event, noteCategories);
            } else {
                entries.add(entry(event, categoryOf(event, noteCategories), redaction));
            }
        }
        return new TimelinePage(record.size(), offset, entries);
    }

    private static TimelineEntry entry(DomainEventMessage<?> event, Sensitivity category, AuditRedaction redaction) {
        String type = event.getPayloadType().getSimpleName();
        boolean redacted = !redaction.shows(category, type + " " + event.getAggregateIdentifier() + "#" + event.getSequenceNumber());
        MetaData m = event.getMetaData();
        return new TimelineEntry(event.getAggregateIdentifier(), event.getSequenceNumber(), type,
                familyOf(event.getPayloadType()), event.getTimestamp(), text(m, "actorId"), text(m, "actorRole"),
                text(m, "correlationId"), text(m, "reason"), text(m, EventHashes.HASH),
                text(m, EventHashes.PREVIOUS_HASH), category, redacted,
                redacted ? AccessPolicy.placeholderFor(category) : null, redacted ? null : event.getPayload());
    }

    /** "Case" for CaseEvent.GoalsRecorded: the sealed family an event belongs to, so clients can filter by kind. */
    static String familyOf(Class<?> payloadType) {
        Class<?> family = payloadType.getEnclosingClass() != null ? payloadType.getEnclosingClass() : payloadType;
        String name = family.getSimpleName();
        return name.endsWith("Event") && name.length() > "Event".length() ? name.substring(0, name.length() - 5) : name;
    }

    /** Only a note's first version names its category; amendments keep it. */
    private static void rememberNoteCategory(DomainEventMessage<?> event, Map<String, Sensitivity> noteCategories) {
        if (event.getPayloadType() == SessionEvent.NoteWritten.class) {
            categoryOf(event, noteCategories);
        }
    }

    /** The category of the free text an event carries, or null when it carries none of its own. */
    private static Sensitivity categoryOf(DomainEventMessage<?> event, Map<String, Sensitivity> noteCategories) {
        Object payload = event.getPayload();
        if (payload instanceof SessionEvent.NoteWritten e) {
            noteCategories.put(event.getAggregateIdentifier() + " " + e.authorId(), e.category());
            return e.category();
        }
        if (payload instanceof SessionEvent.NoteAmended e) {
            return noteCategories.getOrDefault(event.getAggregateIdentifier() + " " + e.authorId(), Sensitivity.PEER_CONFIDENTIAL);
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
