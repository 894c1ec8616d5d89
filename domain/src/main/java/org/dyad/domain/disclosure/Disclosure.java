package org.dyad.domain.disclosure;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.dyad.domain.consent.ConsentTerms;
import org.dyad.domain.consent.Purpose;
import org.dyad.domain.disclosure.DisclosureCommand.*;
import org.dyad.domain.disclosure.DisclosureEvent.*;
import org.dyad.domain.shared.DomainRuleViolation;
import org.dyad.domain.shared.Sensitivity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.dyad.domain.shared.Rules.isBlank;

/**
 * One request for information and its answer. The holder shares only under an active consent that covers the
 * requester, the category and the purpose, or declines without giving a reason. A decline stands; a new request
 * is a new request.
 */
public class Disclosure {

    @AggregateIdentifier
    private String disclosureId;
    private String caseId;
    private String requesterId;
    private String requesterRole;
    private String requesterOrganisation;
    private String holderId;
    private Sensitivity category;
    private Purpose purpose;
    private boolean answered;

    protected Disclosure() {
        // for Axon
    }

    @CommandHandler
    public Disclosure(RequestDisclosure c) {
        if (isBlank(c.caseId()) || isBlank(c.requesterId()) || isBlank(c.holderId())) {
            throw new DomainRuleViolation("A request names the case, who asks and who holds the information.");
        }
        if (c.category() == null || c.purpose() == null) {
            throw new DomainRuleViolation("A request names what kind of information and for what purpose.");
        }
        if (c.requesterId().equals(c.holderId())) {
            throw new DomainRuleViolation("Nobody requests information from themselves.");
        }
        apply(new DisclosureRequested(c.disclosureId(), c.caseId(), c.requesterId(), c.requesterRole(),
                c.requesterOrganisation(), c.holderId(), c.category(), c.purpose(), c.whatIsAsked(), c.at()));
    }

    @CommandHandler
    public void handle(ShareInformation c) {
        requireHolderAnswering(c.holderId());
        ConsentTerms consent = c.consent();
        if (consent == null || !caseId.equals(consent.caseId())) {
            throw new DomainRuleViolation("The person has not consented to share this; without their consent it stays with you.");
        }
        if (!consent.isActiveAt(c.at())) {
            throw new DomainRuleViolation("The person's consent has been revoked or has expired, so this cannot be shared.");
        }
        if (!consent.covers(requesterId, requesterRole, requesterOrganisation, category, purpose, c.at())) {
            throw new DomainRuleViolation("The person's consent does not cover this recipient, this kind of information "
                    + "and this purpose together, so it cannot be shared.");
        }
        if (isBlank(c.whatIsShared())) {
            throw new DomainRuleViolation("Say what is shared, so the person's accounting shows it.");
        }
        String notice = category == Sensitivity.SUD_PART2 ? RedisclosureNotice.TEXT : null;
        apply(new InformationShared(disclosureId, caseId, holderId, requesterId, category, purpose, c.whatIsShared(),
                consent.consentId(), notice, c.at()));
    }

    @CommandHandler
    public void handle(DeclineDisclosure c) {
        requireHolderAnswering(c.holderId());
        apply(new DisclosureDeclined(disclosureId, caseId, holderId, c.at()));
    }

    @EventSourcingHandler
    void on(DisclosureRequested e) {
        disclosureId = e.disclosureId();
        caseId = e.caseId();
        requesterId = e.requesterId();
        requesterRole = e.requesterRole();
        requesterOrganisation = e.requesterOrganisation();
        holderId = e.holderId();
        category = e.category();
        purpose = e.purpose();
    }

    @EventSourcingHandler
    void on(InformationShared e) {
        answered = true;
    }

    @EventSourcingHandler
    void on(DisclosureDeclined e) {
        answered = true;
    }

    private void requireHolderAnswering(String answeringId) {
        if (!holderId.equals(answeringId)) {
            throw new DomainRuleViolation("Only the person holding the information answers this request.");
        }
        if (answered) {
            throw new DomainRuleViolation("This request has been answered, and the answer stands; "
                    + "a new question is a new request.");
        }
    }
}
