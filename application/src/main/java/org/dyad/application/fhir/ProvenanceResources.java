package org.dyad.application.fhir;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.dyad.application.fhir.FhirCodes.ACCOUNT_ROLE;
import static org.dyad.application.fhir.FhirCodes.DATA_OPERATION;
import static org.dyad.application.fhir.FhirCodes.PROVENANCE_AGENT;
import static org.dyad.application.fhir.FhirCodes.concept;
import static org.dyad.application.fhir.FhirCodes.date;
import static org.dyad.application.fhir.FhirCodes.words;

/**
 * Who recorded what the exported resources were built from, and when: one Provenance per aggregate, from its
 * events' metadata (actor and role) and their timestamps. The first actor authored it; later ones entered changes.
 */
@Component
class ProvenanceResources {

    private record Actor(String id, String role) {
    }

    private final EventStore eventStore;

    ProvenanceResources(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    void add(ExportBundle bundle) {
        for (Map.Entry<String, List<Reference>> built : bundle.resourcesByAggregate().entrySet()) {
            Provenance provenance = provenance(bundle, built.getKey());
            if (provenance != null) {
                built.getValue().forEach(target -> provenance.addTarget(target.copy()));
                bundle.add(null, "provenance/" + built.getKey(), provenance);
            }
        }
    }

    private Provenance provenance(ExportBundle bundle, String aggregateId) {
        Map<Actor, Boolean> actors = new LinkedHashMap<>();
        Instant first = null;
        Instant last = null;
        int events = 0;
        DomainEventStream stream = eventStore.readEvents(aggregateId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            first = first == null ? event.getTimestamp() : first;
            last = event.getTimestamp();
            actors.putIfAbsent(new Actor(text(event, "actorId"), text(event, "actorRole")), actors.isEmpty());
            events++;
        }
        if (events == 0) {
            return null;
        }
        Provenance provenance = new Provenance().setRecorded(date(last))
                .setOccurred(new Period().setStart(date(first)).setEnd(date(last)))
                .setActivity(events == 1 ? concept(DATA_OPERATION, "CREATE", "create")
                        : concept(DATA_OPERATION, "UPDATE", "revise"));
        actors.forEach((actor, authored) -> provenance.addAgent()
                .setType(authored ? concept(PROVENANCE_AGENT, "author", "Author")
                        : concept(PROVENANCE_AGENT, "enterer", "Enterer"))
                .addRole(concept(ACCOUNT_ROLE, actor.role(), words(actor.role())))
                .setWho(bundle.who(actor.id(), actor.id())));
        return provenance;
    }

    private static String text(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? "unknown" : value.toString();
    }
}
