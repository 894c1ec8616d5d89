package org.dyad.domain.restriction;

import java.time.Instant;

public sealed interface CoercionEvent {

    String coercionId();

    record CoercionRecorded(String coercionId, String caseId, CoercionKind kind, String whatHappened,
                            String recordedBy, boolean recordedByPersonServed, Instant occurredAt,
                            Instant recordedAt) implements CoercionEvent {
    }

    record PersonsAccountOfCoercionAdded(String coercionId, String account, Instant recordedAt)
            implements CoercionEvent {
    }
}
