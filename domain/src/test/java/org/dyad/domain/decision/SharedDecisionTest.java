package org.dyad.domain.decision;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dyad.domain.decision.DecisionCommand.*;
import org.dyad.domain.decision.DecisionEvent.*;
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

import java.util.stream.Stream;

import static org.dyad.domain.decision.OptionKind.*;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The rules of a {@link SharedDecision}: treatment offered as real options, never medication alone, and only the
 * person (or the proxy named in their advance directive) chooses; "not now" is an answer too.
 */
class SharedDecisionTest {

    static final String DECISION_ID = "decision-3";
    static final String CASE_ID = "case-7";
    static final String QUESTION = "What to do about my sleep";

    static final String RAE = "person-rae";
    static final String PEER_SAM = "peer-sam";
    static final String DR_LEE = "dr-lee";
    static final String SISTER_JO = "Jo Rivera";

    static final Option TRAZODONE = new Option("trazodone", MEDICATION, "Trazodone at bedtime",
            "May help me fall asleep", "Morning grogginess", "A pill every night", DR_LEE, "PSYCHIATRIST");
    static final Option MIRTAZAPINE = new Option("mirtazapine", MEDICATION, "Mirtazapine at bedtime",
            "Sleep and appetite", "Weight gain", "A pill every night", DR_LEE, "PSYCHIATRIST");
    static final Option CBT_I = new Option("cbt-i", PSYCHOSOCIAL, "CBT for insomnia, six weekly sessions",
            "Lasting change without pills", "Harder nights at first", "A sleep diary and a fixed wake time",
            DR_LEE, "PSYCHIATRIST");
    static final Option SLEEP_GROUP = new Option("peer-sleep-group", PEER_SUPPORT,
            "Peer-led WRAP group on sleep", "Others who have been there", "Talking in a group",
            "Tuesday evenings", PEER_SAM, "PEER_SPECIALIST");

    static final String IN_RAES_WORDS = "I want to try the group before any pills.";

