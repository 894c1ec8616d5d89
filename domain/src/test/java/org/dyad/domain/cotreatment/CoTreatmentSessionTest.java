package org.dyad.domain.cotreatment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dyad.domain.cotreatment.SessionCommand.*;
import org.dyad.domain.cotreatment.SessionEvent.*;
import org.dyad.domain.shared.DomainRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.dyad.domain.cotreatment.ParticipantRole.*;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The rules of a {@link CoTreatmentSession}: the peer specialist and the psychiatrist with the person at the same
 * time, each writing and signing their own note. One rule per test, named in the care team's words.
 */
class CoTreatmentSessionTest {

    static final String SESSION_ID = "session-12";
    static final String CASE_ID = "case-7";

    static final String PEER_SAM = "peer-sam";
    static final String DR_LEE = "dr-lee";
    static final String RAE = "person-rae";
    static final String SISTER_JO = "jo-rivera";
    static final String NURSE_ANA = "nurse-ana";
    static final String PEER_MAX = "peer-max";

    static final String ROOM_3 = "Riverside Clinic, room 3";
    static final Instant SCHEDULED_FOR = at("14:00");
    /** Everything in these stories is charted at half past three, after the session. */
    static final Instant CHARTED = at("15:30");
    static final Instant SIGNED = at("16:10");

