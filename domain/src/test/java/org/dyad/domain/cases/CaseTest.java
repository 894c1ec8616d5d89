package org.dyad.domain.cases;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dyad.domain.cases.CaseCommand.*;
import org.dyad.domain.cases.CaseEvent.*;
import org.dyad.domain.shared.DomainRuleViolation;
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
import java.util.List;
import java.util.stream.Stream;

import static org.dyad.domain.cases.CareTeamRole.*;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The rules of a {@link Case}, one rule per test, named in the care team's words.
 * Given what already happened, when someone asks for something, expect what happens (or which rule says no).
 */
class CaseTest {

    static final String CASE_ID = "case-7";

    static final String NURSE_ANA = "nurse-ana";
    static final String PEER_SAM = "peer-sam";
    static final String DR_LEE = "dr-lee";
    static final String THERAPIST_KIM = "therapist-kim";

    static final LocalDate BORN = LocalDate.of(1991, 4, 17);

    static final Instant ADMITTED = Instant.parse("2026-03-02T09:15:00Z");
    static final Instant ADMISSION_CHARTED = Instant.parse("2026-03-02T09:40:00Z");
    static final Instant DISCHARGED = Instant.parse("2026-03-09T14:00:00Z");
    static final Instant DISCHARGE_CHARTED = Instant.parse("2026-03-09T14:30:00Z");
    static final Instant READMITTED = Instant.parse("2026-04-20T22:05:00Z");
    static final Instant READMISSION_CHARTED = Instant.parse("2026-04-20T22:30:00Z");

    static final Contact SISTER_JO = new Contact("Jo Rivera", "sister", "555-0142");

