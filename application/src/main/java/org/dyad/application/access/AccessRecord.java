package org.dyad.application.access;

import org.dyad.domain.shared.Sensitivity;

import java.time.Instant;

/** Someone read sensitive content: who, what, when, and through which channel (REST, STOMP, export, replay). */
public record AccessRecord(String viewerId, String viewerRole, String caseId, String item, Sensitivity category,
                           String channel, Instant at) {
}
