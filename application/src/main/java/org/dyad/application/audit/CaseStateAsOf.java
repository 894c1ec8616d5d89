package org.dyad.application.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.dyad.application.access.CaseAccess;
import org.dyad.application.access.Viewer;
import org.dyad.application.cases.CaseDetails;
import org.dyad.application.cases.CaseFold;
import org.dyad.application.cases.CaseView;
import org.dyad.application.users.UserDirectory;
import org.dyad.domain.cases.CaseEvent;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A case's state as it was at any event or instant: its timeline up to there, folded by the projections' own folds. */
@Service
public class CaseStateAsOf {

    private final CaseRecords records;
    private final CaseAggregates aggregates;
    private final AuditAccess access;
    private final UserDirectory users;

    public CaseStateAsOf(CaseRecords records, CaseAggregates aggregates, AuditAccess access, UserDirectory users) {
        this.records = records;
        this.aggregates = aggregates;
        this.access = access;
        this.users = users;
    }

    public StateAsOf of(Viewer viewer, String caseId, String asOf, String atEvent) {
        AuditRedaction redaction = access.open(viewer, caseId, AuditAccess.REPLAY,
                "The state of a record as of a point is for auditors.");
        ReplayPoint point = ReplayPoint.parse(asOf, atEvent);
        List<DomainEventMessage<?>> timeline = records.read(caseId);
        int folded = point.eventsUpTo(timeline);
        List<Part<?>> parts = aggregates.parts().stream().<Part<?>>map(Part::new).toList();
        Map<String, String> names = new HashMap<>(); // one lookup per person, not one per event
        Function<String, String> displayName = userId -> names.computeIfAbsent(userId, users::displayName);
        CaseView caseView = null;
        for (DomainEventMessage<?> event : timeline.subList(0, folded)) {
            Object payload = event.getPayload();
            if (payload instanceof CaseEvent e) {
                caseView = CaseFold.apply(caseView, e, event.getTimestamp(), event.getSequenceNumber(), displayName);
            } else {
                RecordPart.Folding folding = new RecordPart.Folding(caseView, displayName);
                parts.stream().filter(p -> p.part.folds(payload)).findFirst().ifPresent(p -> p.fold(event, folding));
            }
        }
        Map<String, Object> state = new LinkedHashMap<>();
        for (Part<?> part : parts) {
            part.summarise(caseView);
        }
        state.put("case", caseView == null ? null : CaseDetails.of(caseView, CaseAccess.FULL));
        parts.forEach(part -> state.put(part.part.name(), part.shown(redaction)));
        DomainEventMessage<?> last = folded == 0 ? null : timeline.get(folded - 1);
        return new StateAsOf(caseId, point.asOf(), point.atEvent(), last == null ? null : CaseRecords.nameOf(last),
                last == null ? null : last.getTimestamp(), folded, timeline.size(), state);
    }

    /** One kind's views as folded so far, keyed by aggregate in the order they began. */
    private static final class Part<V> {
        private final RecordPart<V> part;
        private final Map<String, V> views = new LinkedHashMap<>();

        Part(RecordPart<V> part) {
            this.part = part;
        }

        void fold(DomainEventMessage<?> event, RecordPart.Folding folding) {
            String id = event.getAggregateIdentifier();
            views.put(id, part.fold(views.get(id), event, folding));
        }

        void summarise(CaseView caseView) {
            if (caseView != null) {
                part.summarise(caseView, List.copyOf(views.values()));
            }
        }

        List<?> shown(AuditRedaction redaction) {
            return part.shown(List.copyOf(views.values()), redaction);
        }
    }
}
