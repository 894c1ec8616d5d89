package org.dyad.domain.consent;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dyad.domain.consent.ConsentCommand.*;
import org.dyad.domain.consent.ConsentEvent.*;
import org.dyad.domain.shared.DomainRuleViolation;
import org.dyad.domain.shared.Sensitivity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.dyad.domain.consent.Purpose.CARE_COORDINATION;
import static org.dyad.domain.consent.Purpose.TREATMENT;
import static org.dyad.domain.consent.RecipientKind.*;
import static org.dyad.domain.shared.Sensitivity.PSYCHIATRIC;
import static org.dyad.domain.shared.Sensitivity.SUD_PART2;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The rules of a {@link Consent}: the person's own directive about what is shared, with whom, why and until when,
 * holding every element 42 CFR Part 2 §2.31 asks for. One rule per test, named in the care team's words.
 */
class ConsentTest {

    static final String CONSENT_ID = "consent-3";
    static final String CASE_ID = "case-7";

    static final String DISCLOSER = "Harbor Recovery Program";
    static final String RAE = "Rae Rivera";
    static final Recipient DR_LEE = new Recipient(STAFF, "dr-lee");
    static final Recipient RIVERSIDE_CLINIC = new Recipient(ORGANISATION, "Riverside Clinic");
    static final String IN_THEIR_WORDS = "so Dr Lee knows what helps me stay well";

