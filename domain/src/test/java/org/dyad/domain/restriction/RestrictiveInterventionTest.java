package org.dyad.domain.restriction;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dyad.domain.restriction.InterventionCommand.*;
import org.dyad.domain.restriction.InterventionEvent.*;
import org.dyad.domain.shared.DomainRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;

/** The legal clocks and rules of restraint and seclusion, with time advanced on the fixture's clock. */
class RestrictiveInterventionTest {

    static final String ID = "episode-1";
    static final String CASE = "case-7";
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Wednesday 2026-03-11, 10:00 in New York. */
    static final Instant T0 = Instant.parse("2026-03-11T14:00:00Z");
    static final LocalDate ADULT = LocalDate.of(1990, 5, 1);
    static final String DR_LEE = "dr-lee";
    static final String NURSE_ANA = "nurse-ana";
    static final List<String> TRIED = List.of("offered a quiet room", "talked with the peer");

    private FixtureConfiguration<RestrictiveIntervention> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RestrictiveIntervention.class);
    }

    static Order orderAt(Instant at) {
        return new Order(DR_LEE, OrderType.THIS_EPISODE, at, null, false);
    }

    static StartIntervention start(InterventionKind kind, LocalDate born) {
        return new StartIntervention(ID, CASE, kind, false, "hitting their head against the wall", TRIED,
                orderAt(T0), born, NEW_YORK, T0, T0);
    }

    static StartIntervention startSeclusion() {
        return start(InterventionKind.SECLUSION, ADULT);
    }

    static RecordFaceToFaceEvaluation evaluatedAfter(Duration after) {
        return new RecordFaceToFaceEvaluation(ID, DR_LEE, "calmer; continue for now", T0.plus(after), T0.plus(after));
    }

    static InterventionStarted started(InterventionKind kind, LocalDate born, Duration orderLimit) {
        return new InterventionStarted(ID, CASE, kind, false, "hitting their head against the wall", TRIED,
                orderAt(T0), T0.plus(orderLimit), T0.plus(Duration.ofHours(1)), born, NEW_YORK, T0, T0);
    }

    @Nested
    class Starting {

        @ParameterizedTest(name = "born {0}: an order lasts at most {1} h")
        @CsvSource({
                "1990-05-01, 4",   // 35
                "2008-03-11, 4",   // 18 today
                "2008-03-12, 2",   // 17, turns 18 tomorrow
                "2017-03-11, 2",   // 9 today
                "2017-03-12, 1",   // 8
                "2022-01-01, 1"})
        void anOrderLastsAtMostWhatThePersonsAgeAtTheStartAllows(LocalDate born, long hours) {
            fixture.givenNoPriorActivity()
                   .when(start(InterventionKind.SECLUSION, born))
                   .expectEvents(started(InterventionKind.SECLUSION, born, Duration.ofHours(hours)))
                   .expectScheduledDeadlineWithName(T0.plus(Duration.ofHours(hours)), RestrictiveIntervention.ORDER_EXPIRY)
                   .expectScheduledDeadlineWithName(T0.plus(Duration.ofHours(1)), RestrictiveIntervention.FACE_TO_FACE);
        }

        @Test
        void anOrderLongerThanTheLimitForAChildIsRejected() {
            Order threeHours = new Order(DR_LEE, OrderType.THIS_EPISODE, T0, Duration.ofHours(3), false);
            fixture.givenNoPriorActivity()
                   .when(new StartIntervention(ID, CASE, InterventionKind.PHYSICAL_HOLD, false, "risk", TRIED,
                           threeHours, LocalDate.of(2013, 1, 1), NEW_YORK, T0, T0))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("at most 2 hours"));
        }

        @ParameterizedTest
        @EnumSource(value = OrderType.class, names = {"STANDING", "AS_NEEDED"})
        void standingAndAsNeededOrdersAreRejected(OrderType type) {
            fixture.givenNoPriorActivity()
                   .when(new StartIntervention(ID, CASE, InterventionKind.SECLUSION, false, "risk", TRIED,
                           new Order(DR_LEE, type, T0, null, false), ADULT, NEW_YORK, T0, T0))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("as-needed (PRN) orders are never allowed"));
        }

        @Test
        void aStartWithoutAnOrderIsRejected() {
            fixture.givenNoPriorActivity()
                   .when(new StartIntervention(ID, CASE, InterventionKind.SECLUSION, false, "risk", TRIED,
                           null, ADULT, NEW_YORK, T0, T0))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("needs a prescriber's order"));
        }

        @Test
        void anOrderWithoutAPrescriberIsRejected() {
            fixture.givenNoPriorActivity()
                   .when(new StartIntervention(ID, CASE, InterventionKind.SECLUSION, false, "risk", TRIED,
                           new Order(" ", OrderType.THIS_EPISODE, T0, null, false), ADULT, NEW_YORK, T0, T0))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("prescriber"));
        }

        @Test
        void aStartWithoutLessRestrictiveAlternativesIsRejected() {
            fixture.givenNoPriorActivity()
                   .when(new StartIntervention(ID, CASE, InterventionKind.SECLUSION, false, "risk", List.of(" "),
                           orderAt(T0), ADULT, NEW_YORK, T0, T0))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("less restrictive alternatives"));
        }

        @Test
        void aStartWithoutAnImminentRiskIsRejected() {
            fixture.givenNoPriorActivity()
                   .when(new StartIntervention(ID, CASE, InterventionKind.SECLUSION, false, "", TRIED,
                           orderAt(T0), ADULT, NEW_YORK, T0, T0))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("imminent risk"));
        }

        @Test
        void aStartInTheFutureIsRejected() {
            fixture.givenNoPriorActivity()
                   .when(new StartIntervention(ID, CASE, InterventionKind.SECLUSION, false, "risk", TRIED,
                           orderAt(T0), ADULT, NEW_YORK, T0.plusSeconds(60), T0))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("cannot be later than the time it is recorded"));
        }

        @Test
        void softWristRestraintIsOnlyAMechanicalRestraint() {
            fixture.givenNoPriorActivity()
                   .when(new StartIntervention(ID, CASE, InterventionKind.SECLUSION, true, "risk", TRIED,
                           orderAt(T0), ADULT, NEW_YORK, T0, T0))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("is a mechanical restraint"));
        }
    }

    @Nested
    class OrderExpiry {

        @ParameterizedTest(name = "born {0}: order runs out after {1} h")
        @CsvSource({"1990-05-01, 4", "2012-06-01, 2", "2019-06-01, 1"})
        void theOrderRunsOutByAgeBandWhileTheMeasureGoesOn(LocalDate born, long hours) {
            Instant expires = T0.plus(Duration.ofHours(hours));
            fixture.givenCurrentTime(T0)
                   .andGivenCommands(start(InterventionKind.MECHANICAL_RESTRAINT, born), evaluatedAfter(Duration.ofMinutes(30)))
                   .whenTimeAdvancesTo(expires.minusSeconds(1))
                   .expectNoEvents();
            setUp();
            fixture.givenCurrentTime(T0)
                   .andGivenCommands(start(InterventionKind.MECHANICAL_RESTRAINT, born), evaluatedAfter(Duration.ofMinutes(30)))
                   .whenTimeAdvancesTo(expires)
                   .expectEvents(new OrderExpired(ID, expires));
        }

        @Test
        void aRenewalMovesTheExpiry() {
            Instant renewedAt = T0.plus(Duration.ofHours(3));
            fixture.givenCurrentTime(T0)
                   .andGivenCommands(startSeclusion(), evaluatedAfter(Duration.ofMinutes(20)),
                           new RenewOrder(ID, orderAt(renewedAt), renewedAt))
                   .whenTimeAdvancesTo(T0.plus(Duration.ofHours(7)))
                   .expectEvents(new OrderExpired(ID, renewedAt.plus(Duration.ofHours(4))));
        }

        @Test
        void anEndedEpisodeHasNoOrderToExpire() {
            Instant end = T0.plus(Duration.ofHours(2));
            fixture.givenCurrentTime(T0)
                   .andGivenCommands(startSeclusion(), evaluatedAfter(Duration.ofMinutes(20)), new EndIntervention(ID, end, end))
                   .whenTimeAdvancesTo(T0.plus(Duration.ofHours(5)))
                   .expectNoEvents()
                   .expectNoScheduledDeadlineWithName(T0.plus(Duration.ofHours(4)), RestrictiveIntervention.ORDER_EXPIRY);
        }

        @Test
        void renewalsWithoutSeeingThePersonReachAtMost24Hours() {
            Instant at21h = T0.plus(Duration.ofHours(21));
            fixture.given(started(InterventionKind.SECLUSION, ADULT, Duration.ofHours(4)))
                   .when(new RenewOrder(ID, orderAt(at21h), at21h))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("at most 24 hours"));
        }

        @Test
        void aRenewalEndingExactlyAt24HoursIsAccepted() {
            Instant at20h = T0.plus(Duration.ofHours(20));
            fixture.given(started(InterventionKind.SECLUSION, ADULT, Duration.ofHours(4)))
                   .when(new RenewOrder(ID, orderAt(at20h), at20h))
                   .expectEvents(new OrderRenewed(ID, orderAt(at20h), T0.plus(Duration.ofHours(24)), at20h));
        }

        @Test
        void pastTwentyFourHoursANewOrderNeedsAnInPersonEvaluation() {
            Instant at23h = T0.plus(Duration.ofHours(23));
            Order seen = new Order(DR_LEE, OrderType.THIS_EPISODE, at23h, null, true);
            fixture.given(started(InterventionKind.SECLUSION, ADULT, Duration.ofHours(4)))
                   .when(new RenewOrder(ID, seen, at23h))
                   .expectEvents(new OrderRenewed(ID, seen, at23h.plus(Duration.ofHours(4)), at23h));
        }

        @Test
        void anInPersonEvaluationStartsANew24Hours() {
            Instant at23h = T0.plus(Duration.ofHours(23));
            Order seen = new Order(DR_LEE, OrderType.THIS_EPISODE, at23h, null, true);
            Object[] seenAt23h = {started(InterventionKind.SECLUSION, ADULT, Duration.ofHours(4)),
                    new OrderRenewed(ID, seen, at23h.plus(Duration.ofHours(4)), at23h)};
            Instant at43h = T0.plus(Duration.ofHours(43));
            fixture.given(seenAt23h)
                   .when(new RenewOrder(ID, orderAt(at43h), at43h))
                   .expectEvents(new OrderRenewed(ID, orderAt(at43h), at43h.plus(Duration.ofHours(4)), at43h));
            Instant at44h = T0.plus(Duration.ofHours(44));
            fixture.given(seenAt23h)
                   .when(new RenewOrder(ID, orderAt(at44h), at44h))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("at most 24 hours"));
        }

        @Test
        void aRenewalIsAlsoLimitedByAge() {
            Instant later = T0.plus(Duration.ofMinutes(50));
            Order twoHours = new Order(DR_LEE, OrderType.THIS_EPISODE, later, Duration.ofHours(2), false);
            LocalDate child = LocalDate.of(2019, 6, 1);
            fixture.given(started(InterventionKind.PHYSICAL_HOLD, child, Duration.ofHours(1)))
                   .when(new RenewOrder(ID, twoHours, later))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("at most 1 hour."));
        }

        @Test
        void aRenewalMayNotBeAsNeeded() {
            fixture.given(started(InterventionKind.SECLUSION, ADULT, Duration.ofHours(4)))
                   .when(new RenewOrder(ID, new Order(DR_LEE, OrderType.AS_NEEDED, T0, null, false), T0))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("PRN"));
        }
    }

    @Nested
    class FaceToFace {

        @Test
        void anEvaluationNotRecordedWithinTheHourIsOverdue() {
            fixture.givenCurrentTime(T0)
                   .andGivenCommands(startSeclusion())
                   .whenTimeElapses(Duration.ofMinutes(59))
                   .expectNoEvents();
            setUp();
            fixture.givenCurrentTime(T0)
                   .andGivenCommands(startSeclusion())
                   .whenTimeElapses(Duration.ofHours(1))
                   .expectEvents(new FaceToFaceEvaluationOverdue(ID, T0.plus(Duration.ofHours(1))))
                   .expectTriggeredDeadlinesWithName(RestrictiveIntervention.FACE_TO_FACE);
        }

        @Test
        void anEvaluationWithinTheHourStopsTheClock() {
            fixture.givenCurrentTime(T0)
                   .andGivenCommands(startSeclusion(), evaluatedAfter(Duration.ofMinutes(45)))
                   .whenTimeElapses(Duration.ofHours(2))
                   .expectNoEvents();
        }

        @Test
        void anEvaluationAfterTheHourIsRecordedAsLate() {
            fixture.given(started(InterventionKind.SECLUSION, ADULT, Duration.ofHours(4)))
                   .when(evaluatedAfter(Duration.ofMinutes(61)))
                   .expectEvents(new FaceToFaceEvaluationRecorded(ID, DR_LEE, "calmer; continue for now",
                           T0.plus(Duration.ofMinutes(61)), T0.plus(Duration.ofMinutes(61)), false));
        }

        @Test
        void anEvaluationAtTheHourIsInTime() {
            fixture.given(started(InterventionKind.SECLUSION, ADULT, Duration.ofHours(4)))
                   .when(evaluatedAfter(Duration.ofHours(1)))
                   .expectEvents(new FaceToFaceEvaluationRecorded(ID, DR_LEE, "calmer; continue for now",
                           T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)), true));
        }

        @Test
        void anEvaluationChartedLateKeepsItsClinicalTime() {
            Instant evaluated = T0.plus(Duration.ofMinutes(40));
            Instant charted = T0.plus(Duration.ofHours(3));
            fixture.given(started(InterventionKind.SECLUSION, ADULT, Duration.ofHours(4)))
                   .when(new RecordFaceToFaceEvaluation(ID, DR_LEE, "settled", evaluated, charted))
                   .expectEvents(new FaceToFaceEvaluationRecorded(ID, DR_LEE, "settled", evaluated, charted, true));
        }

        @Test
        void anEvaluationBeforeTheStartIsRejected() {
            fixture.given(started(InterventionKind.SECLUSION, ADULT, Duration.ofHours(4)))
                   .when(new RecordFaceToFaceEvaluation(ID, DR_LEE, "x", T0.minusSeconds(60), T0))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("before the episode started"));
        }

        @Test
        void theEvaluationIsRecordedOnce() {
            fixture.given(started(InterventionKind.SECLUSION, ADULT, Duration.ofHours(4)),
                           new FaceToFaceEvaluationRecorded(ID, DR_LEE, "x", T0, T0, true))
                   .when(evaluatedAfter(Duration.ofMinutes(5)))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("already recorded"));
        }
    }

    @Nested
    class Measures {

        @Test
        void restraintCanGiveWayToSeclusion() {
            Instant at = T0.plus(Duration.ofMinutes(30));
            fixture.given(started(InterventionKind.MECHANICAL_RESTRAINT, ADULT, Duration.ofHours(4)))
                   .when(new ChangeMeasures(ID, Set.of(InterventionKind.SECLUSION), at, at))
                   .expectEvents(new MeasuresChanged(ID, Set.of(InterventionKind.SECLUSION), at, at));
        }

        @Test
        void theSameMeasuresAreNoChange() {
            fixture.given(started(InterventionKind.SECLUSION, ADULT, Duration.ofHours(4)))
                   .when(new ChangeMeasures(ID, Set.of(InterventionKind.SECLUSION), T0, T0))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("already in place"));
        }

        @Test
        void stoppingEveryMeasureIsAnEnd() {
            fixture.given(started(InterventionKind.SECLUSION, ADULT, Duration.ofHours(4)))
                   .when(new ChangeMeasures(ID, Set.of(), T0, T0))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("end the episode"));
        }

        @Test
        void anEndedEpisodeCannotChange() {
            Instant end = T0.plus(Duration.ofHours(1));
            fixture.given(started(InterventionKind.SECLUSION, ADULT, Duration.ofHours(4)),
                           new InterventionEnded(ID, end, end, end.plus(Duration.ofHours(24))))
                   .when(new ChangeMeasures(ID, Set.of(InterventionKind.PHYSICAL_HOLD), end, end))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("has ended"));
        }

        @Test
        void theEndCannotComeBeforeTheLastChange() {
            Instant change = T0.plus(Duration.ofMinutes(30));
            fixture.given(started(InterventionKind.MECHANICAL_RESTRAINT, ADULT, Duration.ofHours(4)),
                           new MeasuresChanged(ID, Set.of(InterventionKind.SECLUSION), change, change))
                   .when(new EndIntervention(ID, change.minusSeconds(1), change))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("cannot come before"));
        }

        @Test
        void monitoringIsRecordedDuringTheEpisodeOnly() {
            Instant end = T0.plus(Duration.ofHours(1));
            Object[] ended = {started(InterventionKind.SECLUSION, ADULT, Duration.ofHours(4)),
                    new InterventionEnded(ID, end, end, end.plus(Duration.ofHours(24)))};
            Instant during = T0.plus(Duration.ofMinutes(15));
            fixture.given(ended)
                   .when(new RecordMonitoring(ID, NURSE_ANA, "breathing easily, asked for water", during, end))
                   .expectEvents(new MonitoringRecorded(ID, NURSE_ANA, "breathing easily, asked for water", during, end));
            fixture.given(ended)
                   .when(new RecordMonitoring(ID, NURSE_ANA, "asleep", end.plusSeconds(60), end.plusSeconds(60)))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("after the episode ended"));
        }

        @Test
        void anInjuryIsRecordedWithWhoWasHurt() {
            fixture.given(started(InterventionKind.PHYSICAL_HOLD, ADULT, Duration.ofHours(4)))
                   .when(new RecordInjury(ID, InjuredParty.PERSON_SERVED, "bruised wrist", T0, T0))
                   .expectEvents(new InjuryRecorded(ID, InjuredParty.PERSON_SERVED, "bruised wrist", T0, T0));
        }
    }

    @Nested
    class Debrief {

        static final Instant END = T0.plus(Duration.ofHours(2));

        static Object[] endedEpisode() {
            return new Object[]{started(InterventionKind.SECLUSION, ADULT, Duration.ofHours(4)),
                    new InterventionEnded(ID, END, END, END.plus(Duration.ofHours(24)))};
        }

        static RecordDebrief debriefAt(Instant at, String peer) {
            return new RecordDebrief(ID, peer, "I was scared and nobody told me why", "sitting with Sam outside",
                    "escalated at shift change", "offer the comfort room first", at, at);
        }

        @Test
        void anEpisodeWithoutADebriefAfter24HoursIsFlagged() {
            fixture.givenCurrentTime(T0)
                   .andGivenCommands(startSeclusion(), evaluatedAfter(Duration.ofMinutes(30)), new EndIntervention(ID, END, END))
                   .whenTimeAdvancesTo(END.plus(Duration.ofHours(24)))
                   .expectEvents(new DebriefOverdue(ID, END.plus(Duration.ofHours(24))));
        }

        @Test
        void aDebriefStopsTheClock() {
            Instant next = END.plus(Duration.ofHours(3));
            fixture.givenCurrentTime(T0)
                   .andGivenCommands(startSeclusion(), evaluatedAfter(Duration.ofMinutes(30)), new EndIntervention(ID, END, END),
                           debriefAt(next, "peer-sam"))
                   .whenTimeAdvancesTo(END.plus(Duration.ofDays(2)))
                   .expectNoEvents();
        }

        @Test
        void aDebriefHeldWithThePeerKeepsThePersonsAccountBesideTheTeams() {
            Instant next = END.plus(Duration.ofHours(3));
            fixture.given(endedEpisode())
                   .when(debriefAt(next, "peer-sam"))
                   .expectEvents(new DebriefRecorded(ID, "peer-sam", "I was scared and nobody told me why",
                           "sitting with Sam outside", "escalated at shift change", "offer the comfort room first",
                           next, next, true));
        }

        @Test
        void aDebriefNeedsThePeer() {
            fixture.given(endedEpisode())
                   .when(debriefAt(END.plusSeconds(3600), " "))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("peer present"));
        }

        @Test
        void aDebriefFollowsTheEnd() {
            fixture.given(started(InterventionKind.SECLUSION, ADULT, Duration.ofHours(4)))
                   .when(debriefAt(T0.plusSeconds(600), "peer-sam"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("follows the end"));
        }

        @Test
        void thePersonMayAddTheirAccountAtAnyTime() {
            fixture.given(endedEpisode())
                   .when(new AddPersonsAccount(ID, "they held me down in front of everyone", "being asked what I needed", END))
                   .expectEvents(new PersonsAccountAdded(ID, "they held me down in front of everyone", "being asked what I needed", END));
        }
    }

    @Nested
    class Death {

        /** Started Wednesday 10:00 New York time. */
        static Object[] history(boolean softWrist) {
            return new Object[]{new InterventionStarted(ID, CASE, InterventionKind.MECHANICAL_RESTRAINT, softWrist,
                    "risk", TRIED, orderAt(T0), T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofHours(1)), ADULT,
                    NEW_YORK, T0, T0)};
        }

        @Test
        void aDeathOnFridayNightIsReportedToCmsByMondaysCloseOfBusiness() {
            Instant fridayNight = Instant.parse("2026-03-14T03:00:00Z"); // Fri 13 March 23:00 EDT
            Instant mondayClose = Instant.parse("2026-03-16T21:00:00Z"); // Mon 16 March 17:00 EDT
            StartIntervention startedFriday = new StartIntervention(ID, CASE, InterventionKind.MECHANICAL_RESTRAINT,
                    false, "risk", TRIED, orderAt(fridayNight.minusSeconds(1800)), ADULT, NEW_YORK,
                    fridayNight.minusSeconds(1800), fridayNight.minusSeconds(1800));
            RecordFaceToFaceEvaluation evaluated = new RecordFaceToFaceEvaluation(ID, DR_LEE, "x",
                    fridayNight.minusSeconds(900), fridayNight.minusSeconds(900));
            fixture.givenCurrentTime(fridayNight)
                   .andGivenCommands(startedFriday, evaluated, new RecordDeath(ID, fridayNight, false, fridayNight))
                   .whenTimeAdvancesTo(mondayClose.minusSeconds(60))
                   .expectEvents(new DebriefOverdue(ID, fridayNight.plus(Duration.ofHours(24))));
            setUp();
            fixture.givenCurrentTime(fridayNight)
                   .andGivenCommands(startedFriday, evaluated, new RecordDeath(ID, fridayNight, false, fridayNight),
                           new RecordDebrief(ID, "peer-sam", null, null, "what the team saw", "review holds", fridayNight.plusSeconds(7200), fridayNight.plusSeconds(7200)))
                   .whenTimeAdvancesTo(mondayClose)
                   .expectEvents(new DeathReportOverdue(ID, DeathReporting.CMS, mondayClose));
        }

        @Test
        void aDeathDuringTheEpisodeEndsItAndIsDueForCms() {
            Instant died = T0.plus(Duration.ofMinutes(50));
            Instant thursdayClose = Instant.parse("2026-03-12T21:00:00Z");
            fixture.given(history(false))
                   .when(new RecordDeath(ID, died, false, died))
                   .expectEvents(new InterventionEnded(ID, died, died, died.plus(Duration.ofHours(24))),
                           new DeathRecorded(ID, died, false, DeathReporting.CMS, thursdayClose, died));
        }

        @Test
        void softTwoPointWristRestraintOnlyGoesToTheInternalLogWithin7Days() {
            Instant died = T0.plus(Duration.ofMinutes(50));
            fixture.given(history(true))
                   .when(new RecordDeath(ID, died, false, died))
                   .expectEvents(new InterventionEnded(ID, died, died, died.plus(Duration.ofHours(24))),
                           new DeathRecorded(ID, died, false, DeathReporting.INTERNAL_LOG, died.plus(Duration.ofDays(7)), died));
        }

        @Test
        void softWristRestraintWithSeclusionIsReportedToCms() {
            Instant change = T0.plus(Duration.ofMinutes(10));
            Instant died = T0.plus(Duration.ofMinutes(50));
            fixture.given(history(true)[0], new MeasuresChanged(ID, Set.of(InterventionKind.MECHANICAL_RESTRAINT, InterventionKind.SECLUSION), change, change))
                   .when(new RecordDeath(ID, died, false, died))
                   .expectEvents(new InterventionEnded(ID, died, died, died.plus(Duration.ofHours(24))),
                           new DeathRecorded(ID, died, false, DeathReporting.CMS, Instant.parse("2026-03-12T21:00:00Z"), died));
        }

        @ParameterizedTest(name = "{0} h after release, may have contributed: {1} -> {2}")
        @CsvSource({"23, false, CMS", "25, false, NONE", "72, true, CMS", "169, true, NONE"})
        void aDeathAfterReleaseIsReportableWithin24HoursOrWithinAWeekWhereTheMeasureMayHaveContributed(
                long hoursAfter, boolean contributed, DeathReporting expected) {
            Instant end = T0.plus(Duration.ofHours(1));
            Instant died = end.plus(Duration.ofHours(hoursAfter));
            fixture.given(history(false)[0], new InterventionEnded(ID, end, end, end.plus(Duration.ofHours(24))))
                   .when(new RecordDeath(ID, died, contributed, died))
                   .expectEvents(new DeathRecorded(ID, died, contributed, expected,
                           LegalClocks.deathReportDueBy(expected, died, NEW_YORK), died));
        }

        @Test
        void aReportInTimeStopsTheClock() {
            Instant died = T0.plus(Duration.ofMinutes(50));
            Instant reported = T0.plus(Duration.ofHours(20));
            fixture.givenCurrentTime(T0)
                   .andGivenCommands(new StartIntervention(ID, CASE, InterventionKind.MECHANICAL_RESTRAINT, false,
                                   "risk", TRIED, orderAt(T0), ADULT, NEW_YORK, T0, T0), evaluatedAfter(Duration.ofMinutes(30)),
                           new RecordDeath(ID, died, false, died),
                           new RecordDebrief(ID, "peer-sam", null, null, "t", "c", died.plusSeconds(60), died.plusSeconds(60)),
                           new RecordDeathReport(ID, "quality-lead", reported, reported))
                   .whenTimeAdvancesTo(T0.plus(Duration.ofDays(10)))
                   .expectNoEvents();
        }

        @Test
        void noReportIsDueWithoutAReportableDeath() {
            fixture.given(history(false))
                   .when(new RecordDeathReport(ID, "quality-lead", T0, T0))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("No death needing a report"));
        }
    }

    @Test
    void theClosingOfTheNextBusinessDaySkipsTheWeekend() {
        org.assertj.core.api.Assertions.assertThat(LegalClocks.closeOfNextBusinessDay(
                Instant.parse("2026-03-14T15:00:00Z"), NEW_YORK)) // Saturday
                .isEqualTo(Instant.parse("2026-03-16T21:00:00Z"));
        org.assertj.core.api.Assertions.assertThat(LegalClocks.closeOfNextBusinessDay(
                Instant.parse("2026-03-12T15:00:00Z"), NEW_YORK)) // Thursday
                .isEqualTo(Instant.parse("2026-03-13T21:00:00Z"));
    }
}