    private FixtureConfiguration<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
    }

    // ---- what already happened -------------------------------------------------------------

    static CaseOpened opened() {
        return new CaseOpened(CASE_ID, "Rae", "they/them", BORN, Setting.INPATIENT, "4 West", "person-rae", false);
    }

    static CareTeamMemberJoined joined(String userId, CareTeamRole role) {
        return new CareTeamMemberJoined(CASE_ID, userId, role);
    }

    /** Opened by nurse Ana; peer Sam and Dr Lee on the team; no dyad yet. */
    static Object[] caseWithTeam() {
        return new Object[]{opened(), joined(NURSE_ANA, NURSE), joined(PEER_SAM, PEER_SPECIALIST),
                joined(DR_LEE, PSYCHIATRIST)};
    }

    /** The same team, with Sam and Dr Lee working as the dyad. */
    static Object[] caseWithDyad() {
        return concat(caseWithTeam(), new DyadFormed(CASE_ID, PEER_SAM, DR_LEE));
    }

    static Object[] concat(Object[] history, Object... more) {
        return Stream.concat(Stream.of(history), Stream.of(more)).toArray();
    }

    static PersonAdmitted admitted() {
        return new PersonAdmitted(CASE_ID, ADMITTED, ADMISSION_CHARTED);
    }

    static PersonDischarged discharged() {
        return new PersonDischarged(CASE_ID, DISCHARGED, DISCHARGE_CHARTED);
    }

    static OpenCase openCase(String preferredName, LocalDate dateOfBirth, Setting setting, String unit,
                             String openedBy, CareTeamRole openerRole) {
        return new OpenCase(CASE_ID, preferredName, "they/them", dateOfBirth, setting, unit, "person-rae",
                openedBy, openerRole, false);
    }

    @Nested
    class OpeningACase {

        @Test
        void whoeverOpensACaseJoinsItsCareTeam() {
            fixture.givenNoPriorActivity()
                   .when(openCase("Rae", BORN, Setting.INPATIENT, "4 West", NURSE_ANA, NURSE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(opened(), joined(NURSE_ANA, NURSE));
        }

        @Test
        void theNameThePersonWantsToBeCalledIsKeptWithoutStraySpaces() {
            fixture.givenNoPriorActivity()
                   .when(openCase("  Rae \n", BORN, Setting.INPATIENT, "4 West", NURSE_ANA, NURSE))
                   .expectEvents(opened(), joined(NURSE_ANA, NURSE));
        }

        @Test
        void pronounsAndAnAccountForThePersonServedAreOptional() {
            fixture.givenNoPriorActivity()
                   .when(new OpenCase(CASE_ID, "Rae", null, BORN, Setting.OUTPATIENT, "Riverside Clinic", null,
                           DR_LEE, PSYCHIATRIST, false))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new CaseOpened(CASE_ID, "Rae", null, BORN, Setting.OUTPATIENT,
                                   "Riverside Clinic", null, false),
                           joined(DR_LEE, PSYCHIATRIST));
        }

        @Test
        void aRecordCanBeRestrictedFromTheMomentItIsOpened() {
            fixture.givenNoPriorActivity()
                   .when(new OpenCase(CASE_ID, "Rae", null, BORN, Setting.INPATIENT, "4 West", "person-rae",
                           PEER_SAM, PEER_SPECIALIST, true))
                   .expectEvents(new CaseOpened(CASE_ID, "Rae", null, BORN, Setting.INPATIENT, "4 West",
                           "person-rae", true), joined(PEER_SAM, PEER_SPECIALIST));
        }

        @Test
        void aRecordOpenedRestrictedCannotBeRestrictedAgain() {
            fixture.given(new CaseOpened(CASE_ID, "Rae", null, BORN, Setting.INPATIENT, "4 West", "person-rae", true))
                   .when(new RestrictRecord(CASE_ID, "again"))
                   .expectException(DomainRuleViolation.class)
                   .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void aCaseNeedsTheNameThePersonWantsToBeCalled(String preferredName) {
            fixture.givenNoPriorActivity()
                   .when(openCase(preferredName, BORN, Setting.INPATIENT, "4 West", NURSE_ANA, NURSE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("the name the person wants to be called"))
                   .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void aCaseNeedsAUnit(String unit) {
            fixture.givenNoPriorActivity()
                   .when(openCase("Rae", BORN, Setting.INPATIENT, unit, NURSE_ANA, NURSE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("the unit"))
                   .expectNoEvents();
        }

        @Test
        void aCaseNeedsThePersonsDateOfBirth() {
            fixture.givenNoPriorActivity()
                   .when(openCase("Rae", null, Setting.INPATIENT, "4 West", NURSE_ANA, NURSE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("date of birth"))
                   .expectNoEvents();
        }

        @Test
        void aCaseNeedsASettingInpatientOrOutpatient() {
            fixture.givenNoPriorActivity()
                   .when(openCase("Rae", BORN, null, "4 West", NURSE_ANA, NURSE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("setting"))
                   .expectNoEvents();
        }

        @Test
        void aCaseNeedsTheStaffMemberWhoOpensIt() {
            fixture.givenNoPriorActivity()
                   .when(openCase("Rae", BORN, Setting.INPATIENT, "4 West", null, NURSE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("joins its care team"))
                   .expectNoEvents();
        }

        @Test
        void whoeverOpensACaseNeedsACareTeamRole() {
            fixture.givenNoPriorActivity()
                   .when(openCase("Rae", BORN, Setting.INPATIENT, "4 West", NURSE_ANA, null))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("care-team role"))
                   .expectNoEvents();
        }
    }

    @Nested
    class TheCareTeam {

        @Test
        void aStaffMemberJoinsTheCareTeamInARole() {
            fixture.given(caseWithTeam())
                   .when(new JoinCareTeam(CASE_ID, THERAPIST_KIM, THERAPIST))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(joined(THERAPIST_KIM, THERAPIST));
        }

        @Test
        void joiningTheCareTeamNeedsAStaffMember() {
            fixture.given(caseWithTeam())
                   .when(new JoinCareTeam(CASE_ID, null, THERAPIST))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("needs a staff member and a role"))
                   .expectNoEvents();
        }

        @Test
        void joiningTheCareTeamNeedsARole() {
            fixture.given(caseWithTeam())
                   .when(new JoinCareTeam(CASE_ID, THERAPIST_KIM, null))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("needs a staff member and a role"))
                   .expectNoEvents();
        }

        @Test
        void someoneAlreadyOnTheCareTeamCannotJoinItAgain() {
            fixture.given(caseWithTeam())
                   .when(new JoinCareTeam(CASE_ID, PEER_SAM, CASE_MANAGER))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString(PEER_SAM + " is already on this care team"))
                   .expectNoEvents();
        }

        @Test
        void whoeverOpenedTheCaseIsAlreadyOnItsCareTeam() {
            fixture.given(opened(), joined(NURSE_ANA, NURSE))
                   .when(new JoinCareTeam(CASE_ID, NURSE_ANA, NURSE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("already on this care team"))
                   .expectNoEvents();
        }

        @Test
        void aMemberCanLeaveTheCareTeam() {
            fixture.given(concat(caseWithTeam(), joined(THERAPIST_KIM, THERAPIST)))
                   .when(new LeaveCareTeam(CASE_ID, THERAPIST_KIM))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new CareTeamMemberLeft(CASE_ID, THERAPIST_KIM));
        }

        @Test
        void someoneWhoIsNotOnTheCareTeamCannotLeaveIt() {
            fixture.given(caseWithTeam())
                   .when(new LeaveCareTeam(CASE_ID, THERAPIST_KIM))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString(THERAPIST_KIM + " is not on this care team"))
                   .expectNoEvents();
        }

        @Test
        void someoneWhoHasLeftCannotLeaveAgain() {
            fixture.given(concat(caseWithTeam(), joined(THERAPIST_KIM, THERAPIST),
                           new CareTeamMemberLeft(CASE_ID, THERAPIST_KIM)))
                   .when(new LeaveCareTeam(CASE_ID, THERAPIST_KIM))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("not on this care team"))
                   .expectNoEvents();
        }

        @Test
        void someoneWhoLeftTheCareTeamCanRejoinIt() {
            fixture.given(concat(caseWithTeam(), joined(THERAPIST_KIM, THERAPIST),
                           new CareTeamMemberLeft(CASE_ID, THERAPIST_KIM)))
                   .when(new JoinCareTeam(CASE_ID, THERAPIST_KIM, SOCIAL_WORKER))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(joined(THERAPIST_KIM, SOCIAL_WORKER));
        }

        @ParameterizedTest
        @ValueSource(strings = {PEER_SAM, DR_LEE})
        void aDyadMemberCannotLeaveTheTeamWhileTheDyadIsActive(String dyadMember) {
            fixture.given(caseWithDyad())
                   .when(new LeaveCareTeam(CASE_ID, dyadMember))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("dissolve the dyad before they leave"))
                   .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {PEER_SAM, DR_LEE})
        void aFormerDyadMemberCanLeaveTheTeamOnceTheDyadIsDissolved(String formerDyadMember) {
            fixture.given(concat(caseWithDyad(), new DyadDissolved(CASE_ID, PEER_SAM, DR_LEE, "rotation")))
                   .when(new LeaveCareTeam(CASE_ID, formerDyadMember))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new CareTeamMemberLeft(CASE_ID, formerDyadMember));
        }
    }

    @Nested
    class TheDyad {

        @Test
        void aPeerSpecialistAndAPsychiatristOnTheCareTeamFormADyad() {
            fixture.given(caseWithTeam())
                   .when(new FormDyad(CASE_ID, PEER_SAM, DR_LEE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new DyadFormed(CASE_ID, PEER_SAM, DR_LEE));
        }

        @Test
        void aPeerWhoIsNotOnTheCareTeamCannotFormADyad() {
            fixture.given(opened(), joined(NURSE_ANA, NURSE), joined(DR_LEE, PSYCHIATRIST))
                   .when(new FormDyad(CASE_ID, PEER_SAM, DR_LEE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("peer must be a peer specialist on this care team"))
                   .expectNoEvents();
        }

        @Test
        void aPsychiatristWhoIsNotOnTheCareTeamCannotFormADyad() {
            fixture.given(opened(), joined(NURSE_ANA, NURSE), joined(PEER_SAM, PEER_SPECIALIST))
                   .when(new FormDyad(CASE_ID, PEER_SAM, DR_LEE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("psychiatrist must be a psychiatrist on this care team"))
                   .expectNoEvents();
        }

        @Test
        void someoneWhoHasLeftTheCareTeamCannotFormADyad() {
            fixture.given(concat(caseWithTeam(), new CareTeamMemberLeft(CASE_ID, PEER_SAM)))
                   .when(new FormDyad(CASE_ID, PEER_SAM, DR_LEE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("peer specialist on this care team"))
                   .expectNoEvents();
        }

        @Test
        void theDyadsPeerMustHoldThePeerSpecialistRole() {
            fixture.given(opened(), joined(NURSE_ANA, NURSE), joined(DR_LEE, PSYCHIATRIST))
                   .when(new FormDyad(CASE_ID, NURSE_ANA, DR_LEE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("peer must be a peer specialist"))
                   .expectNoEvents();
        }

        @Test
        void theDyadsPsychiatristMustHoldThePsychiatristRole() {
            fixture.given(opened(), joined(NURSE_ANA, NURSE), joined(PEER_SAM, PEER_SPECIALIST))
                   .when(new FormDyad(CASE_ID, PEER_SAM, NURSE_ANA))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("psychiatrist must be a psychiatrist"))
                   .expectNoEvents();
        }

        @Test
        void thePeerAndThePsychiatristCannotSwapPlaces() {
            fixture.given(caseWithTeam())
                   .when(new FormDyad(CASE_ID, DR_LEE, PEER_SAM))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("peer must be a peer specialist"))
                   .expectNoEvents();
        }

        @Test
        void atMostOneActiveDyadPerCase() {
            fixture.given(concat(caseWithDyad(), joined("peer-max", PEER_SPECIALIST),
                           joined("dr-okafor", PSYCHIATRIST)))
                   .when(new FormDyad(CASE_ID, "peer-max", "dr-okafor"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("already has an active dyad"))
                   .expectNoEvents();
        }

        @Test
        void aNewDyadCanFormOnceThePreviousOneIsDissolved() {
            fixture.given(concat(caseWithDyad(), joined("peer-max", PEER_SPECIALIST),
                           new DyadDissolved(CASE_ID, PEER_SAM, DR_LEE, "Sam is moving to nights")))
                   .when(new FormDyad(CASE_ID, "peer-max", DR_LEE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new DyadFormed(CASE_ID, "peer-max", DR_LEE));
        }

        @Test
        void dissolvingEndsTheActiveDyadAndSaysWhy() {
            fixture.given(caseWithDyad())
                   .when(new DissolveDyad(CASE_ID, "Sam is moving to nights"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new DyadDissolved(CASE_ID, PEER_SAM, DR_LEE, "Sam is moving to nights"));
        }

        @Test
        void aCaseWithNoDyadHasNoDyadToDissolve() {
            fixture.given(caseWithTeam())
                   .when(new DissolveDyad(CASE_ID, "just in case"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("no active dyad to dissolve"))
                   .expectNoEvents();
        }

        @Test
        void aDissolvedDyadCannotBeDissolvedAgain() {
            fixture.given(concat(caseWithDyad(), new DyadDissolved(CASE_ID, PEER_SAM, DR_LEE, "rotation")))
                   .when(new DissolveDyad(CASE_ID, "rotation"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("no active dyad to dissolve"))
                   .expectNoEvents();
        }
    }

    @Nested
    class InThePersonsOwnWords {

        static final AdvanceDirective RAES_DIRECTIVE = new AdvanceDirective(
                List.of("Lorazepam if I have not slept for two nights"),
                List.of("Haloperidol"),
                "Dim the lights, bring my weighted blanket, let me pace",
                List.of(SISTER_JO),
                "Please never restrain me face-down",
                SISTER_JO,
                LocalDate.of(2025, 11, 3));

        static final WrapSummary RAES_WRAP = new WrapSummary(
                List.of("Morning walk with my dog", "Pottery"),
                List.of("Crowded waiting rooms"),
                List.of("Sleeping less than five hours", "Stopping calling Jo"),
                "Sit with me somewhere quiet; do not talk over me",
                List.of(SISTER_JO));

        @Test
        void thePersonsGoalsAreRecordedInTheirOwnWords() {
            fixture.given(caseWithTeam())
                   .when(new RecordGoals(CASE_ID, "Getting back to my pottery studio",
                           List.of("Sleep through the night", "See my sister on Sundays"),
                           List.of("Walking my dog", "Gardening")))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new GoalsRecorded(CASE_ID, "Getting back to my pottery studio",
                           List.of("Sleep through the night", "See my sister on Sundays"),
                           List.of("Walking my dog", "Gardening")));
        }

        @Test
        void whatMattersMostAloneIsEnoughToRecord() {
            fixture.given(caseWithTeam())
                   .when(new RecordGoals(CASE_ID, "My cat, Biscuit", null, null))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new GoalsRecorded(CASE_ID, "My cat, Biscuit", List.of(), List.of()));
        }

        @Test
        void aSingleGoalAloneIsEnoughToRecord() {
            fixture.given(caseWithTeam())
                   .when(new RecordGoals(CASE_ID, null, List.of("Go home by spring"), null))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new GoalsRecorded(CASE_ID, null, List.of("Go home by spring"), List.of()));
        }

        @Test
        void personalMedicineAloneIsEnoughToRecord() {
            fixture.given(caseWithTeam())
                   .when(new RecordGoals(CASE_ID, "  ", List.of(), List.of("Singing in the choir")))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new GoalsRecorded(CASE_ID, "  ", List.of(), List.of("Singing in the choir")));
        }

        static Stream<Named<RecordGoals>> goalsWithNothingSaid() {
            return Stream.of(
                    Named.of("everything missing", new RecordGoals(CASE_ID, null, null, null)),
                    Named.of("empty lists", new RecordGoals(CASE_ID, null, List.of(), List.of())),
                    Named.of("blank words, empty lists", new RecordGoals(CASE_ID, " \n ", List.of(), List.of())));
        }

        @ParameterizedTest
        @MethodSource("goalsWithNothingSaid")
        void emptyGoalsAreRejected(RecordGoals nothingSaid) {
            fixture.given(caseWithTeam())
                   .when(nothingSaid)
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("at least one goal"))
                   .expectNoEvents();
        }

        @Test
        void anAdvanceDirectiveIsRecordedInThePersonsOwnWords() {
            fixture.given(caseWithTeam())
                   .when(new RecordAdvanceDirective(CASE_ID, RAES_DIRECTIVE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new AdvanceDirectiveRecorded(CASE_ID, RAES_DIRECTIVE));
        }

        static Stream<Named<AdvanceDirective>> directivesWithOnePartFilledIn() {
            return Stream.of(
                    Named.of("preferred treatments", new AdvanceDirective(List.of("Lithium"), null, null, null, null, null, null)),
                    Named.of("refused treatments", new AdvanceDirective(null, List.of("ECT"), null, null, null, null, null)),
                    Named.of("what helps in crisis", new AdvanceDirective(null, null, "Quiet room", null, null, null, null)),
                    Named.of("who to call", new AdvanceDirective(null, null, null, List.of(SISTER_JO), null, null, null)),
                    Named.of("views on restraint", new AdvanceDirective(null, null, null, null, "Never", null, null)),
                    Named.of("a proxy", new AdvanceDirective(null, null, null, null, null, SISTER_JO, null)));
        }

        @ParameterizedTest
        @MethodSource("directivesWithOnePartFilledIn")
        void anyOnePartFilledInMakesAnAdvanceDirective(AdvanceDirective directive) {
            fixture.given(caseWithTeam())
                   .when(new RecordAdvanceDirective(CASE_ID, directive))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new AdvanceDirectiveRecorded(CASE_ID, directive));
        }

        static Stream<Named<AdvanceDirective>> emptyAdvanceDirectives() {
            return Stream.of(
                    Named.of("no directive at all", null),
                    Named.of("every part missing", new AdvanceDirective(null, null, null, null, null, null, null)),
                    Named.of("empty lists and blank words",
                            new AdvanceDirective(List.of(), List.of(), "  ", List.of(), "", null, null)),
                    Named.of("only a signing date",
                            new AdvanceDirective(null, null, null, null, null, null, LocalDate.of(2025, 11, 3))));
        }

        @ParameterizedTest
        @MethodSource("emptyAdvanceDirectives")
        void anEmptyAdvanceDirectiveIsRejected(AdvanceDirective empty) {
            fixture.given(caseWithTeam())
                   .when(new RecordAdvanceDirective(CASE_ID, empty))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("advance directive needs at least one of its parts"))
                   .expectNoEvents();
        }

        @Test
        void aWrapSummaryIsRecordedInThePersonsOwnWords() {
            fixture.given(caseWithTeam())
                   .when(new RecordWrapSummary(CASE_ID, RAES_WRAP))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new WrapSummaryRecorded(CASE_ID, RAES_WRAP));
        }

        static Stream<Named<WrapSummary>> wrapsWithOnePartFilledIn() {
            return Stream.of(
                    Named.of("wellness tools", new WrapSummary(List.of("Pottery"), null, null, null, null)),
                    Named.of("triggers", new WrapSummary(null, List.of("Crowds"), null, null, null)),
                    Named.of("early warning signs", new WrapSummary(null, null, List.of("Not sleeping"), null, null)),
                    Named.of("what helps in crisis", new WrapSummary(null, null, null, "Quiet room", null)),
                    Named.of("supporters", new WrapSummary(null, null, null, null, List.of(SISTER_JO))));
        }

        @ParameterizedTest
        @MethodSource("wrapsWithOnePartFilledIn")
        void anyOnePartFilledInMakesAWrapSummary(WrapSummary wrap) {
            fixture.given(caseWithTeam())
                   .when(new RecordWrapSummary(CASE_ID, wrap))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new WrapSummaryRecorded(CASE_ID, wrap));
        }

        static Stream<Named<WrapSummary>> emptyWrapSummaries() {
            return Stream.of(
                    Named.of("no WRAP at all", null),
                    Named.of("every part missing", new WrapSummary(null, null, null, null, null)),
                    Named.of("empty lists and blank words",
                            new WrapSummary(List.of(), List.of(), List.of(), " \t", List.of())));
        }

        @ParameterizedTest
        @MethodSource("emptyWrapSummaries")
        void anEmptyWrapSummaryIsRejected(WrapSummary empty) {
            fixture.given(caseWithTeam())
                   .when(new RecordWrapSummary(CASE_ID, empty))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("WRAP summary needs at least one of its parts"))
                   .expectNoEvents();
        }
    }

    @Nested
    class InpatientStays {

        @Test
        void anAdmissionKeepsBothWhenItHappenedAndWhenItWasCharted() {
            fixture.given(caseWithTeam())
                   .when(new AdmitPerson(CASE_ID, ADMITTED, ADMISSION_CHARTED))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new PersonAdmitted(CASE_ID, ADMITTED, ADMISSION_CHARTED));
        }

        @Test
        void chartingAtTheMomentItHappensIsAccepted() {
            fixture.given(caseWithTeam())
                   .when(new AdmitPerson(CASE_ID, ADMITTED, ADMITTED))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new PersonAdmitted(CASE_ID, ADMITTED, ADMITTED));
        }

        @Test
        void aPersonAlreadyAdmittedCannotBeAdmittedAgain() {
            fixture.given(concat(caseWithTeam(), admitted()))
                   .when(new AdmitPerson(CASE_ID, READMITTED, READMISSION_CHARTED))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("already admitted"))
                   .expectNoEvents();
        }

        @Test
        void aDischargedPersonCanBeAdmittedAgain() {
            fixture.given(concat(caseWithTeam(), admitted(), discharged()))
                   .when(new AdmitPerson(CASE_ID, READMITTED, READMISSION_CHARTED))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new PersonAdmitted(CASE_ID, READMITTED, READMISSION_CHARTED));
        }

        @Test
        void aReadmissionCannotComeBeforeTheLastDischarge() {
            fixture.given(concat(caseWithTeam(), admitted(), discharged()))
                   .when(new AdmitPerson(CASE_ID, DISCHARGED.minusSeconds(60), READMISSION_CHARTED))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("before the last discharge"))
                   .expectNoEvents();
        }

        @Test
        void anAdmittedPersonCanBeDischarged() {
            fixture.given(concat(caseWithTeam(), admitted()))
                   .when(new DischargePerson(CASE_ID, DISCHARGED, DISCHARGE_CHARTED))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new PersonDischarged(CASE_ID, DISCHARGED, DISCHARGE_CHARTED));
        }

        @Test
        void aPersonWhoIsNotAdmittedCannotBeDischarged() {
            fixture.given(caseWithTeam())
                   .when(new DischargePerson(CASE_ID, DISCHARGED, DISCHARGE_CHARTED))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("not admitted"))
                   .expectNoEvents();
        }

        @Test
        void aDischargedPersonCannotBeDischargedAgain() {
            fixture.given(concat(caseWithTeam(), admitted(), discharged()))
                   .when(new DischargePerson(CASE_ID, DISCHARGE_CHARTED, DISCHARGE_CHARTED))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("not admitted"))
                   .expectNoEvents();
        }

        @Test
        void aDischargeCannotComeBeforeTheAdmission() {
            Instant theNightBefore = Instant.parse("2026-03-01T23:00:00Z");
            fixture.given(concat(caseWithTeam(), admitted()))
                   .when(new DischargePerson(CASE_ID, theNightBefore, DISCHARGE_CHARTED))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("cannot come before the admission"))
                   .expectNoEvents();
        }

        @Test
        void aDischargeAtTheMomentOfAdmissionIsAccepted() {
            fixture.given(concat(caseWithTeam(), admitted()))
                   .when(new DischargePerson(CASE_ID, ADMITTED, ADMISSION_CHARTED))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new PersonDischarged(CASE_ID, ADMITTED, ADMISSION_CHARTED));
        }

        static Stream<Arguments> clinicalTimesLaterThanCharting() {
            Instant charted = Instant.parse("2026-03-09T14:30:00Z");
            Instant aMinuteLater = charted.plusSeconds(60);
            return Stream.of(
                    arguments(Named.of("an admission", caseWithTeam()),
                            new AdmitPerson(CASE_ID, aMinuteLater, charted)),
                    arguments(Named.of("a discharge", concat(caseWithTeam(), admitted())),
                            new DischargePerson(CASE_ID, aMinuteLater, charted)));
        }

        @ParameterizedTest
        @MethodSource("clinicalTimesLaterThanCharting")
        void clinicalTimeLaterThanRecordingTimeIsRejected(Object[] history, CaseCommand command) {
            fixture.given(history)
                   .when(command)
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("cannot be later than the time it is recorded"))
                   .expectNoEvents();
        }

        static Stream<Arguments> stayChangesMissingATime() {
            return Stream.of(
                    arguments(Named.of("an admission without clinical time", caseWithTeam()),
                            new AdmitPerson(CASE_ID, null, ADMISSION_CHARTED)),
                    arguments(Named.of("an admission without charting time", caseWithTeam()),
                            new AdmitPerson(CASE_ID, ADMITTED, null)),
                    arguments(Named.of("a discharge without clinical time", concat(caseWithTeam(), admitted())),
                            new DischargePerson(CASE_ID, null, DISCHARGE_CHARTED)),
                    arguments(Named.of("a discharge without charting time", concat(caseWithTeam(), admitted())),
                            new DischargePerson(CASE_ID, DISCHARGED, null)));
        }

        @ParameterizedTest
        @MethodSource("stayChangesMissingATime")
        void anAdmissionOrDischargeMustSayWhenItHappenedAndWhenItWasCharted(Object[] history, CaseCommand command) {
            fixture.given(history)
                   .when(command)
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Say when it happened"))
                   .expectNoEvents();
        }
    }

    @Nested
    class Leave {

        static final Instant PASS_START = Instant.parse("2026-03-04T13:00:00Z");
        static final Instant PASS_END = Instant.parse("2026-03-05T18:00:00Z");

        @Test
        void anAdmittedPersonCanGoOnLeaveAndReturn() {
            fixture.given(concat(caseWithTeam(), admitted()))
                   .when(new StartLeave(CASE_ID, PASS_START, PASS_START))
                   .expectEvents(new LeaveStarted(CASE_ID, PASS_START, PASS_START));
            fixture.given(concat(caseWithTeam(), admitted(), new LeaveStarted(CASE_ID, PASS_START, PASS_START)))
                   .when(new EndLeave(CASE_ID, PASS_END, PASS_END))
                   .expectEvents(new LeaveEnded(CASE_ID, PASS_END, PASS_END));
        }

        @Test
        void onlyAnAdmittedPersonGoesOnLeave() {
            fixture.given(caseWithTeam())
                   .when(new StartLeave(CASE_ID, PASS_START, PASS_START))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Only an admitted person"));
        }

        @Test
        void aLeaveCannotStartTwice() {
            fixture.given(concat(caseWithTeam(), admitted(), new LeaveStarted(CASE_ID, PASS_START, PASS_START)))
                   .when(new StartLeave(CASE_ID, PASS_END, PASS_END))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("already on leave"));
        }

        @Test
        void aReturnWithoutALeaveIsRejected() {
            fixture.given(concat(caseWithTeam(), admitted()))
                   .when(new EndLeave(CASE_ID, PASS_END, PASS_END))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("not on leave"));
        }

        @Test
        void aLeaveCannotStartBeforeTheAdmission() {
            fixture.given(concat(caseWithTeam(), admitted()))
                   .when(new StartLeave(CASE_ID, ADMITTED.minusSeconds(3600), PASS_START))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("cannot start before the admission"));
        }

        @Test
        void aReturnCannotComeBeforeTheLeaveStarted() {
            fixture.given(concat(caseWithTeam(), admitted(), new LeaveStarted(CASE_ID, PASS_START, PASS_START)))
                   .when(new EndLeave(CASE_ID, PASS_START.minusSeconds(60), PASS_END))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("before the leave started"));
        }

        @Test
        void aLeaveChartedLaterKeepsItsClinicalTime() {
            fixture.given(concat(caseWithTeam(), admitted()))
                   .when(new StartLeave(CASE_ID, PASS_START, PASS_END))
                   .expectEvents(new LeaveStarted(CASE_ID, PASS_START, PASS_END));
        }

        @Test
        void aLeaveInTheFutureIsRejected() {
            fixture.given(concat(caseWithTeam(), admitted()))
                   .when(new StartLeave(CASE_ID, PASS_END, PASS_START))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("cannot be later than the time it is recorded"));
        }

        @Test
        void aPersonOnLeaveCanBeDischargedButNotBeforeTheLeaveStarted() {
            Object[] onLeave = concat(caseWithTeam(), admitted(), new LeaveStarted(CASE_ID, PASS_START, PASS_START));
            fixture.given(onLeave)
                   .when(new DischargePerson(CASE_ID, PASS_END, PASS_END))
                   .expectEvents(new PersonDischarged(CASE_ID, PASS_END, PASS_END));
            fixture.given(onLeave)
                   .when(new DischargePerson(CASE_ID, PASS_START.minusSeconds(60), PASS_END))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("before the leave"));
        }
    }

    @Nested
    class RestrictingTheRecord {

        @Test
        void aRecordCanBeRestricted() {
            fixture.given(caseWithTeam())
                   .when(new RestrictRecord(CASE_ID, "Rae asked that their trauma history be need-to-know"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new RecordRestricted(CASE_ID, "Rae asked that their trauma history be need-to-know"));
        }

        @Test
        void aRestrictedRecordCannotBeRestrictedAgain() {
            fixture.given(concat(caseWithTeam(), new RecordRestricted(CASE_ID, "Rae asked")))
                   .when(new RestrictRecord(CASE_ID, "Rae asked again"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("already restricted"))
                   .expectNoEvents();
        }

        @Test
        void aRestrictionCanBeLifted() {
            fixture.given(concat(caseWithTeam(), new RecordRestricted(CASE_ID, "Rae asked")))
                   .when(new LiftRecordRestriction(CASE_ID, "Rae changed their mind"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new RecordRestrictionLifted(CASE_ID, "Rae changed their mind"));
        }

        @Test
        void aRecordThatIsNotRestrictedHasNoRestrictionToLift() {
            fixture.given(caseWithTeam())
                   .when(new LiftRecordRestriction(CASE_ID, "just in case"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("not restricted"))
                   .expectNoEvents();
        }

        @Test
        void aLiftedRestrictionCannotBeLiftedAgain() {
            fixture.given(concat(caseWithTeam(), new RecordRestricted(CASE_ID, "Rae asked"),
                           new RecordRestrictionLifted(CASE_ID, "Rae changed their mind")))
                   .when(new LiftRecordRestriction(CASE_ID, "again"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("not restricted"))
                   .expectNoEvents();
        }

        @Test
        void aRecordCanBeRestrictedAgainAfterItsRestrictionWasLifted() {
            fixture.given(concat(caseWithTeam(), new RecordRestricted(CASE_ID, "Rae asked"),
                           new RecordRestrictionLifted(CASE_ID, "Rae changed their mind")))
                   .when(new RestrictRecord(CASE_ID, "Rae asked again"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new RecordRestricted(CASE_ID, "Rae asked again"));
        }
    }

    @Nested
    class ClosingACase {

        @Test
        void aCaseWithoutADyadClosesWithItsReason() {
            fixture.given(caseWithTeam())
                   .when(new CloseCase(CASE_ID, "Rae moved to another county"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new CaseClosed(CASE_ID, "Rae moved to another county"));
        }

        @Test
        void closingDissolvesTheActiveDyad() {
            fixture.given(caseWithDyad())
                   .when(new CloseCase(CASE_ID, "Rae moved to another county"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new DyadDissolved(CASE_ID, PEER_SAM, DR_LEE, "case closed"),
                           new CaseClosed(CASE_ID, "Rae moved to another county"));
        }

        @Test
        void closingWhileAdmittedIsRejected() {
            fixture.given(concat(caseWithDyad(), admitted()))
                   .when(new CloseCase(CASE_ID, "Rae moved to another county"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("still admitted"))
                   .expectNoEvents();
        }

        @Test
        void aCaseCanBeClosedOnceThePersonIsDischarged() {
            fixture.given(concat(caseWithTeam(), admitted(), discharged()))
                   .when(new CloseCase(CASE_ID, "Stepped down to primary care"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new CaseClosed(CASE_ID, "Stepped down to primary care"));
        }

        /** Every change, each of which a case would otherwise accept or refuse for a different reason. */
        static Stream<Named<CaseCommand>> everyChangeToACase() {
            return Stream.of(
                    Named.of("join the care team", new JoinCareTeam(CASE_ID, THERAPIST_KIM, THERAPIST)),
                    Named.of("leave the care team", new LeaveCareTeam(CASE_ID, NURSE_ANA)),
                    Named.of("form a dyad", new FormDyad(CASE_ID, PEER_SAM, DR_LEE)),
                    Named.of("dissolve the dyad", new DissolveDyad(CASE_ID, "rotation")),
                    Named.of("record goals", new RecordGoals(CASE_ID, "Home", List.of("Go home"), List.of())),
                    Named.of("record an advance directive", new RecordAdvanceDirective(CASE_ID,
                            new AdvanceDirective(null, null, "Quiet room", null, null, null, null))),
                    Named.of("record a WRAP summary", new RecordWrapSummary(CASE_ID,
                            new WrapSummary(List.of("Pottery"), null, null, null, null))),
                    Named.of("admit the person", new AdmitPerson(CASE_ID, READMITTED, READMISSION_CHARTED)),
                    Named.of("discharge the person", new DischargePerson(CASE_ID, READMITTED, READMISSION_CHARTED)),
                    Named.of("restrict the record", new RestrictRecord(CASE_ID, "Rae asked")),
                    Named.of("lift the restriction", new LiftRecordRestriction(CASE_ID, "Rae changed their mind")),
                    Named.of("close the case again", new CloseCase(CASE_ID, "again")));
        }

        @ParameterizedTest
        @MethodSource("everyChangeToACase")
        void aClosedCaseAcceptsNoFurtherChanges(CaseCommand change) {
            fixture.given(concat(caseWithDyad(), admitted(), discharged(),
                           new RecordRestricted(CASE_ID, "Rae asked"),
                           new DyadDissolved(CASE_ID, PEER_SAM, DR_LEE, "case closed"),
                           new CaseClosed(CASE_ID, "Rae moved to another county")))
                   .when(change)
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("This case is closed"))
                   .expectNoEvents();
        }
    }
}
