package org.dyad.domain.consent;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.dyad.domain.consent.Purpose.*;
import static org.dyad.domain.consent.RecipientKind.*;
import static org.dyad.domain.shared.Sensitivity.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a consent allows as it stands now: who may receive, what, why, and until when. A revoked or expired consent
 * covers nothing.
 */
class ConsentTermsTest {

    static final String CONSENT_ID = "consent-3";
    static final String CASE_ID = "case-7";

    static final LocalDate EXPIRES_ON = LocalDate.of(2026, 9, 4);
    static final Instant NOW = Instant.parse("2026-05-11T10:20:00Z");
    static final Instant DAY_BEFORE_EXPIRY = Instant.parse("2026-09-03T23:59:59Z");
    static final Instant START_OF_EXPIRY_DAY = Instant.parse("2026-09-04T00:00:00Z");
    static final Instant WEEK_AFTER_EXPIRY = Instant.parse("2026-09-11T08:00:00Z");

    static ConsentTerms terms(List<Recipient> recipients, LocalDate expiresOn, boolean revoked, boolean expired) {
        return new ConsentTerms(CONSENT_ID, CASE_ID, recipients, Set.of(PSYCHIATRIC, SUD_PART2),
                Set.of(TREATMENT, CARE_COORDINATION), expiresOn, revoked, expired);
    }

    static ConsentTerms toward(Recipient... recipients) {
        return terms(List.of(recipients), EXPIRES_ON, false, false);
    }

    /** Dr Lee, a psychiatrist at Riverside Clinic, asks for psychiatric information for treatment. */
    static boolean drLeeIsCovered(ConsentTerms terms, Instant at) {
        return terms.covers("dr-lee", "PSYCHIATRIST", "Riverside Clinic", PSYCHIATRIC, TREATMENT, at);
    }

    @Nested
    class WhoMayReceive {

        @Test
        void aNamedStaffMemberIsCovered() {
            assertTrue(drLeeIsCovered(toward(new Recipient(STAFF, "dr-lee")), NOW));
        }

        @Test
        void aStaffMemberTheConsentDoesNotNameIsNotCovered() {
            ConsentTerms terms = toward(new Recipient(STAFF, "dr-lee"));
            assertFalse(terms.covers("dr-kim", "PSYCHIATRIST", "Riverside Clinic", PSYCHIATRIC, TREATMENT, NOW));
        }

        @Test
        void everyoneHoldingANamedRoleIsCovered() {
            ConsentTerms terms = toward(new Recipient(ROLE, "PSYCHIATRIST"));
            assertTrue(drLeeIsCovered(terms, NOW));
            assertTrue(terms.covers("dr-kim", "PSYCHIATRIST", null, PSYCHIATRIC, TREATMENT, NOW));
        }

        @Test
        void someoneInAnotherRoleIsNotCoveredByARole() {
            ConsentTerms terms = toward(new Recipient(ROLE, "PSYCHIATRIST"));
            assertFalse(terms.covers("nurse-ana", "NURSE", "Riverside Clinic", PSYCHIATRIC, TREATMENT, NOW));
        }

        @ParameterizedTest(name = "asked by someone from \"{0}\"")
        @ValueSource(strings = {"Riverside Clinic", "riverside clinic", "RIVERSIDE CLINIC"})
        void everyoneFromANamedOrganisationIsCoveredWhateverTheLetterCase(String organisation) {
            ConsentTerms terms = toward(new Recipient(ORGANISATION, "Riverside Clinic"));
            assertTrue(terms.covers("dr-kim", "PSYCHIATRIST", organisation, PSYCHIATRIC, TREATMENT, NOW));
        }

        @Test
        void someoneFromAnotherOrganisationIsNotCovered() {
            ConsentTerms terms = toward(new Recipient(ORGANISATION, "Riverside Clinic"));
            assertFalse(terms.covers("dr-kim", "PSYCHIATRIST", "Harbor Hospital", PSYCHIATRIC, TREATMENT, NOW));
        }

        @Test
        void someoneWithNoOrganisationIsNotCoveredByAnOrganisation() {
            ConsentTerms terms = toward(new Recipient(ORGANISATION, "Riverside Clinic"));
            assertFalse(terms.covers("dr-kim", "PSYCHIATRIST", null, PSYCHIATRIC, TREATMENT, NOW));
        }