    private FixtureConfiguration<SharedDecision> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SharedDecision.class);
    }

    // ---- what already happened -------------------------------------------------------------

    static DecisionOpened opened() {
        return new DecisionOpened(DECISION_ID, CASE_ID, QUESTION);
    }

    static OptionProposed proposed(Option option) {
        return new OptionProposed(DECISION_ID, CASE_ID, option);
    }

    static OptionsPresented presented() {
        return new OptionsPresented(DECISION_ID, CASE_ID);
    }

    static OptionWithdrawn withdrawn(Option option) {
        return new OptionWithdrawn(DECISION_ID, CASE_ID, option.optionId(), "no longer on offer");
    }

    /** Rae chose, recording it themselves. */
    static OptionChosen raeChose(Option option) {
        return new OptionChosen(DECISION_ID, CASE_ID, option.optionId(), IN_RAES_WORDS, ChosenBy.PERSON, "Rae",
                RAE, false);
    }

    /** Rae said "not now", recording it themselves. */
    static DecisionDeferred raeSaidNotNow() {
        return new DecisionDeferred(DECISION_ID, CASE_ID, "I want more time to think.", ChosenBy.PERSON, "Rae",
                RAE, false);
    }

    static DecisionRevisited revisited() {
        return new DecisionRevisited(DECISION_ID, CASE_ID, "Sleep got worse again");
    }

    /** Opened, with these options on the table, not yet presented. */
    static Object[] withOptions(Option... options) {
        return concat(new Object[]{opened()}, Stream.of(options).map(SharedDecisionTest::proposed).toArray());
    }

    /** Trazodone, CBT-I and the peer sleep group, presented to Rae; and whatever happened since. */
    static Object[] presentedToRae(Object... since) {
        return concat(withOptions(TRAZODONE, CBT_I, SLEEP_GROUP), concat(new Object[]{presented()}, since));
    }

    static Object[] concat(Object[] history, Object... more) {
        return Stream.concat(Stream.of(history), Stream.of(more)).toArray();
    }

    /** Rae records their own choice: nobody else types it, so nobody needs to attest. */
    static RecordChoice raeChooses(String optionId) {
        return new RecordChoice(DECISION_ID, optionId, IN_RAES_WORDS, ChosenBy.PERSON, "Rae", RAE, true, false);
    }

    /** Peer Sam types Rae's choice into the record. */
    static RecordChoice samRecordsRaesChoice(String optionId, boolean attestsRaeIsPresent) {
        return new RecordChoice(DECISION_ID, optionId, IN_RAES_WORDS, ChosenBy.PERSON, "Rae", PEER_SAM, false,
                attestsRaeIsPresent);
    }

    @Nested
    class OpeningADecision {

        @Test
        void aDecisionOpensOnACaseWithTheQuestionInThePersonsWords() {
            fixture.givenNoPriorActivity()
                   .when(new OpenDecision(DECISION_ID, CASE_ID, QUESTION))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(opened());
        }

        @Test
        void theQuestionIsKeptWithoutStraySpaces() {
            fixture.givenNoPriorActivity()
                   .when(new OpenDecision(DECISION_ID, CASE_ID, "  " + QUESTION + " \n"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(opened());
        }

        @Test
        void aDecisionBelongsToACase() {
            fixture.givenNoPriorActivity()
                   .when(new OpenDecision(DECISION_ID, null, QUESTION))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("A decision belongs to a case"))
                   .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n"})
        void aDecisionSaysWhatItIsAbout(String question) {
            fixture.givenNoPriorActivity()
                   .when(new OpenDecision(DECISION_ID, CASE_ID, question))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Say what the decision is about, in the person's words"))
                   .expectNoEvents();
        }
    }

    @Nested
    class PuttingOptionsOnTheTable {

        @Test
        void anOptionIsPutOnTheTable() {
            fixture.given(opened())
                   .when(new ProposeOption(DECISION_ID, CBT_I))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(proposed(CBT_I));
        }

        static Stream<Named<Option>> optionsWithoutAKind() {
            return Stream.of(
                    Named.of("no option at all", null),
                    Named.of("no kind", new Option("walks", null, "Evening walks", null, null, null, PEER_SAM, null)),
                    Named.of("no id", new Option(null, OTHER, "Evening walks", null, null, null, PEER_SAM, null)),
                    Named.of("a blank id", new Option(" ", OTHER, "Evening walks", null, null, null, PEER_SAM, null)));
        }

        @ParameterizedTest
        @MethodSource("optionsWithoutAKind")
        void anOptionNeedsAKind(Option option) {
            fixture.given(opened())
                   .when(new ProposeOption(DECISION_ID, option))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("An option needs a kind"))
                   .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void anOptionSaysWhatItIs(String whatItIs) {
            fixture.given(opened())
                   .when(new ProposeOption(DECISION_ID,
                           new Option("walks", OTHER, whatItIs, null, null, null, PEER_SAM, null)))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Say what the option is"))
                   .expectNoEvents();
        }

        @Test
        void theSameOptionCannotBePutOnTheTableTwice() {
            fixture.given(withOptions(TRAZODONE, CBT_I))
                   .when(new ProposeOption(DECISION_ID, new Option(CBT_I.optionId(), PSYCHOSOCIAL,
                           "CBT-I, group format", null, null, null, PEER_SAM, null)))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("That option is already on the table"))
                   .expectNoEvents();
        }

        @Test
        void anOptionCanStillBeAddedWhileThePersonIsWeighingThem() {
            fixture.given(presentedToRae())
                   .when(new ProposeOption(DECISION_ID, MIRTAZAPINE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(proposed(MIRTAZAPINE));
        }

        @Test
        void noOptionIsAddedOnceThePersonHasChosen() {
            fixture.given(presentedToRae(raeChose(SLEEP_GROUP)))
                   .when(new ProposeOption(DECISION_ID, MIRTAZAPINE))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("revisit the decision to change it"))
                   .expectNoEvents();
        }

        @Test
        void anOptionCanBeAddedOnceTheDecisionIsRevisited() {
            fixture.given(presentedToRae(raeChose(SLEEP_GROUP), revisited()))
                   .when(new ProposeOption(DECISION_ID, MIRTAZAPINE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(proposed(MIRTAZAPINE));
        }
    }

    @Nested
    class PresentingTheOptions {

        @Test
        void aMedicationAndAnOptionThatIsNotMedicationArePresented() {
            fixture.given(withOptions(TRAZODONE, CBT_I))
                   .when(new PresentOptions(DECISION_ID))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(presented());
        }

        @Test
        void optionsWithoutAnyMedicationArePresented() {
            fixture.given(withOptions(CBT_I, SLEEP_GROUP))
                   .when(new PresentOptions(DECISION_ID))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(presented());
        }

        static Stream<Named<Object[]>> fewerThanTwoOptions() {
            return Stream.of(
                    Named.of("no options", withOptions()),
                    Named.of("one medication", withOptions(TRAZODONE)),
                    Named.of("one option that is not medication", withOptions(CBT_I)),
                    Named.of("two, one withdrawn", concat(withOptions(TRAZODONE, CBT_I), withdrawn(TRAZODONE))));
        }

        @ParameterizedTest
        @MethodSource("fewerThanTwoOptions")
        void atLeastTwoOptionsArePresented(Object[] history) {
            fixture.given(history)
                   .when(new PresentOptions(DECISION_ID))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("without a real choice: offer at least two options"))
                   .expectNoEvents();
        }

        @Test
        void twoMedicationsAreNotAChoiceOfTreatment() {
            fixture.given(withOptions(TRAZODONE, MIRTAZAPINE))
                   .when(new PresentOptions(DECISION_ID))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("with medication only: offer at least one option that is not medication"))
                   .expectNoEvents();
        }

        @Test
        void addingAPsychosocialOptionMakesTheMedicationsPresentable() {
            fixture.given(withOptions(TRAZODONE, MIRTAZAPINE, CBT_I))
                   .when(new PresentOptions(DECISION_ID))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(presented());
        }

        @Test
        void aWithdrawnPsychosocialOptionNoLongerCounts() {
            fixture.given(concat(withOptions(TRAZODONE, MIRTAZAPINE, CBT_I), withdrawn(CBT_I)))
                   .when(new PresentOptions(DECISION_ID))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("with medication only"))
                   .expectNoEvents();
        }

        @Test
        void optionsAlreadyWithThePersonAreNotPresentedAgain() {
            fixture.given(presentedToRae())
                   .when(new PresentOptions(DECISION_ID))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("The options are already with the person"))
                   .expectNoEvents();
        }
    }

    @Nested
    class WithdrawingAnOption {

        @Test
        void beforePresentingAnyOptionCanBeWithdrawn() {
            fixture.given(withOptions(TRAZODONE, CBT_I))
                   .when(new WithdrawOption(DECISION_ID, CBT_I.optionId(), "no longer on offer"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(withdrawn(CBT_I));
        }

        @Test
        void onlyAnOptionOnTheTableCanBeWithdrawn() {
            fixture.given(withOptions(TRAZODONE, CBT_I))
                   .when(new WithdrawOption(DECISION_ID, "electroconvulsive", "never proposed"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("There is no such option on the table"))
                   .expectNoEvents();
        }

        @Test
        void aWithdrawnOptionCannotBeWithdrawnAgain() {
            fixture.given(concat(withOptions(TRAZODONE, CBT_I, SLEEP_GROUP), withdrawn(SLEEP_GROUP)))
                   .when(new WithdrawOption(DECISION_ID, SLEEP_GROUP.optionId(), "again"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("There is no such option on the table"))
                   .expectNoEvents();
        }

        @Test
        void onceWithThePersonAnOptionCanGoIfARealChoiceRemains() {
            fixture.given(presentedToRae())
                   .when(new WithdrawOption(DECISION_ID, SLEEP_GROUP.optionId(), "no longer on offer"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(withdrawn(SLEEP_GROUP));
        }

        @Test
        void onceWithThePersonTheLastOptionThatIsNotMedicationCannotBeWithdrawn() {
            fixture.given(concat(withOptions(TRAZODONE, MIRTAZAPINE, CBT_I), presented()))
                   .when(new WithdrawOption(DECISION_ID, CBT_I.optionId(), "waitlist is long"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Withdrawing it would leave the person with medication only"))
                   .expectNoEvents();
        }

        @Test
        void onceWithThePersonWithdrawingDownToASingleOptionIsRejected() {
            fixture.given(concat(withOptions(CBT_I, SLEEP_GROUP), presented()))
                   .when(new WithdrawOption(DECISION_ID, SLEEP_GROUP.optionId(), "group paused"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Withdrawing it would leave the person without a real choice"))
                   .expectNoEvents();
        }

        @Test
        void whileThePersonTakesMoreTimeTheirChoiceIsNotNarrowedToMedicationOnly() {
            fixture.given(concat(withOptions(TRAZODONE, MIRTAZAPINE, CBT_I), presented(), raeSaidNotNow()))
                   .when(new WithdrawOption(DECISION_ID, CBT_I.optionId(), "waitlist is long"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Withdrawing it would leave the person with medication only"))
                   .expectNoEvents();
        }

        @Test
        void noOptionIsWithdrawnOnceThePersonHasChosen() {
            fixture.given(presentedToRae(raeChose(SLEEP_GROUP)))
                   .when(new WithdrawOption(DECISION_ID, TRAZODONE.optionId(), "not needed"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("revisit the decision to change it"))
                   .expectNoEvents();
        }
    }

    @Nested
    class OnlyThePersonChooses {

        @Test
        void thePersonRecordingTheirOwnChoiceNeedsNoAttestation() {
            fixture.given(presentedToRae())
                   .when(raeChooses(SLEEP_GROUP.optionId()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(raeChose(SLEEP_GROUP));
        }

        @Test
        void aClinicianCannotRecordAChoiceWithoutAttestingThePersonIsPresentAndMadeIt() {
            fixture.given(presentedToRae())
                   .when(samRecordsRaesChoice(SLEEP_GROUP.optionId(), false))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(allOf(
                           containsString("only while attesting that the person is present and made it"),
                           containsString("Clinicians do not choose for the person")))
                   .expectNoEvents();
        }

        @Test
        void aClinicianAttestingThePersonIsPresentRecordsThePersonsChoice() {
            fixture.given(presentedToRae())
                   .when(samRecordsRaesChoice(SLEEP_GROUP.optionId(), true))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new OptionChosen(DECISION_ID, CASE_ID, SLEEP_GROUP.optionId(), IN_RAES_WORDS,
                           ChosenBy.PERSON, "Rae", PEER_SAM, true));
        }

        @Test
        void aChoiceIsAlwaysThePersonsOrTheirProxys() {
            fixture.given(presentedToRae())
                   .when(new RecordChoice(DECISION_ID, TRAZODONE.optionId(), "Dr Lee thinks this is best", null,
                           null, DR_LEE, false, true))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Only the person, or the proxy named in their advance directive, chooses"))
                   .expectNoEvents();
        }

        @Test
        void theProxyFromTheAdvanceDirectiveChoosesWhenNamed() {
            fixture.given(presentedToRae())
                   .when(new RecordChoice(DECISION_ID, CBT_I.optionId(), "Rae's directive says no new pills",
                           ChosenBy.PAD_PROXY, SISTER_JO, DR_LEE, false, true))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new OptionChosen(DECISION_ID, CASE_ID, CBT_I.optionId(),
                           "Rae's directive says no new pills", ChosenBy.PAD_PROXY, SISTER_JO, DR_LEE, true));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void aProxyWhoChoosesIsNamed(String proxyName) {
            fixture.given(presentedToRae())
                   .when(new RecordChoice(DECISION_ID, CBT_I.optionId(), "Rae's directive says no new pills",
                           ChosenBy.PAD_PROXY, proxyName, DR_LEE, false, true))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Name the proxy from the person's advance directive who chose"))
                   .expectNoEvents();
        }

        @Test
        void aClinicianRecordingTheProxysChoiceAttestsTheProxyIsPresent() {
            fixture.given(presentedToRae())
                   .when(new RecordChoice(DECISION_ID, CBT_I.optionId(), "Rae's directive says no new pills",
                           ChosenBy.PAD_PROXY, SISTER_JO, DR_LEE, false, false))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("attesting that the proxy is present and made it"))
                   .expectNoEvents();
        }

        @Test
        void notNowIWantMoreTimeIsAnAnswer() {
            fixture.given(presentedToRae())
                   .when(new RecordChoice(DECISION_ID, null, "Not now, I want more time to think.",
                           ChosenBy.PERSON, "Rae", PEER_SAM, false, true))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new DecisionDeferred(DECISION_ID, CASE_ID, "Not now, I want more time to think.",
                           ChosenBy.PERSON, "Rae", PEER_SAM, true));
        }

        @Test
        void aClinicianCannotRecordNotNowWithoutAttestingThePersonSaidIt() {
            fixture.given(presentedToRae())
                   .when(samRecordsRaesChoice(null, false))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Clinicians do not choose for the person"))
                   .expectNoEvents();
        }

        @Test
        void thePersonChoosesOnlyOnceTheOptionsArePresented() {
            fixture.given(withOptions(TRAZODONE, CBT_I))
                   .when(raeChooses(CBT_I.optionId()))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("The options have not been presented to the person yet"))
                   .expectNoEvents();
        }

        @Test
        void thePersonChoosesFromTheOptionsOnTheTable() {
            fixture.given(presentedToRae())
                   .when(raeChooses("electroconvulsive"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("That option is not on the table"))
                   .expectNoEvents();
        }

        @Test
        void aWithdrawnOptionCannotBeChosen() {
            fixture.given(presentedToRae(withdrawn(SLEEP_GROUP)))
                   .when(raeChooses(SLEEP_GROUP.optionId()))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("That option is not on the table"))
                   .expectNoEvents();
        }

        static Stream<Named<RecordChoice>> secondAnswers() {
            return Stream.of(
                    Named.of("another option", raeChooses(CBT_I.optionId())),
                    Named.of("the same option again", raeChooses(SLEEP_GROUP.optionId())),
                    Named.of("not now", raeChooses(null)));
        }

        @ParameterizedTest
        @MethodSource("secondAnswers")
        void aChoiceStandsUntilTheDecisionIsRevisited(RecordChoice secondAnswer) {
            fixture.given(presentedToRae(raeChose(SLEEP_GROUP)))
                   .when(secondAnswer)
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("The person has already chosen; revisit the decision to choose again"))
                   .expectNoEvents();
        }

        @Test
        void afterTakingMoreTimeThePersonCanChoose() {
            fixture.given(presentedToRae(raeSaidNotNow()))
                   .when(raeChooses(SLEEP_GROUP.optionId()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(raeChose(SLEEP_GROUP));
        }
    }

    @Nested
    class RevisitingADecision {

        @Test
        void aChoiceCanBeRevisited() {
            fixture.given(presentedToRae(raeChose(SLEEP_GROUP)))
                   .when(new RevisitDecision(DECISION_ID, "Sleep got worse again"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(revisited());
        }

        @Test
        void notNowCanBeRevisited() {
            fixture.given(presentedToRae(raeSaidNotNow()))
                   .when(new RevisitDecision(DECISION_ID, "Sleep got worse again"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(revisited());
        }

        @Test
        void afterRevisitingThePersonChoosesAgain() {
            fixture.given(presentedToRae(raeChose(SLEEP_GROUP), revisited()))
                   .when(raeChooses(CBT_I.optionId()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(raeChose(CBT_I));
        }

        @Test
        void afterRevisitingNotNowThePersonChooses() {
            fixture.given(presentedToRae(raeSaidNotNow(), revisited()))
                   .when(raeChooses(CBT_I.optionId()))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(raeChose(CBT_I));
        }

        static Stream<Named<Object[]>> decisionsNotYetAnswered() {
            return Stream.of(
                    Named.of("options still being gathered", withOptions(TRAZODONE, CBT_I)),
                    Named.of("options with the person", presentedToRae()),
                    Named.of("already revisited", presentedToRae(raeChose(SLEEP_GROUP), revisited())));
        }

        @ParameterizedTest
        @MethodSource("decisionsNotYetAnswered")
        void onlyADecisionThePersonHasAnsweredCanBeRevisited(Object[] history) {
            fixture.given(history)
                   .when(new RevisitDecision(DECISION_ID, "just checking"))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Only a decision the person has answered can be revisited"))
                   .expectNoEvents();
        }
    }

    @Nested
    class WhatMattersAndTheCliniciansViews {

        @Test
        void whatMattersMostToThePersonIsRecordedInTheirWords() {
            fixture.given(presentedToRae())
                   .when(new RecordPreferences(DECISION_ID, "Being awake for my morning walk", null, PEER_SAM))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new PreferencesRecorded(DECISION_ID, CASE_ID, "Being awake for my morning walk",
                           null, PEER_SAM));
        }

        @Test
        void thePersonsPreferencesAloneAreEnough() {
            fixture.given(withOptions(TRAZODONE, CBT_I))
                   .when(new RecordPreferences(DECISION_ID, null, "No pills that make me groggy", RAE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new PreferencesRecorded(DECISION_ID, CASE_ID, null, "No pills that make me groggy",
                           RAE));
        }

        static Stream<Arguments> nothingSaid() {
            return Stream.of(
                    arguments(null, null),
                    arguments("", " "),
                    arguments("  \t", null));
        }

        @ParameterizedTest
        @MethodSource("nothingSaid")
        void preferencesNeedSomeWords(String whatMattersMost, String preferences) {
            fixture.given(presentedToRae())
                   .when(new RecordPreferences(DECISION_ID, whatMattersMost, preferences, PEER_SAM))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Record what matters most to the person or their preferences"))
                   .expectNoEvents();
        }

        @Test
        void preferencesWaitForARevisitOnceThePersonHasChosen() {
            fixture.given(presentedToRae(raeChose(SLEEP_GROUP)))
                   .when(new RecordPreferences(DECISION_ID, "Being awake for my morning walk", null, PEER_SAM))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("revisit the decision to change it"))
                   .expectNoEvents();
        }

        @Test
        void thePsychiatristsViewIsRecordedAsTheirs() {
            fixture.given(presentedToRae())
                   .when(new RecordPsychiatristView(DECISION_ID, DR_LEE, "CBT-I has the best lasting evidence."))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new PsychiatristViewRecorded(DECISION_ID, CASE_ID, DR_LEE,
                           "CBT-I has the best lasting evidence."));
        }

        @Test
        void thePeersViewIsRecordedSeparatelyFromThePsychiatrists() {
            fixture.given(presentedToRae(new PsychiatristViewRecorded(DECISION_ID, CASE_ID, DR_LEE,
                           "CBT-I has the best lasting evidence.")))
                   .when(new RecordPeerView(DECISION_ID, PEER_SAM, "The group helped me when I could not sleep."))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new PeerViewRecorded(DECISION_ID, CASE_ID, PEER_SAM,
                           "The group helped me when I could not sleep."));
        }

        static Stream<Named<DecisionCommand>> viewsWithoutWords() {
            return Stream.of(
                    Named.of("the psychiatrist's, empty", new RecordPsychiatristView(DECISION_ID, DR_LEE, "")),
                    Named.of("the psychiatrist's, missing", new RecordPsychiatristView(DECISION_ID, DR_LEE, null)),
                    Named.of("the peer's, blank", new RecordPeerView(DECISION_ID, PEER_SAM, "   ")),
                    Named.of("the peer's, missing", new RecordPeerView(DECISION_ID, PEER_SAM, null)));
        }

        @ParameterizedTest
        @MethodSource("viewsWithoutWords")
        void aViewNeedsSomeText(DecisionCommand view) {
            fixture.given(presentedToRae())
                   .when(view)
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("A view needs some text"))
                   .expectNoEvents();
        }
    }

    /** CollaboRATE: three questions the person answers 0-9 about how shared the decision felt. */
    @Nested
    class CollaboRATE {

        static CollaborateRecorded scored(int explained, int listened, int included) {
            return new CollaborateRecorded(DECISION_ID, CASE_ID, explained, listened, included);
        }

        @Test
        void thePersonScoresTheConversationAfterChoosing() {
            fixture.given(presentedToRae(raeChose(SLEEP_GROUP)))
                   .when(new RecordCollaborate(DECISION_ID, 8, 9, 7))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(scored(8, 9, 7));
        }

        @Test
        void thePersonScoresTheConversationAfterSayingNotNow() {
            fixture.given(presentedToRae(raeSaidNotNow()))
                   .when(new RecordCollaborate(DECISION_ID, 6, 7, 5))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(scored(6, 7, 5));
        }

        @Test
        void aChoiceLaterRevisitedWasStillAnAnswerToScore() {
            fixture.given(presentedToRae(raeChose(SLEEP_GROUP), revisited()))
                   .when(new RecordCollaborate(DECISION_ID, 8, 9, 7))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(scored(8, 9, 7));
        }

        @Test
        void aNotNowLaterRevisitedWasStillAnAnswerToScore() {
            fixture.given(presentedToRae(raeSaidNotNow(), revisited()))
                   .when(new RecordCollaborate(DECISION_ID, 6, 7, 5))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(scored(6, 7, 5));
        }

        static Stream<Named<Object[]>> conversationsNotYetAnswered() {
            return Stream.of(
                    Named.of("options still being gathered", withOptions(TRAZODONE, CBT_I)),
                    Named.of("options with the person", presentedToRae()));
        }

        @ParameterizedTest
        @MethodSource("conversationsNotYetAnswered")
        void collaborateIsAskedOnlyOnceThePersonHasAnswered(Object[] history) {
            fixture.given(history)
                   .when(new RecordCollaborate(DECISION_ID, 8, 9, 7))
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("once the person has answered"))
                   .expectNoEvents();
        }

        static Stream<Named<RecordCollaborate>> scoresOutsideZeroToNine() {
            return Stream.of(
                    Named.of("explained issues -1", new RecordCollaborate(DECISION_ID, -1, 5, 5)),
                    Named.of("explained issues 10", new RecordCollaborate(DECISION_ID, 10, 5, 5)),
                    Named.of("listened -1", new RecordCollaborate(DECISION_ID, 5, -1, 5)),
                    Named.of("listened 10", new RecordCollaborate(DECISION_ID, 5, 10, 5)),
                    Named.of("included -1", new RecordCollaborate(DECISION_ID, 5, 5, -1)),
                    Named.of("included 10", new RecordCollaborate(DECISION_ID, 5, 5, 10)));
        }

        @ParameterizedTest
        @MethodSource("scoresOutsideZeroToNine")
        void eachAnswerIsAWholeNumberFromZeroToNine(RecordCollaborate outOfRange) {
            fixture.given(presentedToRae(raeChose(SLEEP_GROUP)))
                   .when(outOfRange)
                   .expectException(DomainRuleViolation.class)
                   .expectExceptionMessage(containsString("Each CollaboRATE answer is a whole number from 0 to 9"))
                   .expectNoEvents();
        }

        static Stream<Named<int[]>> scoresAtTheEnds() {
            return Stream.of(
                    Named.of("all zero", new int[]{0, 0, 0}),
                    Named.of("all nine", new int[]{9, 9, 9}),
                    Named.of("zero, nine, zero", new int[]{0, 9, 0}),
                    Named.of("nine, zero, nine", new int[]{9, 0, 9}));
        }

        @ParameterizedTest
        @MethodSource("scoresAtTheEnds")
        void zeroAndNineAreBothAnswers(int[] scores) {
            fixture.given(presentedToRae(raeChose(SLEEP_GROUP)))
                   .when(new RecordCollaborate(DECISION_ID, scores[0], scores[1], scores[2]))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(scored(scores[0], scores[1], scores[2]));
        }
    }
}
