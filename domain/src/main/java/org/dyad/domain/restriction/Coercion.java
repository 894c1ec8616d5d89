package org.dyad.domain.restriction;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.dyad.domain.restriction.CoercionCommand.*;
import org.dyad.domain.restriction.CoercionEvent.*;
import org.dyad.domain.shared.DomainRuleViolation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.dyad.domain.shared.Rules.isBlank;
import static org.dyad.domain.shared.Rules.requireNotInFuture;
import static org.dyad.domain.shared.Rules.requireText;

/** One entry of the soft-coercion ledger, and the person's own account of it. */
public class Coercion {

    @AggregateIdentifier
    private String coercionId;

    protected Coercion() {
        // for Axon
    }

    @CommandHandler
    public Coercion(RecordCoercion command) {
        requireText(command.caseId(), "Coercion is recorded on a case.");
        if (command.kind() == null) {
            throw new DomainRuleViolation("Say what kind of coercion it was.");
        }
        requireText(command.whatHappened(), "Say what happened.");
        if (isBlank(command.recordedBy())) {
            throw new DomainRuleViolation("Say who records it.");
        }
        requireNotInFuture(command.occurredAt(), command.recordedAt());
        apply(new CoercionRecorded(command.coercionId(), command.caseId(), command.kind(), command.whatHappened().strip(),
                command.recordedBy(), command.recordedByPersonServed(), command.occurredAt(), command.recordedAt()));
    }

    @CommandHandler
    public void handle(AddPersonsAccountOfCoercion command) {
        requireText(command.account(), "The account needs words.");
        apply(new PersonsAccountOfCoercionAdded(coercionId, command.account().strip(), command.recordedAt()));
    }

    @EventSourcingHandler
    void on(CoercionRecorded event) {
        coercionId = event.coercionId();
    }
}
