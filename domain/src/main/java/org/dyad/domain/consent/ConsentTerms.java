package org.dyad.domain.consent;

import org.dyad.domain.shared.Sensitivity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * What a consent allows, as of now: recipients, categories, purposes and until when. A revoked or expired consent
 * covers nothing. Disclosures are checked against these terms.
 */
public record ConsentTerms(String consentId, String caseId, List<Recipient> recipients, Set<Sensitivity> categories,
                           Set<Purpose> purposes, LocalDate expiresOn, boolean revoked, boolean expired) {

    public ConsentTerms {
        recipients = List.copyOf(recipients);
        categories = Set.copyOf(categories);
        purposes = Set.copyOf(purposes);
    }

    public boolean isActiveAt(Instant at) {
        return !revoked && !expired && (expiresOn == null || at.isBefore(expiresOn.atStartOfDay().toInstant(ZoneOffset.UTC)));
    }

    public boolean covers(String userId, String role, String organisation, Sensitivity category, Purpose purpose,
                          Instant at) {
        return isActiveAt(at) && categories.contains(category) && purposes.contains(purpose)
                && recipients.stream().anyMatch(r -> r.matches(userId, role, organisation));
    }
}
