package org.dyad.application.audit;

import java.time.Instant;
import java.util.Map;

/** A case's state as of a point: "case" and one entry per kind of record around it, as the auditor may read them. */
public record StateAsOf(String caseId, Instant asOf, String atEvent, String lastEvent, Instant lastEventAt,
                        int eventsFolded, int eventsInRecord, Map<String, Object> state) {
}