    /** The day Rae signs, and the day the consent is granted. */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 4);
    static final LocalDate EXPIRES_ON = LocalDate.of(2026, 9, 4);
    static final String UPON_DISCHARGE = "when Rae is discharged from Harbor Recovery";

    static final Instant REVOKED_AT = Instant.parse("2026-05-11T10:20:00Z");
    static final Instant DAY_BEFORE_EXPIRY = Instant.parse("2026-09-03T23:59:59Z");
    static final Instant START_OF_EXPIRY_DAY = Instant.parse("2026-09-04T00:00:00Z");
    static final Instant WEEK_AFTER_EXPIRY = Instant.parse("2026-09-11T08:00:00Z");

    private FixtureConfiguration<Consent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Consent.class);
    }

    // ---- what Rae signs ------------------------------------------------------------------------

    /** A consent form as Rae fills it in; each test crosses out what it needs to. */
    static final class Form {
        String caseId = CASE_ID;
        String discloser = DISCLOSER;
        List<Recipient> recipients = List.of(DR_LEE, RIVERSIDE_CLINIC);
        Set<Sensitivity> categories = Set.of(PSYCHIATRIC, SUD_PART2);
        Set<Purpose> purposes = Set.of(TREATMENT, CARE_COORDINATION);
        String purposeInTheirWords = IN_THEIR_WORDS;
        LocalDate expiresOn = EXPIRES_ON;
        String expiresUpon = null;
        String signedBy = RAE;
        LocalDate signedOn = TODAY;
        boolean rightToRevokeAcknowledged = true;
        LocalDate today = TODAY;

        Form with(Consumer<Form> change) {
            change.accept(this);
            return this;
        }

        GrantConsent grant() {
            return new GrantConsent(CONSENT_ID, caseId, discloser, recipients, categories, purposes,
                    purposeInTheirWords, expiresOn, expiresUpon, signedBy, signedOn, rightToRevokeAcknowledged, today);
        }

        ConsentGranted granted() {
            return new ConsentGranted(CONSENT_ID, caseId, discloser, recipients, categories, purposes,
                    purposeInTheirWords, expiresOn, expiresUpon, signedBy, signedOn);
        }
    }

    static Form form() {
        return new Form();
    }

    // ---- what already happened -------------------------------------------------------------

    /** Granted today, until the fourth of September. */
    static ConsentGranted granted() {
        return form().granted();
    }

    /** Granted today, until Rae's discharge, with no date. */
    static ConsentGranted grantedUntilDischarge() {
        return form().with(f -> {
            f.expiresOn = null;
            f.expiresUpon = UPON_DISCHARGE;
        }).granted();
    }

    static ConsentRevoked revoked() {
        return new ConsentRevoked(CONSENT_ID, CASE_ID, REVOKED_AT);
    }

    static ConsentExpired expiredOnItsDate() {
        return new ConsentExpired(CONSENT_ID, CASE_ID, START_OF_EXPIRY_DAY, null);
    }

    @Nested
    class GrantingConsent {

        @Test
        void aConsentWithEveryElementOfSection231IsGranted() {
            fixture.givenNoPriorActivity()
                   .when(form().grant())
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(granted());
        }

        @Test
        void aConsentMayRunUntilAnEventAloneWithoutADate() {
            fixture.givenNoPriorActivity()
                   .when(form().with(f -> {
                       f.expiresOn = null;
                       f.expiresUpon = UPON_DISCHARGE;
                   }).grant())
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(grantedUntilDischarge());
        }

        @Test
        void aConsentMayNameBothADateAndAnEvent() {
            Form both = form().with(f -> f.expiresUpon = UPON_DISCHARGE);
            fixture.givenNoPriorActivity()
                   .when(both.grant())
                   .expectEvents(both.granted());
        }

        @Test
        void thePurposeInThePersonsOwnWordsIsOptional() {
            Form noWords = form().with(f -> f.purposeInTheirWords = null);
            fixture.givenNoPriorActivity()
                   .when(noWords.grant())
                   .expectEvents(noWords.granted());
        }

        @Test
        void aConsentSignedEarlierAndStillRunningIsGranted() {
            Form signedLastWeek = form().with(f -> f.signedOn = TODAY.minusWeeks(1));
            fixture.givenNoPriorActivity()
                   .when(signedLastWeek.grant())
                   .expectEvents(signedLastWeek.granted());
        }

        @Test
        void aConsentExpiringTomorrowIsGranted() {
            Form untilTomorrow = form().with(f -> f.expiresOn = TODAY.plusDays(1));
            fixture.givenNoPriorActivity()
                   .when(untilTomorrow.grant())
                   .expectEvents(untilTomorrow.granted());
        }

        static Stream<Arguments> formsMissingAnElement() {
            return Stream.of(
                    arguments(Named.of("no case", (Consumer<Form>) f -> f.caseId = null), "the case"),
                    arguments(Named.of("a blank case", (Consumer<Form>) f -> f.caseId = "  "), "the case"),
                    arguments(Named.of("no discloser", (Consumer<Form>) f -> f.discloser = null),
                            "who may disclose (discloser)"),
                    arguments(Named.of("a blank discloser", (Consumer<Form>) f -> f.discloser = " "),
                            "who may disclose (discloser)"),
                    arguments(Named.of("no recipients list", (Consumer<Form>) f -> f.recipients = null),
                            "to whom (recipients)"),
                    arguments(Named.of("no recipient at all", (Consumer<Form>) f -> f.recipients = List.of()),
                            "to whom (recipients)"),
                    arguments(Named.of("an empty recipient line",
                                    (Consumer<Form>) f -> f.recipients = Arrays.asList(DR_LEE, null)),
                            "to whom (recipients)"),
                    arguments(Named.of("a recipient of no kind",
                                    (Consumer<Form>) f -> f.recipients = List.of(DR_LEE, new Recipient(null, "dr-kim"))),
                            "to whom (recipients)"),
                    arguments(Named.of("a recipient with a blank id",
                                    (Consumer<Form>) f -> f.recipients = List.of(new Recipient(STAFF, " "))),
                            "to whom (recipients)"),
                    arguments(Named.of("a recipient with no id",
                                    (Consumer<Form>) f -> f.recipients = List.of(new Recipient(ROLE, null))),
                            "to whom (recipients)"),
                    arguments(Named.of("no categories", (Consumer<Form>) f -> f.categories = null),
                            "what may be shared (categories)"),
                    arguments(Named.of("an empty set of categories", (Consumer<Form>) f -> f.categories = Set.of()),
                            "what may be shared (categories)"),
                    arguments(Named.of("no purposes", (Consumer<Form>) f -> f.purposes = null), "why (purposes)"),
                    arguments(Named.of("an empty set of purposes", (Consumer<Form>) f -> f.purposes = Set.of()),
                            "why (purposes)"),
                    arguments(Named.of("neither an expiry date nor an event", (Consumer<Form>) f -> {
                        f.expiresOn = null;
                        f.expiresUpon = null;
                    }), "until when (expiresOn or expiresUpon)"),
                    arguments(Named.of("no expiry date and a blank event", (Consumer<Form>) f -> {
                        f.expiresOn = null;
                        f.expiresUpon = "   ";
                    }), "until when (expiresOn or expiresUpon)"),
                    arguments(Named.of("no name signed", (Consumer<Form>) f -> f.signedBy = null),
                            "the signature and its date (signedBy, signedOn)"),
                    arguments(Named.of("a blank signature", (Consumer<Form>) f -> f.signedBy = ""),
                            "the signature and its date (signedBy, signedOn)"),
                    arguments(Named.of("no date by the signature", (Consumer<Form>) f -> f.signedOn = null),
                            "the signature and its date (signedBy, signedOn)"),
                    arguments(Named.of("no acknowledgement of the right to revoke",
                                    (Consumer<Form>) f -> f.rightToRevokeAcknowledged = false),
                            "the person's acknowledgement of their right to revoke"));
        }

        @ParameterizedTest(name = "{0} is rejected, naming what is missing")
        @MethodSource("formsMissingAnElement")
        void aConsentMissingAnElementOfSection231IsRejectedNamingIt(Consumer<Form> crossOut, String element) {
            fixture.givenNoPriorActivity()
                   .when(form().with(crossOut).grant())
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("A consent must say " + element + "."))
                   .expectNoEvents();
        }

        @ParameterizedTest(name = "expiring {0} days from today")
        @ValueSource(ints = {0, -1, -30})
        void aConsentExpiringTodayOrEarlierIsRejected(int daysFromToday) {
            fixture.givenNoPriorActivity()
                   .when(form().with(f -> f.expiresOn = TODAY.plusDays(daysFromToday)).grant())
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("expires today or earlier would allow nothing"))
                   .expectNoEvents();
        }

        @Test
        void aConsentExpiringTodayIsRejectedEvenWhenItAlsoNamesAnEvent() {
            fixture.givenNoPriorActivity()
                   .when(form().with(f -> {
                       f.expiresOn = TODAY;
                       f.expiresUpon = UPON_DISCHARGE;
                   }).grant())
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("expires today or earlier"))
                   .expectNoEvents();
        }

        @Test
        void aConsentCannotBeSignedInTheFuture() {
            fixture.givenNoPriorActivity()
                   .when(form().with(f -> f.signedOn = TODAY.plusDays(1)).grant())
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("cannot be signed in the future"))
                   .expectNoEvents();
        }

        @Test
        void theDatesCanOnlyBeCheckedAgainstAKnownToday() {
            fixture.givenNoPriorActivity()
                   .when(form().with(f -> {
                       f.signedOn = TODAY.plusYears(1);
                       f.today = null;
                   }).grant())
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("what day it is"))
                   .expectNoEvents();
        }
    }

    @Nested
    class RevokingConsent {

        @Test
        void revokingTakesEffectAtOnce() {
            fixture.given(granted())
                   .when(new RevokeConsent(CONSENT_ID, REVOKED_AT))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(revoked());
        }

        @Test
        void aConsentRunningUntilAnEventCanBeRevokedToo() {
            fixture.given(grantedUntilDischarge())
                   .when(new RevokeConsent(CONSENT_ID, REVOKED_AT))
                   .expectEvents(revoked());
        }

        @Test
        void aConsentCanBeRevokedTheDayBeforeItWouldExpire() {
            fixture.given(granted())
                   .when(new RevokeConsent(CONSENT_ID, DAY_BEFORE_EXPIRY))
                   .expectEvents(new ConsentRevoked(CONSENT_ID, CASE_ID, DAY_BEFORE_EXPIRY));
        }

        @Test
        void aRevokedConsentCannotBeRevokedAgain() {
            fixture.given(granted(), revoked())
                   .when(new RevokeConsent(CONSENT_ID, REVOKED_AT.plusSeconds(60)))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("already ended"))
                   .expectNoEvents();
        }

        @Test
        void anExpiredConsentCannotBeRevoked() {
            fixture.given(granted(), expiredOnItsDate())
                   .when(new RevokeConsent(CONSENT_ID, WEEK_AFTER_EXPIRY))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("already ended"))
                   .expectNoEvents();
        }
    }

    @Nested
    class ExpiringConsent {

        @Test
        void aConsentExpiresOnItsDate() {
            fixture.given(granted())
                   .when(new ExpireConsent(CONSENT_ID, START_OF_EXPIRY_DAY, null))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(expiredOnItsDate());
        }

        @Test
        void aConsentExpiresAfterItsDateHasPassed() {
            fixture.given(granted())
                   .when(new ExpireConsent(CONSENT_ID, WEEK_AFTER_EXPIRY, null))
                   .expectEvents(new ConsentExpired(CONSENT_ID, CASE_ID, WEEK_AFTER_EXPIRY, null));
        }

        @ParameterizedTest(name = "because \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void beforeItsDateAConsentDoesNotExpireWithoutANamedEvent(String because) {
            fixture.given(granted())
                   .when(new ExpireConsent(CONSENT_ID, DAY_BEFORE_EXPIRY, because))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(allOf(containsString("runs until 2026-09-04"),
                           containsString("say which event ended it")))
                   .expectNoEvents();
        }

        @Test
        void beforeItsDateAConsentExpiresWhenTheEventItNamesHappens() {
            fixture.given(form().with(f -> f.expiresUpon = UPON_DISCHARGE).granted())
                   .when(new ExpireConsent(CONSENT_ID, DAY_BEFORE_EXPIRY, "Rae was discharged"))
                   .expectEvents(new ConsentExpired(CONSENT_ID, CASE_ID, DAY_BEFORE_EXPIRY, "Rae was discharged"));
        }

        @Test
        void aConsentWithoutADateExpiresWhenItsEventHappens() {
            fixture.given(grantedUntilDischarge())
                   .when(new ExpireConsent(CONSENT_ID, REVOKED_AT, "Rae was discharged"))
                   .expectEvents(new ConsentExpired(CONSENT_ID, CASE_ID, REVOKED_AT, "Rae was discharged"));
        }

        @Test
        void aConsentWithoutADateDoesNotExpireWithoutANamedEvent() {
            fixture.given(grantedUntilDischarge())
                   .when(new ExpireConsent(CONSENT_ID, WEEK_AFTER_EXPIRY, null))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(allOf(containsString("say which event ended it"),
                           not(containsString("null"))))
                   .expectNoEvents();
        }

        @Test
        void anExpiredConsentCannotExpireAgain() {
            fixture.given(granted(), expiredOnItsDate())
                   .when(new ExpireConsent(CONSENT_ID, WEEK_AFTER_EXPIRY, null))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("already ended"))
                   .expectNoEvents();
        }

        @Test
        void aRevokedConsentCannotExpire() {
            fixture.given(granted(), revoked())
                   .when(new ExpireConsent(CONSENT_ID, WEEK_AFTER_EXPIRY, null))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("already ended"))
                   .expectNoEvents();
        }
    }
}
