package org.dyad.domain.disclosure;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dyad.domain.consent.ConsentTerms;
import org.dyad.domain.consent.Purpose;
import org.dyad.domain.consent.Recipient;
import org.dyad.domain.disclosure.DisclosureCommand.*;
import org.dyad.domain.disclosure.DisclosureEvent.*;
import org.dyad.domain.shared.DomainRuleViolation;
import org.dyad.domain.shared.Sensitivity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.dyad.domain.consent.Purpose.*;
import static org.dyad.domain.consent.RecipientKind.*;
import static org.dyad.domain.shared.Sensitivity.*;
import static org.hamcrest.Matchers.containsString;

/**
 * The rules of a {@link Disclosure}: one request for what someone holds about the person served, and its answer.
 * The holder shares only under the person's consent, or declines without a reason, and a decline stands.
 * One rule per test, named in the care team's words.
 */
class DisclosureTest {

    static final String DISCLOSURE_ID = "disclosure-5";
    static final String CASE_ID = "case-7";
    static final String OTHER_CASE_ID = "case-8";
    static final String CONSENT_ID = "consent-3";

    /** Dr Lee, psychiatrist at Riverside Clinic, asks; peer Sam holds what Rae told them. */
    static final String DR_LEE = "dr-lee";
    static final String PSYCHIATRIST = "PSYCHIATRIST";
    static final String RIVERSIDE = "Riverside Clinic";
    static final String PEER_SAM = "peer-sam";
    static final String NURSE_ANA = "nurse-ana";

    static final String WHAT_IS_ASKED = "how Rae's sleep has been since the dose changed";
    static final String WHAT_IS_SHARED = "Rae says they sleep through most nights now";

    static final LocalDate EXPIRES_ON = LocalDate.of(2026, 9, 4);
    static final Instant ASKED = Instant.parse("2026-05-11T10:20:00Z");
    static final Instant ANSWERED = Instant.parse("2026-05-11T15:45:00Z");
    static final Instant WEEK_AFTER_EXPIRY = Instant.parse("2026-09-11T08:00:00Z");

