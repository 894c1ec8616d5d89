package org.dyad.domain.consent;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dyad.domain.shared.Sensitivity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The person's directives about sharing. */
public sealed interface ConsentCommand {

    String consentId();

    /**
     * The elements of 42 CFR Part 2 §2.31: who discloses, to whom, what, why, until when (a date or an event),
     * signature and date, and that the person knows they may revoke it.
     */
    record GrantConsent(@TargetAggregateIdentifier String consentId, String caseId, String discloser,
                        List<Recipient> recipients, Set<Sensitivity> categories, Set<Purpose> purposes,
                        String purposeInTheirWords, LocalDate expiresOn, String expiresUpon, String signedBy,
                        LocalDate signedOn, boolean rightToRevokeAcknowledged, LocalDate today)
            implements ConsentCommand {
    }

    record RevokeConsent(@TargetAggregateIdentifier String consentId, Instant at) implements ConsentCommand {
    }

    /** Ends the consent when its date has come or its named event happened. */
    record ExpireConsent(@TargetAggregateIdentifier String consentId, Instant at, String because)
            implements ConsentCommand {
    }
}
