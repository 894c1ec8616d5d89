package org.dyad.domain.restriction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Soft coercion, recorded by anyone on the team, the peer, or the person served. */
public sealed interface CoercionCommand {

    String coercionId();

    record RecordCoercion(@TargetAggregateIdentifier String coercionId, String caseId, CoercionKind kind,
                          String whatHappened, String recordedBy, boolean recordedByPersonServed,
                          Instant occurredAt, Instant recordedAt) implements CoercionCommand {
    }

    record AddPersonsAccountOfCoercion(@TargetAggregateIdentifier String coercionId, String account,
                                       Instant recordedAt) implements CoercionCommand {
    }
}
