package org.dyad.domain.disclosure;

import org.dyad.domain.consent.Purpose;
import org.dyad.domain.shared.Sensitivity;

import java.time.Instant;

public sealed interface DisclosureEvent {

    String disclosureId();

    record DisclosureRequested(String disclosureId, String caseId, String requesterId, String requesterRole,
                               String requesterOrganisation, String holderId, Sensitivity category, Purpose purpose,
                               String whatIsAsked, Instant at) implements DisclosureEvent {
    }

    /** {@code redisclosureNotice} travels with Part 2 information (42 CFR §2.32). */
    record InformationShared(String disclosureId, String caseId, String holderId, String requesterId,
                             Sensitivity category, Purpose purpose, String whatIsShared, String consentId,
                             String redisclosureNotice, Instant at) implements DisclosureEvent {
    }

    /** A respected outcome: held in confidence. */
    record DisclosureDeclined(String disclosureId, String caseId, String holderId, Instant at) implements DisclosureEvent {
    }
}