        @Test
        void anyOneOfSeveralNamedRecipientsIsEnough() {
            ConsentTerms terms = toward(new Recipient(STAFF, "therapist-kim"), new Recipient(ROLE, "NURSE"),
                    new Recipient(ORGANISATION, "Riverside Clinic"));
            assertTrue(drLeeIsCovered(terms, NOW));
        }
    }

    @Nested
    class WhatAndWhy {

        @Test
        void aCoveredCategoryForACoveredPurposeIsCovered() {
            ConsentTerms terms = toward(new Recipient(STAFF, "dr-lee"));
            assertTrue(terms.covers("dr-lee", "PSYCHIATRIST", null, SUD_PART2, CARE_COORDINATION, NOW));
        }

        @Test
        void aCategoryTheConsentDoesNotNameIsNotCoveredEvenForACoveredPurpose() {
            ConsentTerms terms = toward(new Recipient(STAFF, "dr-lee"));
            assertFalse(terms.covers("dr-lee", "PSYCHIATRIST", null, PEER_CONFIDENTIAL, TREATMENT, NOW));
        }

        @Test
        void aPurposeTheConsentDoesNotNameIsNotCoveredEvenForACoveredCategory() {
            ConsentTerms terms = toward(new Recipient(STAFF, "dr-lee"));
            assertFalse(terms.covers("dr-lee", "PSYCHIATRIST", null, PSYCHIATRIC, LEGAL, NOW));
        }
    }

    @Nested
    class UntilWhen {

        @Test
        void aConsentInForceIsActive() {
            assertTrue(toward(new Recipient(STAFF, "dr-lee")).isActiveAt(NOW));
        }

        @Test
        void theDayBeforeExpiryTheConsentStillCovers() {
            ConsentTerms terms = toward(new Recipient(STAFF, "dr-lee"));
            assertTrue(terms.isActiveAt(DAY_BEFORE_EXPIRY));
            assertTrue(drLeeIsCovered(terms, DAY_BEFORE_EXPIRY));
        }

        @Test
        void fromTheStartOfTheExpiryDayTheConsentCoversNothing() {
            ConsentTerms terms = toward(new Recipient(STAFF, "dr-lee"));
            assertFalse(terms.isActiveAt(START_OF_EXPIRY_DAY));
            assertFalse(drLeeIsCovered(terms, START_OF_EXPIRY_DAY));
        }

        @Test
        void afterTheExpiryDateTheConsentCoversNothing() {
            ConsentTerms terms = toward(new Recipient(STAFF, "dr-lee"));
            assertFalse(terms.isActiveAt(WEEK_AFTER_EXPIRY));
            assertFalse(drLeeIsCovered(terms, WEEK_AFTER_EXPIRY));
        }

        @Test
        void aConsentRunningUntilAnEventStaysActiveUntilItEnds() {
            ConsentTerms terms = terms(List.of(new Recipient(STAFF, "dr-lee")), null, false, false);
            assertTrue(terms.isActiveAt(WEEK_AFTER_EXPIRY));
            assertTrue(drLeeIsCovered(terms, WEEK_AFTER_EXPIRY));
        }

        @Test
        void aRevokedConsentCoversNothing() {
            ConsentTerms terms = terms(List.of(new Recipient(STAFF, "dr-lee")), EXPIRES_ON, true, false);
            assertFalse(terms.isActiveAt(NOW));
            assertFalse(drLeeIsCovered(terms, NOW));
        }

        @Test
        void anExpiredConsentCoversNothingEvenBeforeItsDate() {
            ConsentTerms terms = terms(List.of(new Recipient(STAFF, "dr-lee")), EXPIRES_ON, false, true);
            assertFalse(terms.isActiveAt(NOW));
            assertFalse(drLeeIsCovered(terms, NOW));
        }

        @Test
        void aRevokedConsentWithoutADateCoversNothing() {
            ConsentTerms terms = terms(List.of(new Recipient(STAFF, "dr-lee")), null, true, false);
            assertFalse(drLeeIsCovered(terms, NOW));
        }
    }
}
