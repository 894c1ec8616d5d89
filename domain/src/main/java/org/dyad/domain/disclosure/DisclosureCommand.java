package org.dyad.domain.disclosure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dyad.domain.consent.ConsentTerms;
import org.dyad.domain.consent.Purpose;
import org.dyad.domain.shared.Sensitivity;

import java.time.Instant;

/** Information asked to pass from one party to another. */
public sealed interface DisclosureCommand {

    String disclosureId();

    record RequestDisclosure(@TargetAggregateIdentifier String disclosureId, String caseId, String requesterId,
                             String requesterRole, String requesterOrganisation, String holderId,
                             Sensitivity category, Purpose purpose, String whatIsAsked, Instant at)
            implements DisclosureCommand {
    }

    /**
     * The holder shares. {@code consent} is the person's consent the holder relies on, as it stands now; sharing
     * is refused unless it covers the requester, the category and the purpose.
     */
    record ShareInformation(@TargetAggregateIdentifier String disclosureId, String holderId, String whatIsShared,
                            ConsentTerms consent, Instant at) implements DisclosureCommand {
    }

    /** The holder declines. No reason is asked for, and nobody can override it. */
    record DeclineDisclosure(@TargetAggregateIdentifier String disclosureId, String holderId, Instant at)
            implements DisclosureCommand {
    }
}
