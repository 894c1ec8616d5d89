package org.dyad.application.audit;

import org.dyad.domain.shared.Sensitivity;

import java.time.Instant;

/**
 * One event of a case's record as an auditor may see it. When {@code redacted}, the content is withheld
 * ({@code payload} null, {@code placeholder} says what kind it was); its existence, time, actor and hash remain.
 */
public record TimelineEntry(String aggregateId, long sequenceNumber, String eventType, String family, Instant at,
                            String actorId, String actorRole, String correlationId, String reason, String hash,
                            String previousHash, Sensitivity category, boolean redacted, String placeholder,
                            Object payload) {
}
