package org.dyad.domain.consent;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.dyad.domain.consent.ConsentCommand.*;
import org.dyad.domain.consent.ConsentEvent.*;
import org.dyad.domain.shared.DomainRuleViolation;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.dyad.domain.shared.Rules.isBlank;

/** The person's directive about what is shared, with whom, why and until when. Revocation takes effect at once. */
public class Consent {

    @AggregateIdentifier
    private String consentId;
    private String caseId;
    private LocalDate expiresOn;
    private boolean ended;

    protected Consent() {
        // for Axon
    }

    @CommandHandler
    public Consent(GrantConsent c) {
        missing(isBlank(c.caseId()), "the case");
        missing(isBlank(c.discloser()), "who may disclose (discloser)");
        missing(c.recipients() == null || c.recipients().isEmpty()
                || c.recipients().stream().anyMatch(r -> r == null || r.kind() == null || isBlank(r.id())),
                "to whom (recipients)");
        missing(c.categories() == null || c.categories().isEmpty(), "what may be shared (categories)");
        missing(c.purposes() == null || c.purposes().isEmpty(), "why (purposes)");
        missing(c.expiresOn() == null && isBlank(c.expiresUpon()), "until when (expiresOn or expiresUpon)");
        missing(isBlank(c.signedBy()) || c.signedOn() == null, "the signature and its date (signedBy, signedOn)");
        missing(!c.rightToRevokeAcknowledged(), "the person's acknowledgement of their right to revoke");
        if (c.today() == null) {
            throw new DomainRuleViolation("Say what day it is, so the consent's dates can be checked.");
        }
        if (c.expiresOn() != null && !c.expiresOn().isAfter(c.today())) {
            throw new DomainRuleViolation("A consent that expires today or earlier would allow nothing.");
        }
        if (c.signedOn().isAfter(c.today())) {
            throw new DomainRuleViolation("A consent cannot be signed in the future.");
        }
        apply(new ConsentGranted(c.consentId(), c.caseId(), c.discloser(), c.recipients(), c.categories(), c.purposes(),
                c.purposeInTheirWords(), c.expiresOn(), c.expiresUpon(), c.signedBy(), c.signedOn()));
    }

    @CommandHandler
    public void handle(RevokeConsent command) {
        requireInForce();
        apply(new ConsentRevoked(consentId, caseId, command.at()));
    }

    @CommandHandler
    public void handle(ExpireConsent command) {
        requireInForce();
        boolean dateHasCome = expiresOn != null
                && !command.at().isBefore(expiresOn.atStartOfDay().toInstant(ZoneOffset.UTC));
        if (!dateHasCome && isBlank(command.because())) {
            throw new DomainRuleViolation((expiresOn == null ? "This consent runs until an event, not a date"
                    : "This consent runs until " + expiresOn) + "; say which event ended it.");
        }
        apply(new ConsentExpired(consentId, caseId, command.at(), command.because()));
    }

    @EventSourcingHandler
    void on(ConsentGranted event) {
        consentId = event.consentId();
        caseId = event.caseId();
        expiresOn = event.expiresOn();
    }

    @EventSourcingHandler
    void on(ConsentRevoked event) {
        ended = true;
    }

    @EventSourcingHandler
    void on(ConsentExpired event) {
        ended = true;
    }

    private void requireInForce() {
        if (ended) {
            throw new DomainRuleViolation("This consent has already ended.");
        }
    }

    /** §2.31 lists what a valid consent must hold; say which element is missing. */
    private static void missing(boolean isMissing, String element) {
        if (isMissing) {
            throw new DomainRuleViolation("A consent must say " + element + ".");
        }
    }
}
