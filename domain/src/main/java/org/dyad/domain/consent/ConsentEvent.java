package org.dyad.domain.consent;

import org.dyad.domain.shared.Sensitivity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

public sealed interface ConsentEvent {

    String consentId();

    record ConsentGranted(String consentId, String caseId, String discloser, List<Recipient> recipients,
                          Set<Sensitivity> categories, Set<Purpose> purposes, String purposeInTheirWords,
                          LocalDate expiresOn, String expiresUpon, String signedBy, LocalDate signedOn)
            implements ConsentEvent {
    }

    record ConsentRevoked(String consentId, String caseId, Instant at) implements ConsentEvent {
    }

    record ConsentExpired(String consentId, String caseId, Instant at, String because) implements ConsentEvent {
    }
}