    private FixtureConfiguration<CoTreatmentSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CoTreatmentSession.class);
    }

    // ---- when, on the afternoon of the session -----------------------------------------------

    static Instant at(String hhmm) {
        return Instant.parse("2026-03-04T" + hhmm + ":00Z");
    }

    // ---- what already happened -------------------------------------------------------------

    static SessionScheduled scheduled() {
        return new SessionScheduled(SESSION_ID, CASE_ID, SCHEDULED_FOR, ROOM_3, PEER_SAM, DR_LEE, RAE);
    }

    static SessionStarted started() {
        return new SessionStarted(SESSION_ID, CASE_ID, at("14:00"), CHARTED);
    }

    static SessionCancelled cancelled() {
        return new SessionCancelled(SESSION_ID, CASE_ID, "Rae asked to move it to next week");
    }

    static ParticipantJoined joined(String who, ParticipantRole role, String hhmm) {
        return new ParticipantJoined(SESSION_ID, CASE_ID, who, role, at(hhmm), CHARTED);
    }

    static ParticipantLeft left(String who, String hhmm) {
        return new ParticipantLeft(SESSION_ID, CASE_ID, who, at(hhmm), CHARTED);
    }

    static Attendance stretch(String who, ParticipantRole role, String from, String to) {
        return new Attendance(who, role, at(from), at(to));
    }

    static SessionEnded endedAtThree(SessionKind kind, boolean peerServed, boolean psychiatristServed,
                                     Attendance... attendance) {
        return new SessionEnded(SESSION_ID, CASE_ID, at("15:00"), CHARTED, kind, List.of(attendance), peerServed,
                psychiatristServed);
    }

    /** Scheduled, started at two, and whatever happened since. */
    static Object[] inProgress(Object... since) {
        return concat(new Object[]{scheduled(), started()}, since);
    }

    /** Rae, Sam and Dr Lee together from two to three. */
    static Object[] endedAsCoTreatment(Object... since) {
        return concat(inProgress(joined(RAE, PERSON_SERVED, "14:00"), joined(PEER_SAM, PEER_SPECIALIST, "14:00"),
                        joined(DR_LEE, PSYCHIATRIST, "14:00"),
                        endedAtThree(SessionKind.CO_TREATMENT, true, true,
                                stretch(RAE, PERSON_SERVED, "14:00", "15:00"),
                                stretch(PEER_SAM, PEER_SPECIALIST, "14:00", "15:00"),
                                stretch(DR_LEE, PSYCHIATRIST, "14:00", "15:00"))),
                since);
    }

    static Object[] concat(Object[] history, Object... more) {
        return Stream.concat(Stream.of(history), Stream.of(more)).toArray();
    }

    static ScheduleSession schedule(String caseId, Instant scheduledFor, String peerId, String psychiatristId) {
        return new ScheduleSession(SESSION_ID, caseId, scheduledFor, ROOM_3, peerId, psychiatristId, RAE);
    }

    static JoinSession join(String who, ParticipantRole role, String hhmm) {
        return new JoinSession(SESSION_ID, who, role, at(hhmm), CHARTED);
    }

    static LeaveSession leave(String who, String hhmm) {
        return new LeaveSession(SESSION_ID, who, at(hhmm), CHARTED);
    }

    static EndSession endAtThree() {
        return new EndSession(SESSION_ID, at("15:00"), CHARTED);
    }

    static NoteWritten noteWritten(String author, ParticipantRole role, String text) {
        return new NoteWritten(SESSION_ID, CASE_ID, author, role, text);
    }

    static NoteSigned noteSigned(String author) {
        return new NoteSigned(SESSION_ID, CASE_ID, author, SIGNED);
    }

    static Stream<Named<Object[]>> sessionsNotInProgress() {
        return Stream.of(
                Named.of("not started", new Object[]{scheduled()}),
                Named.of("already ended", endedAsCoTreatment()),
                Named.of("cancelled", new Object[]{scheduled(), cancelled()}));
    }

    static Stream<Named<Object[]>> sessionsThatNeverStarted() {
        return Stream.of(
                Named.of("scheduled", new Object[]{scheduled()}),
                Named.of("cancelled", new Object[]{scheduled(), cancelled()}));
    }

    static final String SAMS_NOTE = "Rae talked about wanting to get back to the pottery studio; we planned the bus route.";
    static final String DR_LEES_NOTE = "Sleep improving; Rae chose to stay on the current dose for now.";

    @Nested
    class SchedulingASession {

        @Test
        void aSessionIsScheduledForTheDyadAndThePersonServed() {
            fixture.givenNoPriorActivity()
                   .when(schedule(CASE_ID, SCHEDULED_FOR, PEER_SAM, DR_LEE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(scheduled());
        }

        @Test
        void aSessionBelongsToACase() {
            fixture.givenNoPriorActivity()
                   .when(schedule(null, SCHEDULED_FOR, PEER_SAM, DR_LEE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("needs a case and a time"))
                   .expectNoEvents();
        }

        @Test
        void aSessionNeedsATime() {
            fixture.givenNoPriorActivity()
                   .when(schedule(CASE_ID, null, PEER_SAM, DR_LEE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("needs a case and a time"))
                   .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void aCoTreatmentSessionNeedsThePeerOfTheDyad(String peerId) {
            fixture.givenNoPriorActivity()
                   .when(schedule(CASE_ID, SCHEDULED_FOR, peerId, DR_LEE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("scheduled for a dyad: a peer specialist and a psychiatrist"))
                   .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void aCoTreatmentSessionNeedsThePsychiatristOfTheDyad(String psychiatristId) {
            fixture.givenNoPriorActivity()
                   .when(schedule(CASE_ID, SCHEDULED_FOR, PEER_SAM, psychiatristId))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("scheduled for a dyad: a peer specialist and a psychiatrist"))
                   .expectNoEvents();
        }

        @Test
        void thePeerAndThePsychiatristAreTwoDifferentPeople() {
            fixture.givenNoPriorActivity()
                   .when(schedule(CASE_ID, SCHEDULED_FOR, DR_LEE, DR_LEE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("two different people"))
                   .expectNoEvents();
        }

        @Test
        void aSessionThatHasNotStartedCanBeRescheduled() {
            Instant nextWeek = Instant.parse("2026-03-11T14:00:00Z");
            fixture.given(scheduled())
                   .when(new RescheduleSession(SESSION_ID, nextWeek, "Rae's home"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new SessionRescheduled(SESSION_ID, CASE_ID, nextWeek, "Rae's home"));
        }

        @Test
        void reschedulingSaysWhenTheSessionIsNow() {
            fixture.given(scheduled())
                   .when(new RescheduleSession(SESSION_ID, null, "Rae's home"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Say when the session is"))
                   .expectNoEvents();
        }

        @Test
        void aSessionThatHasNotStartedCanBeCancelled() {
            fixture.given(scheduled())
                   .when(new CancelSession(SESSION_ID, "Rae asked to move it to next week"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(cancelled());
        }

        static Stream<Named<Object[]>> sessionsPastScheduling() {
            return Stream.of(
                    Named.of("in progress", inProgress()),
                    Named.of("ended", endedAsCoTreatment()),
                    Named.of("cancelled", new Object[]{scheduled(), cancelled()}));
        }

        @ParameterizedTest
        @MethodSource("sessionsPastScheduling")
        void onlyASessionThatHasNotStartedCanBeRescheduled(Object[] history) {
            fixture.given(history)
                   .when(new RescheduleSession(SESSION_ID, Instant.parse("2026-03-11T14:00:00Z"), ROOM_3))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Only a session that has not started can be rescheduled"))
                   .expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("sessionsPastScheduling")
        void onlyASessionThatHasNotStartedCanBeCancelled(Object[] history) {
            fixture.given(history)
                   .when(new CancelSession(SESSION_ID, "too late"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Only a session that has not started can be cancelled"))
                   .expectNoEvents();
        }
    }

    @Nested
    class StartingAndEnding {

        @Test
        void aSessionStartsWithWhenItStartedAndWhenItWasCharted() {
            fixture.given(scheduled())
                   .when(new StartSession(SESSION_ID, at("14:00"), CHARTED))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(started());
        }

        @Test
        void chartingAtTheMomentItHappensIsAccepted() {
            fixture.given(scheduled())
                   .when(new StartSession(SESSION_ID, at("14:00"), at("14:00")))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new SessionStarted(SESSION_ID, CASE_ID, at("14:00"), at("14:00")));
        }

        static Stream<Named<Object[]>> sessionsThatCannotStart() {
            return Stream.of(
                    Named.of("already in progress", inProgress()),
                    Named.of("already ended", endedAsCoTreatment()),
                    Named.of("cancelled", new Object[]{scheduled(), cancelled()}));
        }

        @ParameterizedTest
        @MethodSource("sessionsThatCannotStart")
        void aSessionStartsOnlyOnceAndNeverAfterBeingCancelled(Object[] history) {
            fixture.given(history)
                   .when(new StartSession(SESSION_ID, at("14:30"), CHARTED))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("already started, ended or been cancelled"))
                   .expectNoEvents();
        }

        static Stream<Arguments> clinicalTimesLaterThanCharting() {
            Instant aMinuteAfterCharting = CHARTED.plusSeconds(60);
            return Stream.of(
                    arguments(Named.of("a start", new Object[]{scheduled()}),
                            new StartSession(SESSION_ID, aMinuteAfterCharting, CHARTED)),
                    arguments(Named.of("a join", inProgress()),
                            new JoinSession(SESSION_ID, RAE, PERSON_SERVED, aMinuteAfterCharting, CHARTED)),
                    arguments(Named.of("a leave", inProgress(joined(RAE, PERSON_SERVED, "14:00"))),
                            new LeaveSession(SESSION_ID, RAE, aMinuteAfterCharting, CHARTED)),
                    arguments(Named.of("an end", inProgress()),
                            new EndSession(SESSION_ID, aMinuteAfterCharting, CHARTED)));
        }

        @ParameterizedTest
        @MethodSource("clinicalTimesLaterThanCharting")
        void aTimeInTheFutureOfItsChartingIsRejected(Object[] history, SessionCommand command) {
            fixture.given(history)
                   .when(command)
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("cannot be later than the time it is recorded"))
                   .expectNoEvents();
        }

        static Stream<Arguments> momentsMissingATime() {
            Object[] raeIsThere = inProgress(joined(RAE, PERSON_SERVED, "14:00"));
            return Stream.of(
                    arguments(Named.of("a start without clinical time", new Object[]{scheduled()}),
                            new StartSession(SESSION_ID, null, CHARTED)),
                    arguments(Named.of("a start without charting time", new Object[]{scheduled()}),
                            new StartSession(SESSION_ID, at("14:00"), null)),
                    arguments(Named.of("a join without clinical time", inProgress()),
                            new JoinSession(SESSION_ID, RAE, PERSON_SERVED, null, CHARTED)),
                    arguments(Named.of("a join without charting time", inProgress()),
                            new JoinSession(SESSION_ID, RAE, PERSON_SERVED, at("14:00"), null)),
                    arguments(Named.of("a leave without clinical time", raeIsThere),
                            new LeaveSession(SESSION_ID, RAE, null, CHARTED)),
                    arguments(Named.of("a leave without charting time", raeIsThere),
                            new LeaveSession(SESSION_ID, RAE, at("14:30"), null)),
                    arguments(Named.of("an end without clinical time", inProgress()),
                            new EndSession(SESSION_ID, null, CHARTED)),
                    arguments(Named.of("an end without charting time", inProgress()),
                            new EndSession(SESSION_ID, at("15:00"), null)));
        }

        @ParameterizedTest
        @MethodSource("momentsMissingATime")
        void everyMomentOfASessionSaysWhenItHappenedAndWhenItWasCharted(Object[] history, SessionCommand command) {
            fixture.given(history)
                   .when(command)
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Say when it happened"))
                   .expectNoEvents();
        }

        @Test
        void endingClosesTheAttendanceOfEveryoneStillThereAtTheEndTime() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), joined(PEER_SAM, PEER_SPECIALIST, "14:05"),
                           joined(DR_LEE, PSYCHIATRIST, "14:10"), left(PEER_SAM, "14:50")))
                   .when(endAtThree())
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(endedAtThree(SessionKind.CO_TREATMENT, true, true,
                           stretch(RAE, PERSON_SERVED, "14:00", "15:00"),
                           stretch(PEER_SAM, PEER_SPECIALIST, "14:05", "14:50"),
                           stretch(DR_LEE, PSYCHIATRIST, "14:10", "15:00")));
        }

        @ParameterizedTest
        @MethodSource("org.dyad.domain.cotreatment.CoTreatmentSessionTest#sessionsNotInProgress")
        void onlyASessionInProgressCanEnd(Object[] history) {
            fixture.given(history)
                   .when(endAtThree())
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Only a session in progress can end"))
                   .expectNoEvents();
        }

        @Test
        void aSessionCannotEndBeforeItStarted() {
            fixture.given(inProgress())
                   .when(new EndSession(SESSION_ID, at("13:55"), CHARTED))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("cannot end before it started"))
                   .expectNoEvents();
        }

        @Test
        void theEndCannotComeBeforeSomeoneJoined() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), joined(DR_LEE, PSYCHIATRIST, "14:40")))
                   .when(new EndSession(SESSION_ID, at("14:30"), CHARTED))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("cannot come before someone's recorded attendance"))
                   .expectNoEvents();
        }

        @Test
        void theEndCannotComeBeforeSomeoneLeft() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), left(RAE, "14:45")))
                   .when(new EndSession(SESSION_ID, at("14:30"), CHARTED))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("cannot come before someone's recorded attendance"))
                   .expectNoEvents();
        }
    }

    @Nested
    class JoiningAndLeaving {

        @Test
        void thePersonJoinsASessionInProgress() {
            fixture.given(inProgress())
                   .when(join(RAE, PERSON_SERVED, "14:02"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(joined(RAE, PERSON_SERVED, "14:02"));
        }

        @Test
        void someoneThePersonInvitedCanJoin() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00")))
                   .when(join(SISTER_JO, SUPPORTER, "14:10"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(joined(SISTER_JO, SUPPORTER, "14:10"));
        }

        @Test
        void joiningAtTheMomentTheSessionStartsIsAccepted() {
            fixture.given(inProgress())
                   .when(join(PEER_SAM, PEER_SPECIALIST, "14:00"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(joined(PEER_SAM, PEER_SPECIALIST, "14:00"));
        }

        @ParameterizedTest
        @MethodSource("org.dyad.domain.cotreatment.CoTreatmentSessionTest#sessionsNotInProgress")
        void peopleJoinOnlyASessionInProgress(Object[] history) {
            fixture.given(history)
                   .when(join(RAE, PERSON_SERVED, "14:00"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("People join a session while it is in progress"))
                   .expectNoEvents();
        }

        static Stream<Named<JoinSession>> joinsWithoutWhoOrRole() {
            return Stream.of(
                    Named.of("nobody named", join(null, PERSON_SERVED, "14:05")),
                    Named.of("a blank name", join("  ", PERSON_SERVED, "14:05")),
                    Named.of("no role", join(RAE, null, "14:05")));
        }

        @ParameterizedTest
        @MethodSource("joinsWithoutWhoOrRole")
        void aJoinSaysWhoJoinedAndInWhatRole(JoinSession command) {
            fixture.given(inProgress())
                   .when(command)
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Say who joined and in what role"))
                   .expectNoEvents();
        }

        @Test
        void nobodyJoinsASessionBeforeItStarts() {
            fixture.given(inProgress())
                   .when(join(RAE, PERSON_SERVED, "13:55"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Nobody joins a session before it starts"))
                   .expectNoEvents();
        }

        @Test
        void someoneAlreadyInTheSessionCannotJoinItAgain() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00")))
                   .when(join(RAE, PERSON_SERVED, "14:10"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString(RAE + " is already in the session"))
                   .expectNoEvents();
        }

        @Test
        void someoneWhoSteppedOutCanRejoin() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), left(RAE, "14:20")))
                   .when(join(RAE, PERSON_SERVED, "14:30"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(joined(RAE, PERSON_SERVED, "14:30"));
        }

        @Test
        void aRejoinAtTheMomentTheyLeftIsAccepted() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), left(RAE, "14:20")))
                   .when(join(RAE, PERSON_SERVED, "14:20"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(joined(RAE, PERSON_SERVED, "14:20"));
        }

        @Test
        void aRejoinCannotComeBeforeTheTimeTheyLastLeft() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), left(RAE, "14:10"),
                           joined(RAE, PERSON_SERVED, "14:15"), left(RAE, "14:20")))
                   .when(join(RAE, PERSON_SERVED, "14:12"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("A rejoin cannot come before the time they last left"))
                   .expectNoEvents();
        }

        @Test
        void someoneInTheSessionCanLeave() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00")))
                   .when(leave(RAE, "14:40"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(left(RAE, "14:40"));
        }

        @Test
        void someoneWhoNeverJoinedCannotLeave() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00")))
                   .when(leave(DR_LEE, "14:40"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString(DR_LEE + " is not in the session"))
                   .expectNoEvents();
        }

        @Test
        void someoneWhoAlreadyLeftCannotLeaveAgain() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), left(RAE, "14:20")))
                   .when(leave(RAE, "14:40"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString(RAE + " is not in the session"))
                   .expectNoEvents();
        }

        @Test
        void nobodyLeavesBeforeTheyJoined() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:30")))
                   .when(leave(RAE, "14:20"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Nobody leaves before they joined"))
                   .expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("org.dyad.domain.cotreatment.CoTreatmentSessionTest#sessionsNotInProgress")
        void peopleLeaveOnlyASessionInProgress(Object[] history) {
            fixture.given(history)
                   .when(leave(RAE, "14:20"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("People leave a session while it is in progress"))
                   .expectNoEvents();
        }
    }

    /** What the session was, from who was there together; and who provided a service, for same-day billing. */
    @Nested
    class WhatTheSessionWas {

        @Test
        void itIsCoTreatmentWhenThePersonThePeerAndThePsychiatristWereTogether() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), joined(PEER_SAM, PEER_SPECIALIST, "14:00"),
                           joined(DR_LEE, PSYCHIATRIST, "14:00")))
                   .when(endAtThree())
                   .expectEvents(endedAtThree(SessionKind.CO_TREATMENT, true, true,
                           stretch(RAE, PERSON_SERVED, "14:00", "15:00"),
                           stretch(PEER_SAM, PEER_SPECIALIST, "14:00", "15:00"),
                           stretch(DR_LEE, PSYCHIATRIST, "14:00", "15:00")));
        }

        @Test
        void fiveMinutesAllThreeTogetherIsCoTreatment() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), joined(DR_LEE, PSYCHIATRIST, "14:00"),
                           joined(PEER_SAM, PEER_SPECIALIST, "14:35"), left(RAE, "14:40")))
                   .when(endAtThree())
                   .expectEvents(endedAtThree(SessionKind.CO_TREATMENT, true, true,
                           stretch(RAE, PERSON_SERVED, "14:00", "14:40"),
                           stretch(DR_LEE, PSYCHIATRIST, "14:00", "15:00"),
                           stretch(PEER_SAM, PEER_SPECIALIST, "14:35", "15:00")));
        }

        @Test
        void beingTogetherAfterThePersonReturnsCountsAsCoTreatment() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), joined(PEER_SAM, PEER_SPECIALIST, "14:00"),
                           left(RAE, "14:20"), joined(DR_LEE, PSYCHIATRIST, "14:25"), joined(RAE, PERSON_SERVED, "14:40")))
                   .when(endAtThree())
                   .expectEvents(endedAtThree(SessionKind.CO_TREATMENT, true, true,
                           stretch(RAE, PERSON_SERVED, "14:00", "14:20"),
                           stretch(PEER_SAM, PEER_SPECIALIST, "14:00", "15:00"),
                           stretch(DR_LEE, PSYCHIATRIST, "14:25", "15:00"),
                           stretch(RAE, PERSON_SERVED, "14:40", "15:00")));
        }

        @Test
        void aHandOverFromPeerToPsychiatristIsSeparateVisitsNotCoTreatment() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), joined(PEER_SAM, PEER_SPECIALIST, "14:00"),
                           left(PEER_SAM, "14:30"), joined(DR_LEE, PSYCHIATRIST, "14:30")))
                   .when(endAtThree())
                   .expectEvents(endedAtThree(SessionKind.SEPARATE_VISITS, true, true,
                           stretch(RAE, PERSON_SERVED, "14:00", "15:00"),
                           stretch(PEER_SAM, PEER_SPECIALIST, "14:00", "14:30"),
                           stretch(DR_LEE, PSYCHIATRIST, "14:30", "15:00")));
        }

        @Test
        void eachTwoMeetingButNeverAllThreeTogetherIsSeparateVisits() {
            // Rae with Sam, then Sam with Dr Lee while Rae stepped out, then Rae with Dr Lee: never all three at once.
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), joined(PEER_SAM, PEER_SPECIALIST, "14:00"),
                           left(RAE, "14:20"), joined(DR_LEE, PSYCHIATRIST, "14:25"), left(PEER_SAM, "14:35"),
                           left(DR_LEE, "14:35"), joined(RAE, PERSON_SERVED, "14:40"),
                           joined(DR_LEE, PSYCHIATRIST, "14:50")))
                   .when(endAtThree())
                   .expectEvents(endedAtThree(SessionKind.SEPARATE_VISITS, true, true,
                           stretch(RAE, PERSON_SERVED, "14:00", "14:20"),
                           stretch(PEER_SAM, PEER_SPECIALIST, "14:00", "14:35"),
                           stretch(DR_LEE, PSYCHIATRIST, "14:25", "14:35"),
                           stretch(RAE, PERSON_SERVED, "14:40", "15:00"),
                           stretch(DR_LEE, PSYCHIATRIST, "14:50", "15:00")));
        }

        @Test
        void thePersonWithNoClinicianBesideThemIsSaidAsSuch() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), left(RAE, "14:20"),
                           joined(PEER_SAM, PEER_SPECIALIST, "14:30")))
                   .when(endAtThree())
                   .expectEvents(endedAtThree(SessionKind.NO_CLINICIAN_WITH_THE_PERSON, false, false,
                           stretch(RAE, PERSON_SERVED, "14:00", "14:20"),
                           stretch(PEER_SAM, PEER_SPECIALIST, "14:30", "15:00")));
        }

        @Test
        void thePersonWithThePsychiatristAloneIsAPsychiatryVisitWithThePeerAbsent() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), joined(DR_LEE, PSYCHIATRIST, "14:00")))
                   .when(endAtThree())
                   .expectEvents(endedAtThree(SessionKind.PSYCHIATRY_VISIT_PEER_ABSENT, false, true,
                           stretch(RAE, PERSON_SERVED, "14:00", "15:00"),
                           stretch(DR_LEE, PSYCHIATRIST, "14:00", "15:00")));
        }

        @Test
        void aPeerWhoArrivesAfterThePersonLeftServedNobody() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), joined(DR_LEE, PSYCHIATRIST, "14:00"),
                           left(RAE, "14:30"), joined(PEER_SAM, PEER_SPECIALIST, "14:30")))
                   .when(endAtThree())
                   .expectEvents(endedAtThree(SessionKind.PSYCHIATRY_VISIT_PEER_ABSENT, false, true,
                           stretch(RAE, PERSON_SERVED, "14:00", "14:30"),
                           stretch(DR_LEE, PSYCHIATRIST, "14:00", "15:00"),
                           stretch(PEER_SAM, PEER_SPECIALIST, "14:30", "15:00")));
        }

        @Test
        void otherStaffInTheRoomDoNotMakeItCoTreatment() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), joined(DR_LEE, PSYCHIATRIST, "14:00"),
                           joined(NURSE_ANA, OTHER_STAFF, "14:00")))
                   .when(endAtThree())
                   .expectEvents(endedAtThree(SessionKind.PSYCHIATRY_VISIT_PEER_ABSENT, false, true,
                           stretch(RAE, PERSON_SERVED, "14:00", "15:00"),
                           stretch(DR_LEE, PSYCHIATRIST, "14:00", "15:00"),
                           stretch(NURSE_ANA, OTHER_STAFF, "14:00", "15:00")));
        }

        @Test
        void thePersonWithThePeerAloneIsAPeerSupportVisitWithThePsychiatristAbsent() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00"), joined(PEER_SAM, PEER_SPECIALIST, "14:00")))
                   .when(endAtThree())
                   .expectEvents(endedAtThree(SessionKind.PEER_SUPPORT_VISIT_PSYCHIATRIST_ABSENT, true, false,
                           stretch(RAE, PERSON_SERVED, "14:00", "15:00"),
                           stretch(PEER_SAM, PEER_SPECIALIST, "14:00", "15:00")));
        }

        @Test
        void theDyadMeetingBeforeThePersonArrivesIsNotCoTreatment() {
            fixture.given(inProgress(joined(PEER_SAM, PEER_SPECIALIST, "14:00"), joined(DR_LEE, PSYCHIATRIST, "14:00"),
                           left(DR_LEE, "14:20"), joined(RAE, PERSON_SERVED, "14:30")))
                   .when(endAtThree())
                   .expectEvents(endedAtThree(SessionKind.PEER_SUPPORT_VISIT_PSYCHIATRIST_ABSENT, true, false,
                           stretch(PEER_SAM, PEER_SPECIALIST, "14:00", "15:00"),
                           stretch(DR_LEE, PSYCHIATRIST, "14:00", "14:20"),
                           stretch(RAE, PERSON_SERVED, "14:30", "15:00")));
        }

        @Test
        void theDyadWithoutThePersonIsRecordedAsThePersonDidNotAttend() {
            fixture.given(inProgress(joined(PEER_SAM, PEER_SPECIALIST, "14:00"), joined(DR_LEE, PSYCHIATRIST, "14:00")))
                   .when(endAtThree())
                   .expectEvents(endedAtThree(SessionKind.PERSON_DID_NOT_ATTEND, false, false,
                           stretch(PEER_SAM, PEER_SPECIALIST, "14:00", "15:00"),
                           stretch(DR_LEE, PSYCHIATRIST, "14:00", "15:00")));
        }

        @Test
        void aSupporterComingWithoutThePersonIsStillThePersonDidNotAttend() {
            fixture.given(inProgress(joined(SISTER_JO, SUPPORTER, "14:00"), joined(PEER_SAM, PEER_SPECIALIST, "14:00"),
                           joined(DR_LEE, PSYCHIATRIST, "14:00")))
                   .when(endAtThree())
                   .expectEvents(endedAtThree(SessionKind.PERSON_DID_NOT_ATTEND, false, false,
                           stretch(SISTER_JO, SUPPORTER, "14:00", "15:00"),
                           stretch(PEER_SAM, PEER_SPECIALIST, "14:00", "15:00"),
                           stretch(DR_LEE, PSYCHIATRIST, "14:00", "15:00")));
        }

        @Test
        void aSessionNobodyJoinedIsRecordedAsNobodyAttended() {
            fixture.given(inProgress())
                   .when(endAtThree())
                   .expectEvents(endedAtThree(SessionKind.NOBODY_ATTENDED, false, false));
        }
    }

    @Nested
    class EachClinicianWritesTheirOwnNote {

        @Test
        void thePeerWritesTheirOwnNoteOnceTheSessionHasStarted() {
            fixture.given(inProgress())
                   .when(new WriteNote(SESSION_ID, PEER_SAM, PEER_SPECIALIST, SAMS_NOTE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(noteWritten(PEER_SAM, PEER_SPECIALIST, SAMS_NOTE));
        }

        @Test
        void thePsychiatristWritesTheirOwnNoteAfterTheSession() {
            fixture.given(endedAsCoTreatment())
                   .when(new WriteNote(SESSION_ID, DR_LEE, PSYCHIATRIST, DR_LEES_NOTE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(noteWritten(DR_LEE, PSYCHIATRIST, DR_LEES_NOTE));
        }

        @ParameterizedTest
        @MethodSource("org.dyad.domain.cotreatment.CoTreatmentSessionTest#sessionsThatNeverStarted")
        void notesAreWrittenOnlyOnceTheSessionHasStarted(Object[] history) {
            fixture.given(history)
                   .when(new WriteNote(SESSION_ID, PEER_SAM, PEER_SPECIALIST, SAMS_NOTE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Notes are written once the session has started"))
                   .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = ParticipantRole.class, names = {"PERSON_SERVED", "SUPPORTER", "OTHER_STAFF"})
        void sessionNotesAreWrittenOnlyByThePeerSpecialistAndThePsychiatrist(ParticipantRole role) {
            fixture.given(endedAsCoTreatment())
                   .when(new WriteNote(SESSION_ID, NURSE_ANA, role, "A note"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("written by the peer specialist and the psychiatrist"))
                   .expectNoEvents();
        }

        @Test
        void aNoteNeedsItsAuthorsRole() {
            fixture.given(endedAsCoTreatment())
                   .when(new WriteNote(SESSION_ID, PEER_SAM, null, SAMS_NOTE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("written by the peer specialist and the psychiatrist"))
                   .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  \n "})
        void aNoteNeedsSomeText(String text) {
            fixture.given(endedAsCoTreatment())
                   .when(new WriteNote(SESSION_ID, PEER_SAM, PEER_SPECIALIST, text))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("A note needs some text"))
                   .expectNoEvents();
        }

        @Test
        void anUnsignedNoteCanBeRewritten() {
            String rewritten = SAMS_NOTE + " Rae wants to bring Jo next time.";
            fixture.given(endedAsCoTreatment(noteWritten(PEER_SAM, PEER_SPECIALIST, SAMS_NOTE)))
                   .when(new WriteNote(SESSION_ID, PEER_SAM, PEER_SPECIALIST, rewritten))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(noteWritten(PEER_SAM, PEER_SPECIALIST, rewritten));
        }

        @Test
        void aSignedNoteCannotBeRewritten() {
            fixture.given(endedAsCoTreatment(noteWritten(PEER_SAM, PEER_SPECIALIST, SAMS_NOTE), noteSigned(PEER_SAM)))
                   .when(new WriteNote(SESSION_ID, PEER_SAM, PEER_SPECIALIST, "Something else"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("This note is signed; change it by an amendment with a reason"))
                   .expectNoEvents();
        }

        @Test
        void thePsychiatristSigningTheirNoteDoesNotCloseThePeersNote() {
            fixture.given(endedAsCoTreatment(noteWritten(DR_LEE, PSYCHIATRIST, DR_LEES_NOTE), noteSigned(DR_LEE)))
                   .when(new WriteNote(SESSION_ID, PEER_SAM, PEER_SPECIALIST, SAMS_NOTE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(noteWritten(PEER_SAM, PEER_SPECIALIST, SAMS_NOTE));
        }

        @Test
        void aClinicianSignsTheirOwnNote() {
            fixture.given(endedAsCoTreatment(noteWritten(PEER_SAM, PEER_SPECIALIST, SAMS_NOTE)))
                   .when(new SignNote(SESSION_ID, PEER_SAM, SIGNED))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(noteSigned(PEER_SAM));
        }

        @Test
        void aNoteIsSignedOnlyOnce() {
            fixture.given(endedAsCoTreatment(noteWritten(PEER_SAM, PEER_SPECIALIST, SAMS_NOTE), noteSigned(PEER_SAM)))
                   .when(new SignNote(SESSION_ID, PEER_SAM, SIGNED.plusSeconds(600)))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Your note is already signed"))
                   .expectNoEvents();
        }

        @Test
        void thereIsNothingToSignBeforeTheNoteIsWritten() {
            fixture.given(endedAsCoTreatment())
                   .when(new SignNote(SESSION_ID, DR_LEE, SIGNED))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("There is no note of yours to sign; write it first"))
                   .expectNoEvents();
        }

        @Test
        void thePsychiatristCannotSignUsingThePeersNote() {
            fixture.given(endedAsCoTreatment(noteWritten(PEER_SAM, PEER_SPECIALIST, SAMS_NOTE)))
                   .when(new SignNote(SESSION_ID, DR_LEE, SIGNED))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("There is no note of yours to sign"))
                   .expectNoEvents();
        }

        @Test
        void signingSaysWhenTheNoteWasSigned() {
            fixture.given(endedAsCoTreatment(noteWritten(PEER_SAM, PEER_SPECIALIST, SAMS_NOTE)))
                   .when(new SignNote(SESSION_ID, PEER_SAM, null))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Say when the note was signed"))
                   .expectNoEvents();
        }
    }

    @Nested
    class AmendingASignedNote {

        static final String CORRECTED = "Sleep improving; Rae chose to lower the dose, not keep it.";
        static final String WHY = "I misremembered Rae's choice; corrected after reading back with Rae.";

        static Object[] drLeesSignedNote() {
            return endedAsCoTreatment(noteWritten(DR_LEE, PSYCHIATRIST, DR_LEES_NOTE), noteSigned(DR_LEE));
        }

        @Test
        void aSignedNoteIsChangedByAnAmendmentWithAReason() {
            fixture.given(drLeesSignedNote())
                   .when(new AmendNote(SESSION_ID, DR_LEE, CORRECTED, WHY))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new NoteAmended(SESSION_ID, CASE_ID, DR_LEE, CORRECTED, WHY));
        }

        @Test
        void anAmendedNoteCanBeAmendedAgain() {
            fixture.given(concat(drLeesSignedNote(), new NoteAmended(SESSION_ID, CASE_ID, DR_LEE, CORRECTED, WHY)))
                   .when(new AmendNote(SESSION_ID, DR_LEE, CORRECTED + " Next visit in four weeks.", "Added follow-up"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new NoteAmended(SESSION_ID, CASE_ID, DR_LEE,
                           CORRECTED + " Next visit in four weeks.", "Added follow-up"));
        }

        @Test
        void anUnsignedNoteIsRewrittenNotAmended() {
            fixture.given(endedAsCoTreatment(noteWritten(DR_LEE, PSYCHIATRIST, DR_LEES_NOTE)))
                   .when(new AmendNote(SESSION_ID, DR_LEE, CORRECTED, WHY))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Only a signed note is amended; an unsigned note can simply be rewritten"))
                   .expectNoEvents();
        }

        @Test
        void thereIsNothingToAmendWithoutANote() {
            fixture.given(endedAsCoTreatment())
                   .when(new AmendNote(SESSION_ID, DR_LEE, CORRECTED, WHY))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Only a signed note is amended"))
                   .expectNoEvents();
        }

        @Test
        void thePeerCannotAmendThePsychiatristsSignedNote() {
            fixture.given(drLeesSignedNote())
                   .when(new AmendNote(SESSION_ID, PEER_SAM, CORRECTED, WHY))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Only a signed note is amended"))
                   .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void anAmendmentNeedsAReason(String reason) {
            fixture.given(drLeesSignedNote())
                   .when(new AmendNote(SESSION_ID, DR_LEE, CORRECTED, reason))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("An amendment to a signed note needs a reason"))
                   .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void anAmendmentNeedsTheCorrectedText(String text) {
            fixture.given(drLeesSignedNote())
                   .when(new AmendNote(SESSION_ID, DR_LEE, text, WHY))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("An amendment needs the corrected text"))
                   .expectNoEvents();
        }
    }

    @Nested
    class NobodyCoSignsTheOthersNote {

        static Object[] bothNotesWrittenAndSigned() {
            return endedAsCoTreatment(noteWritten(PEER_SAM, PEER_SPECIALIST, SAMS_NOTE), noteSigned(PEER_SAM),
                    noteWritten(DR_LEE, PSYCHIATRIST, DR_LEES_NOTE), noteSigned(DR_LEE));
        }

        @Test
        void thePeerIsNotACoSignerOrMessengerForThePsychiatristsNote() {
            fixture.given(bothNotesWrittenAndSigned())
                   .when(new CoSignNote(SESSION_ID, PEER_SAM, DR_LEE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(allOf(containsString("Each clinician signs only their own note"),
                           containsString("A peer specialist is not a co-signer or messenger for the psychiatrist's note")))
                   .expectNoEvents();
        }

        @Test
        void thePsychiatristDoesNotCoSignThePeersNote() {
            fixture.given(bothNotesWrittenAndSigned())
                   .when(new CoSignNote(SESSION_ID, DR_LEE, PEER_SAM))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(allOf(containsString("Each clinician signs only their own note"),
                           containsString("nor the psychiatrist for the peer's")))
                   .expectNoEvents();
        }

        @Test
        void theRefusalPointsTheDisagreeingPeerToADifferingView() {
            fixture.given(bothNotesWrittenAndSigned())
                   .when(new CoSignNote(SESSION_ID, PEER_SAM, DR_LEE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("record a differing view beside the note instead"))
                   .expectNoEvents();
        }

        static Stream<Named<Object[]>> everyStateOfTheNotes() {
            return Stream.of(
                    Named.of("before the session starts", new Object[]{scheduled()}),
                    Named.of("no notes yet", endedAsCoTreatment()),
                    Named.of("the psychiatrist's note unsigned",
                            endedAsCoTreatment(noteWritten(DR_LEE, PSYCHIATRIST, DR_LEES_NOTE))),
                    Named.of("the psychiatrist's note signed",
                            endedAsCoTreatment(noteWritten(DR_LEE, PSYCHIATRIST, DR_LEES_NOTE), noteSigned(DR_LEE))),
                    Named.of("the psychiatrist's note amended",
                            endedAsCoTreatment(noteWritten(DR_LEE, PSYCHIATRIST, DR_LEES_NOTE), noteSigned(DR_LEE),
                                    new NoteAmended(SESSION_ID, CASE_ID, DR_LEE, "Corrected", "Typo"))));
        }

        @ParameterizedTest
        @MethodSource("everyStateOfTheNotes")
        void coSigningIsAlwaysRefusedWhateverStateTheNoteIsIn(Object[] history) {
            fixture.given(history)
                   .when(new CoSignNote(SESSION_ID, PEER_SAM, DR_LEE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("A peer specialist is not a co-signer or messenger"))
                   .expectNoEvents();
        }

        @Test
        void coSigningYourOwnNoteIsJustSigningIt() {
            fixture.given(endedAsCoTreatment(noteWritten(PEER_SAM, PEER_SPECIALIST, SAMS_NOTE)))
                   .when(new CoSignNote(SESSION_ID, PEER_SAM, PEER_SAM))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("You sign your own note with 'sign'; there is nothing to co-sign"))
                   .expectNoEvents();
        }
    }

    @Nested
    class TheSessionPeersDifferingView {

        static final String SAMS_VIEW = "Rae told me they feel the dose decision was rushed; they want to talk it over with Jo.";

        @Test
        void thePeerRecordsADifferingViewBesideThePsychiatristsSignedNote() {
            fixture.given(endedAsCoTreatment(noteWritten(DR_LEE, PSYCHIATRIST, DR_LEES_NOTE), noteSigned(DR_LEE)))
                   .when(new RecordDifferingView(SESSION_ID, PEER_SAM, SAMS_VIEW))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new DifferingViewRecorded(SESSION_ID, CASE_ID, PEER_SAM, SAMS_VIEW));
        }

        @Test
        void aDifferingViewCanBeRecordedWhileTheSessionIsInProgress() {
            fixture.given(inProgress(joined(RAE, PERSON_SERVED, "14:00")))
                   .when(new RecordDifferingView(SESSION_ID, PEER_SAM, SAMS_VIEW))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new DifferingViewRecorded(SESSION_ID, CASE_ID, PEER_SAM, SAMS_VIEW));
        }

        static Stream<Named<String>> notTheSessionPeer() {
            return Stream.of(
                    Named.of("the psychiatrist", DR_LEE),
                    Named.of("another peer specialist", PEER_MAX),
                    Named.of("nobody named", null));
        }

        @ParameterizedTest
        @MethodSource("notTheSessionPeer")
        void aDifferingViewIsOnlyTheSessionPeersOwn(String who) {
            fixture.given(endedAsCoTreatment(noteWritten(DR_LEE, PSYCHIATRIST, DR_LEES_NOTE)))
                   .when(new RecordDifferingView(SESSION_ID, who, SAMS_VIEW))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("A differing view is the session peer's own"))
                   .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void aDifferingViewNeedsSomeText(String text) {
            fixture.given(endedAsCoTreatment(noteWritten(DR_LEE, PSYCHIATRIST, DR_LEES_NOTE)))
                   .when(new RecordDifferingView(SESSION_ID, PEER_SAM, text))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("A differing view needs some text"))
                   .expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("org.dyad.domain.cotreatment.CoTreatmentSessionTest#sessionsThatNeverStarted")
        void aDifferingViewWaitsUntilTheSessionHasStarted(Object[] history) {
            fixture.given(history)
                   .when(new RecordDifferingView(SESSION_ID, PEER_SAM, SAMS_VIEW))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("once the session has started"))
                   .expectNoEvents();
        }
    }
}