    private FixtureConfiguration<Disclosure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Disclosure.class);
    }

    // ---- the person's consent, as it stands when the holder answers ---------------------------

    static ConsentTerms consent(String caseId, List<Recipient> recipients, Set<Sensitivity> categories,
                                Set<Purpose> purposes, boolean revoked, boolean expired) {
        return new ConsentTerms(CONSENT_ID, caseId, recipients, categories, purposes, EXPIRES_ON, revoked, expired);
    }

    /** Rae lets Dr Lee receive anything they told the team, for treatment and care coordination, until September. */
    static ConsentTerms covering() {
        return consent(CASE_ID, List.of(new Recipient(STAFF, DR_LEE)), EnumSet.allOf(Sensitivity.class),
                Set.of(TREATMENT, CARE_COORDINATION), false, false);
    }

    // ---- what already happened -------------------------------------------------------------

    static DisclosureRequested requested(Sensitivity category) {
        return new DisclosureRequested(DISCLOSURE_ID, CASE_ID, DR_LEE, PSYCHIATRIST, RIVERSIDE, PEER_SAM, category,
                TREATMENT, WHAT_IS_ASKED, ASKED);
    }

    /** Dr Lee asks peer Sam, for treatment, about what Rae told Sam in confidence. */
    static DisclosureRequested requested() {
        return requested(PEER_CONFIDENTIAL);
    }

    static InformationShared shared(Sensitivity category, String notice) {
        return new InformationShared(DISCLOSURE_ID, CASE_ID, PEER_SAM, DR_LEE, category, TREATMENT, WHAT_IS_SHARED,
                CONSENT_ID, notice, ANSWERED);
    }

    static DisclosureDeclined declined() {
        return new DisclosureDeclined(DISCLOSURE_ID, CASE_ID, PEER_SAM, ANSWERED);
    }

    static RequestDisclosure request(String caseId, String requesterId, String holderId, Sensitivity category,
                                     Purpose purpose) {
        return new RequestDisclosure(DISCLOSURE_ID, caseId, requesterId, PSYCHIATRIST, RIVERSIDE, holderId, category,
                purpose, WHAT_IS_ASKED, ASKED);
    }

    static ShareInformation shareUnder(ConsentTerms consent) {
        return new ShareInformation(DISCLOSURE_ID, PEER_SAM, WHAT_IS_SHARED, consent, ANSWERED);
    }

    @Nested
    class RequestingInformation {

        @Test
        void aRequestNamesTheCaseWhoAsksWhoHoldsWhatKindAndWhy() {
            fixture.givenNoPriorActivity()
                   .when(request(CASE_ID, DR_LEE, PEER_SAM, PEER_CONFIDENTIAL, TREATMENT))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(requested());
        }

        static Stream<Named<RequestDisclosure>> requestsMissingWhoOrWhere() {
            return Stream.of(
                    Named.of("no case", request(null, DR_LEE, PEER_SAM, PEER_CONFIDENTIAL, TREATMENT)),
                    Named.of("a blank case", request(" ", DR_LEE, PEER_SAM, PEER_CONFIDENTIAL, TREATMENT)),
                    Named.of("nobody asking", request(CASE_ID, null, PEER_SAM, PEER_CONFIDENTIAL, TREATMENT)),
                    Named.of("a blank requester", request(CASE_ID, "  ", PEER_SAM, PEER_CONFIDENTIAL, TREATMENT)),
                    Named.of("nobody holding", request(CASE_ID, DR_LEE, null, PEER_CONFIDENTIAL, TREATMENT)),
                    Named.of("a blank holder", request(CASE_ID, DR_LEE, "", PEER_CONFIDENTIAL, TREATMENT)));
        }

        @ParameterizedTest(name = "a request with {0} is rejected")
        @MethodSource("requestsMissingWhoOrWhere")
        void aRequestNamesTheCaseWhoAsksAndWhoHoldsTheInformation(RequestDisclosure request) {
            fixture.givenNoPriorActivity()
                   .when(request)
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("names the case, who asks and who holds the information"))
                   .expectNoEvents();
        }

        @Test
        void aRequestNamesWhatKindOfInformation() {
            fixture.givenNoPriorActivity()
                   .when(request(CASE_ID, DR_LEE, PEER_SAM, null, TREATMENT))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("what kind of information and for what purpose"))
                   .expectNoEvents();
        }

        @Test
        void aRequestNamesItsPurpose() {
            fixture.givenNoPriorActivity()
                   .when(request(CASE_ID, DR_LEE, PEER_SAM, PEER_CONFIDENTIAL, null))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("what kind of information and for what purpose"))
                   .expectNoEvents();
        }

        @Test
        void nobodyRequestsInformationFromThemselves() {
            fixture.givenNoPriorActivity()
                   .when(request(CASE_ID, PEER_SAM, PEER_SAM, PEER_CONFIDENTIAL, TREATMENT))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("from themselves"))
                   .expectNoEvents();
        }
    }

    @Nested
    class SharingUnderConsent {

        @Test
        void withAConsentCoveringRecipientCategoryAndPurposeTheHolderMayShare() {
            fixture.given(requested())
                   .when(shareUnder(covering()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(shared(PEER_CONFIDENTIAL, null));
        }

        @Test
        void aConsentNamingTheRequestersRoleCoversThem() {
            fixture.given(requested())
                   .when(shareUnder(consent(CASE_ID, List.of(new Recipient(ROLE, PSYCHIATRIST)),
                           Set.of(PEER_CONFIDENTIAL), Set.of(TREATMENT), false, false)))
                   .expectEvents(shared(PEER_CONFIDENTIAL, null));
        }

        @Test
        void aConsentNamingTheRequestersOrganisationCoversThem() {
            fixture.given(requested())
                   .when(shareUnder(consent(CASE_ID, List.of(new Recipient(ORGANISATION, "riverside clinic")),
                           Set.of(PEER_CONFIDENTIAL), Set.of(TREATMENT), false, false)))
                   .expectEvents(shared(PEER_CONFIDENTIAL, null));
        }

        @Test
        void substanceUseInformationCarriesThePart2RedisclosureNotice() {
            fixture.given(requested(SUD_PART2))
                   .when(shareUnder(covering()))
                   .expectEvents(shared(SUD_PART2, RedisclosureNotice.TEXT));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Sensitivity.class, names = "SUD_PART2", mode = EnumSource.Mode.EXCLUDE)
        void otherInformationCarriesNoRedisclosureNotice(Sensitivity category) {
            fixture.given(requested(category))
                   .when(shareUnder(covering()))
                   .expectEvents(shared(category, null));
        }

        @ParameterizedTest(name = "what is shared: \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void sharingSaysWhatIsShared(String whatIsShared) {
            fixture.given(requested())
                   .when(new ShareInformation(DISCLOSURE_ID, PEER_SAM, whatIsShared, covering(), ANSWERED))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Say what is shared"))
                   .expectNoEvents();
        }
    }

    @Nested
    class NoSharingWithoutConsent {

        @Test
        void withoutTheirConsentItStaysWithTheHolder() {
            fixture.given(requested())
                   .when(shareUnder(null))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("has not consented"))
                   .expectNoEvents();
        }

        @Test
        void aConsentGivenInAnotherCaseDoesNotCount() {
            fixture.given(requested())
                   .when(shareUnder(consent(OTHER_CASE_ID, List.of(new Recipient(STAFF, DR_LEE)),
                           EnumSet.allOf(Sensitivity.class), Set.of(TREATMENT), false, false)))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("has not consented"))
                   .expectNoEvents();
        }

        @Test
        void aConsentNamingNoCaseDoesNotCount() {
            fixture.given(requested())
                   .when(shareUnder(consent(null, List.of(new Recipient(STAFF, DR_LEE)),
                           EnumSet.allOf(Sensitivity.class), Set.of(TREATMENT), false, false)))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("has not consented"))
                   .expectNoEvents();
        }

        @Test
        void afterTheyRevokeTheirConsentNothingMoreIsShared() {
            fixture.given(requested())
                   .when(shareUnder(consent(CASE_ID, List.of(new Recipient(STAFF, DR_LEE)),
                           EnumSet.allOf(Sensitivity.class), Set.of(TREATMENT), true, false)))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("revoked or has expired"))
                   .expectNoEvents();
        }

        @Test
        void anExpiredConsentAllowsNothing() {
            fixture.given(requested())
                   .when(shareUnder(consent(CASE_ID, List.of(new Recipient(STAFF, DR_LEE)),
                           EnumSet.allOf(Sensitivity.class), Set.of(TREATMENT), false, true)))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("revoked or has expired"))
                   .expectNoEvents();
        }

        @Test
        void onceItsExpiryDateHasPassedAConsentAllowsNothing() {
            fixture.given(requested())
                   .when(new ShareInformation(DISCLOSURE_ID, PEER_SAM, WHAT_IS_SHARED, covering(), WEEK_AFTER_EXPIRY))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("revoked or has expired"))
                   .expectNoEvents();
        }

        @Test
        void aConsentThatDoesNotNameTheRequesterDoesNotCoverThem() {
            fixture.given(requested())
                   .when(shareUnder(consent(CASE_ID, List.of(new Recipient(STAFF, "therapist-kim"),
                                   new Recipient(ROLE, "NURSE"), new Recipient(ORGANISATION, "Harbor Hospital")),
                           EnumSet.allOf(Sensitivity.class), Set.of(TREATMENT), false, false)))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("does not cover"))
                   .expectNoEvents();
        }

        @Test
        void aConsentThatDoesNotNameTheCategoryDoesNotCoverIt() {
            fixture.given(requested())
                   .when(shareUnder(consent(CASE_ID, List.of(new Recipient(STAFF, DR_LEE)),
                           Set.of(PSYCHIATRIC, GENERAL), Set.of(TREATMENT), false, false)))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("does not cover"))
                   .expectNoEvents();
        }

        @Test
        void aConsentThatDoesNotNameThePurposeDoesNotCoverIt() {
            fixture.given(requested())
                   .when(shareUnder(consent(CASE_ID, List.of(new Recipient(STAFF, DR_LEE)),
                           EnumSet.allOf(Sensitivity.class), Set.of(CARE_COORDINATION, PAYMENT), false, false)))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("does not cover"))
                   .expectNoEvents();
        }
    }

    @Nested
    class DecliningToShare {

        @Test
        void theHolderMayDeclineWithoutGivingAReason() {
            fixture.given(requested())
                   .when(new DeclineDisclosure(DISCLOSURE_ID, PEER_SAM, ANSWERED))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(declined());
        }

        @Test
        void theHolderMayDeclineEvenWhenTheConsentWouldCoverSharing() {
            fixture.given(requested(SUD_PART2))
                   .when(new DeclineDisclosure(DISCLOSURE_ID, PEER_SAM, ANSWERED))
                   .expectEvents(declined());
        }
    }

    @Nested
    class OnlyTheHolderAnswers {

        @Test
        void someoneElseCannotShareWhatTheHolderWasTold() {
            fixture.given(requested())
                   .when(new ShareInformation(DISCLOSURE_ID, NURSE_ANA, WHAT_IS_SHARED, covering(), ANSWERED))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Only the person holding the information answers"))
                   .expectNoEvents();
        }

        @Test
        void theRequesterCannotAnswerTheirOwnRequest() {
            fixture.given(requested())
                   .when(new ShareInformation(DISCLOSURE_ID, DR_LEE, WHAT_IS_SHARED, covering(), ANSWERED))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Only the person holding the information answers"))
                   .expectNoEvents();
        }

        @Test
        void someoneElseCannotDeclineForTheHolder() {
            fixture.given(requested())
                   .when(new DeclineDisclosure(DISCLOSURE_ID, NURSE_ANA, ANSWERED))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Only the person holding the information answers"))
                   .expectNoEvents();
        }
    }

    @Nested
    class TheAnswerStands {

        @Test
        void aDeclineCannotBeOverriddenBySharing() {
            fixture.given(requested(), declined())
                   .when(shareUnder(covering()))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("the answer stands"))
                   .expectNoEvents();
        }

        @Test
        void aDeclinedRequestIsNotDeclinedAgain() {
            fixture.given(requested(), declined())
                   .when(new DeclineDisclosure(DISCLOSURE_ID, PEER_SAM, ANSWERED.plusSeconds(600)))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("the answer stands"))
                   .expectNoEvents();
        }

        @Test
        void whatWasSharedCannotBeDeclinedAfterwards() {
            fixture.given(requested(), shared(PEER_CONFIDENTIAL, null))
                   .when(new DeclineDisclosure(DISCLOSURE_ID, PEER_SAM, ANSWERED.plusSeconds(600)))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("the answer stands"))
                   .expectNoEvents();
        }

        @Test
        void aSharedRequestIsNotSharedAgain() {
            fixture.given(requested(), shared(PEER_CONFIDENTIAL, null))
                   .when(shareUnder(covering()))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("the answer stands"))
                   .expectNoEvents();
        }
    }
}
