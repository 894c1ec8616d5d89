package org.dyad.application.quality;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** HBIPS-2/3 against values worked out by hand in each test's comment. */
class HbipsCalculatorTest {

    static final ZoneId UTC = ZoneOffset.UTC;
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final LocalDate ADULT = LocalDate.of(1980, 1, 1);

    static Instant t(String iso) {
        return Instant.parse(iso);
    }

    /** Admitted 1 March 08:00, discharged 11 March 10:00: midnights ending 1..10 March = 10 inpatient days. */
    static InpatientStay tenDaysInMarch() {
        return new InpatientStay(t("2026-03-01T08:00:00Z"), t("2026-03-11T10:00:00Z"), List.of());
    }

    static RestrictivePeriod restraint(String from, String to) {
        return new RestrictivePeriod(Measure.PHYSICAL_RESTRAINT, t(from), to == null ? null : t(to));
    }

    static RestrictivePeriod seclusion(String from, String to) {
        return new RestrictivePeriod(Measure.SECLUSION, t(from), to == null ? null : t(to));
    }

    static HbipsRow adultsIn(List<HbipsRow> rows, YearMonth month) {
        return rows.stream().filter(r -> r.month().equals(month) && r.stratum() == AgeStratum.AGES_18_TO_64)
                .findFirst().orElseThrow();
    }

    static List<HbipsRow> march(RestrictivePeriod... periods) {
        return HbipsCalculator.compute(List.of(new PersonServedRecord(ADULT, List.of(tenDaysInMarch()), List.of(periods))),
                MARCH, MARCH, UTC, NOW);
    }

    @Test
    void everyMonthHasAllFourStrataEvenWhenEmpty() {
        List<HbipsRow> rows = HbipsCalculator.compute(List.of(), YearMonth.of(2026, 1), YearMonth.of(2026, 3), UTC, NOW);
        // 3 months × 4 strata = 12 rows, month first, then stratum in order; nothing counted, so no rates.
        assertThat(rows).extracting(HbipsRow::month, HbipsRow::stratum).containsExactly(
                tuple(YearMonth.of(2026, 1), AgeStratum.AGES_1_TO_12), tuple(YearMonth.of(2026, 1), AgeStratum.AGES_13_TO_17),
                tuple(YearMonth.of(2026, 1), AgeStratum.AGES_18_TO_64), tuple(YearMonth.of(2026, 1), AgeStratum.AGES_65_AND_OVER),
                tuple(YearMonth.of(2026, 2), AgeStratum.AGES_1_TO_12), tuple(YearMonth.of(2026, 2), AgeStratum.AGES_13_TO_17),
                tuple(YearMonth.of(2026, 2), AgeStratum.AGES_18_TO_64), tuple(YearMonth.of(2026, 2), AgeStratum.AGES_65_AND_OVER),
                tuple(MARCH, AgeStratum.AGES_1_TO_12), tuple(MARCH, AgeStratum.AGES_13_TO_17),
                tuple(MARCH, AgeStratum.AGES_18_TO_64), tuple(MARCH, AgeStratum.AGES_65_AND_OVER));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.physicalRestraintMinutes() + r.seclusionMinutes() + r.inpatientDays() + r.leaveDays()).isZero();
            assertThat(r.physicalRestraintRate()).isNull();
            assertThat(r.seclusionRate()).isNull();
        });
    }

    @Test
    void lessThanAMinuteCountsAsOne() {
        // 40 s → 1 min. 10 days × 24 h = 240 h; rate = (1/60) / (240/1000) = 0.069444…
        HbipsRow row = adultsIn(march(restraint("2026-03-02T10:00:00Z", "2026-03-02T10:00:40Z")), MARCH);
        assertThat(row.physicalRestraintMinutes()).isEqualTo(1);
        assertThat(row.inpatientDays()).isEqualTo(10);
        assertThat(row.physicalRestraintRate()).isCloseTo(1 / 60.0 / 0.24, within(1e-9));
    }

    @Test
    void exactlySixtySecondsIsOneMinute() {
        assertThat(adultsIn(march(restraint("2026-03-02T10:00:00Z", "2026-03-02T10:01:00Z")), MARCH)
                .physicalRestraintMinutes()).isEqualTo(1);
    }

    @Test
    void aPartialMinuteIsRoundedUp() {
        // 2 min 5 s → 3 min
        assertThat(adultsIn(march(restraint("2026-03-02T10:00:00Z", "2026-03-02T10:02:05Z")), MARCH)
                .physicalRestraintMinutes()).isEqualTo(3);
    }

    @Test
    void zeroSecondsCountNothing() {
        // A 0 s restraint adds 0 (nothing to round up). Seclusion 12:00–12:10 entirely under restraint 12:00–12:10
        // leaves 0 s of seclusion → 0; the restraint is 10 min. 10 days → rate (10/60) / 0.24 = 0.694…
        HbipsRow row = adultsIn(march(restraint("2026-03-02T10:00:00Z", "2026-03-02T10:00:00Z"),
                seclusion("2026-03-02T12:00:00Z", "2026-03-02T12:10:00Z"),
                restraint("2026-03-02T12:00:00Z", "2026-03-02T12:10:00Z")), MARCH);
        assertThat(row.physicalRestraintMinutes()).isEqualTo(10);
        assertThat(row.seclusionMinutes()).isZero();
        assertThat(row.seclusionRate()).isEqualTo(0.0);
        assertThat(row.physicalRestraintRate()).isCloseTo(10 / 60.0 / 0.24, within(1e-9));
    }

    @Test
    void wholeMinutesStayAsTheyAre() {
        // 45 min of seclusion; rate = 0.75 h / 0.24 = 3.125
        HbipsRow row = adultsIn(march(seclusion("2026-03-03T14:00:00Z", "2026-03-03T14:45:00Z")), MARCH);
        assertThat(row.seclusionMinutes()).isEqualTo(45);
        assertThat(row.seclusionRate()).isCloseTo(3.125, within(1e-9));
        assertThat(row.physicalRestraintMinutes()).isZero();
        assertThat(row.physicalRestraintRate()).isEqualTo(0.0);
    }

    @Test
    void restraintAndSeclusionAtOnceCountAsRestraintOnly() {
        // Seclusion 10:00–11:00 with restraint 10:20–10:30 inside it:
        // restraint 10 min; seclusion 10:00–10:20 (20) + 10:30–11:00 (30) = 50 min.
        HbipsRow row = adultsIn(march(seclusion("2026-03-04T10:00:00Z", "2026-03-04T11:00:00Z"),
                restraint("2026-03-04T10:20:00Z", "2026-03-04T10:30:00Z")), MARCH);
        assertThat(row.physicalRestraintMinutes()).isEqualTo(10);
        assertThat(row.seclusionMinutes()).isEqualTo(50);
    }

    @Test
    void restraintChangedToSeclusionStopsTheRestraintTime() {
        // Restraint 09:00–09:30:30 (31 min, rounded up), then seclusion 09:30:30–10:00 (29 min 30 s → 30).
        HbipsRow row = adultsIn(march(restraint("2026-03-05T09:00:00Z", "2026-03-05T09:30:30Z"),
                seclusion("2026-03-05T09:30:30Z", "2026-03-05T10:00:00Z")), MARCH);
        assertThat(row.physicalRestraintMinutes()).isEqualTo(31);
        assertThat(row.seclusionMinutes()).isEqualTo(30);
    }

    @Test
    void aHoldDuringMechanicalRestraintCountsOnce() {
        // Mechanical 10:00–10:30 and a hold 10:20–10:40 overlap: union 10:00–10:40 = 40 min.
        assertThat(adultsIn(march(restraint("2026-03-06T10:00:00Z", "2026-03-06T10:30:00Z"),
                restraint("2026-03-06T10:20:00Z", "2026-03-06T10:40:00Z")), MARCH).physicalRestraintMinutes()).isEqualTo(40);
    }

    @Test
    void anEpisodeCrossingMidnightIsSplitAndEachDateRoundsUp() {
        // 23:59:30–00:00:30: 30 s on 6 March → 1, 30 s on 7 March → 1: 2 minutes, not 1.
        assertThat(adultsIn(march(seclusion("2026-03-06T23:59:30Z", "2026-03-07T00:00:30Z")), MARCH)
                .seclusionMinutes()).isEqualTo(2);
    }

    @Test
    void anEpisodeCrossingTheMonthEndIsSplitBetweenMonths() {
        // Stay 30 March 12:00 – 2 April 12:00: midnights ending 30, 31 March (2 days) and 1 April (1 day).
        // Seclusion 31 March 23:00 – 1 April 00:30: 60 min in March, 30 min in April.
        InpatientStay stay = new InpatientStay(t("2026-03-30T12:00:00Z"), t("2026-04-02T12:00:00Z"), List.of());
        List<HbipsRow> rows = HbipsCalculator.compute(List.of(new PersonServedRecord(ADULT, List.of(stay),
                List.of(seclusion("2026-03-31T23:00:00Z", "2026-04-01T00:30:00Z")))), MARCH, YearMonth.of(2026, 4), UTC, NOW);
        HbipsRow march = adultsIn(rows, MARCH);
        HbipsRow april = adultsIn(rows, YearMonth.of(2026, 4));
        assertThat(march.seclusionMinutes()).isEqualTo(60);
        assertThat(march.inpatientDays()).isEqualTo(2);
        assertThat(march.seclusionRate()).isCloseTo(1.0 / 0.048, within(1e-9));
        assertThat(april.seclusionMinutes()).isEqualTo(30);
        assertThat(april.inpatientDays()).isEqualTo(1);
        assertThat(april.seclusionRate()).isCloseTo(0.5 / 0.024, within(1e-9));
    }

    @Test
    void aBirthdayDuringTheStayMovesTimeAndDaysToTheNewStratum() {
        // Born 5 March 2008: 17 until 4 March 2026, 18 from 5 March.
        // Stay 1–11 March: days ending 1–4 March (4) are 13–17, 5–10 March (6) are 18–64.
        // Restraint 4 March 23:50 – 5 March 00:20: 10 min at 17, 20 min at 18.
        PersonServedRecord teen = new PersonServedRecord(LocalDate.of(2008, 3, 5), List.of(tenDaysInMarch()),
                List.of(restraint("2026-03-04T23:50:00Z", "2026-03-05T00:20:00Z")));
        List<HbipsRow> rows = HbipsCalculator.compute(List.of(teen), MARCH, MARCH, UTC, NOW);
        HbipsRow young = rows.stream().filter(r -> r.stratum() == AgeStratum.AGES_13_TO_17).findFirst().orElseThrow();
        HbipsRow adult = adultsIn(rows, MARCH);
        assertThat(young.inpatientDays()).isEqualTo(4);
        assertThat(young.physicalRestraintMinutes()).isEqualTo(10);
        assertThat(adult.inpatientDays()).isEqualTo(6);
        assertThat(adult.physicalRestraintMinutes()).isEqualTo(20);
    }

    @Test
    void leaveDaysComeOffTheDenominator() {
        // Leave 3 March 18:00 – 5 March 09:00: away at the midnights ending 3 and 4 March: 2 leave days.
        // Hours = (10 − 2) × 24 = 192; 96 min of seclusion → 1.6 h / 0.192 = 8.333…
        InpatientStay stay = new InpatientStay(t("2026-03-01T08:00:00Z"), t("2026-03-11T10:00:00Z"),
                List.of(new Leave(t("2026-03-03T18:00:00Z"), t("2026-03-05T09:00:00Z"))));
        HbipsRow row = adultsIn(HbipsCalculator.compute(List.of(new PersonServedRecord(ADULT, List.of(stay),
                List.of(seclusion("2026-03-06T10:00:00Z", "2026-03-06T11:36:00Z")))), MARCH, MARCH, UTC, NOW), MARCH);
        assertThat(row.inpatientDays()).isEqualTo(10);
        assertThat(row.leaveDays()).isEqualTo(2);
        assertThat(row.seclusionRate()).isCloseTo(1.6 / 0.192, within(1e-9));
    }

    @Test
    void aMonthWithMinutesButNoMidnightHasNoRate() {
        // Admitted and discharged the same day: no midnight, zero denominator; 30 minutes still reported.
        InpatientStay sameDay = new InpatientStay(t("2026-03-09T08:00:00Z"), t("2026-03-09T20:00:00Z"), List.of());
        HbipsRow row = adultsIn(HbipsCalculator.compute(List.of(new PersonServedRecord(ADULT, List.of(sameDay),
                List.of(restraint("2026-03-09T12:00:00Z", "2026-03-09T12:30:00Z")))), MARCH, MARCH, UTC, NOW), MARCH);
        assertThat(row.physicalRestraintMinutes()).isEqualTo(30);
        assertThat(row.inpatientDays()).isZero();
        assertThat(row.physicalRestraintRate()).isNull();
        assertThat(row.seclusionRate()).isNull();
    }

    @Test
    void aMonthSpentOnLeaveHasNoRate() {
        // Stay 1 March 08:00 – 3 March 10:00: midnights ending 1 and 2 March = 2 days; leave 1 March 12:00 –
        // 3 March 09:00 covers both → 2 leave days; (2 − 2) × 24 = 0 h. Restraint 09:00–09:10 on 1 March: 10 min.
        InpatientStay stay = new InpatientStay(t("2026-03-01T08:00:00Z"), t("2026-03-03T10:00:00Z"),
                List.of(new Leave(t("2026-03-01T12:00:00Z"), t("2026-03-03T09:00:00Z"))));
        HbipsRow row = adultsIn(HbipsCalculator.compute(List.of(new PersonServedRecord(ADULT, List.of(stay),
                List.of(restraint("2026-03-01T09:00:00Z", "2026-03-01T09:10:00Z")))), MARCH, MARCH, UTC, NOW), MARCH);
        assertThat(row.inpatientDays()).isEqualTo(2);
        assertThat(row.leaveDays()).isEqualTo(2);
        assertThat(row.physicalRestraintMinutes()).isEqualTo(10);
        assertThat(row.physicalRestraintRate()).isNull();
        assertThat(row.seclusionRate()).isNull();
    }

    @Test
    void anOngoingLeaveCountsUpToNow() {
        // Now 3 March 12:00; admitted 1 March 08:00, on leave since 2 March 18:00, neither ended.
        // Midnight ending 1 March: in; ending 2 March: away; ending 3 March is after now: 2 days, 1 leave day.
        Instant now = t("2026-03-03T12:00:00Z");
        InpatientStay stay = new InpatientStay(t("2026-03-01T08:00:00Z"), null,
                List.of(new Leave(t("2026-03-02T18:00:00Z"), null)));
        HbipsRow row = adultsIn(HbipsCalculator.compute(List.of(new PersonServedRecord(ADULT, List.of(stay), List.of())),
                MARCH, MARCH, UTC, now), MARCH);
        assertThat(row.inpatientDays()).isEqualTo(2);
        assertThat(row.leaveDays()).isEqualTo(1);
        assertThat(row.physicalRestraintRate()).isEqualTo(0.0);
    }

    @Test
    void anOngoingEpisodeAndStayCountUpToNow() {
        // Now 3 March 12:00; admitted 1 March 08:00, still in: midnights ending 1 and 2 March = 2 days.
        // Seclusion since 3 March 11:00, still going: 60 min.
        Instant now = t("2026-03-03T12:00:00Z");
        PersonServedRecord stillIn = new PersonServedRecord(ADULT,
                List.of(new InpatientStay(t("2026-03-01T08:00:00Z"), null, List.of())),
                List.of(seclusion("2026-03-03T11:00:00Z", null)));
        HbipsRow row = adultsIn(HbipsCalculator.compute(List.of(stillIn), MARCH, MARCH, UTC, now), MARCH);
        assertThat(row.inpatientDays()).isEqualTo(2);
        assertThat(row.seclusionMinutes()).isEqualTo(60);
    }

    /** Admitted 7 March 10:00 EST (15:00Z), discharged 10 March 10:00 EDT (14:00Z), across the spring-forward day. */
    static InpatientStay acrossSpringForward(Leave... leaves) {
        return new InpatientStay(t("2026-03-07T15:00:00Z"), t("2026-03-10T14:00:00Z"), List.of(leaves));
    }

    @Test
    void onTheSpringForwardDayMinutesAreElapsedAndSplitAtTheLocalMidnight() {
        // New York, 8 March 2026: 02:00 EST becomes 03:00 EDT, so 8 March starts 05:00Z and 9 March starts 04:00Z.
        // Restraint 01:30 EST – 03:30 EDT (06:30Z–07:30Z): the clock shows 2 h, but 60 min elapsed.
        // Seclusion 23:59:30 EDT 8 March – 00:00:30 EDT 9 March (03:59:30Z–04:00:30Z): 30 s + 30 s → 1 + 1 = 2 min
        // (split at UTC midnight or at the EST offset's 05:00Z it would be one 60 s piece → 1).
        // Local midnights 8 March 05:00Z, 9 March 04:00Z, 10 March 04:00Z fall in the stay: 3 days = 72 h.
        // Rates: 1 h / 0.072 = 13.888…; (2/60) h / 0.072 = 0.46296…
        PersonServedRecord p = new PersonServedRecord(ADULT, List.of(acrossSpringForward()),
                List.of(restraint("2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z"),
                        seclusion("2026-03-09T03:59:30Z", "2026-03-09T04:00:30Z")));
        HbipsRow row = adultsIn(HbipsCalculator.compute(List.of(p), MARCH, MARCH, NEW_YORK, NOW), MARCH);
        assertThat(row.physicalRestraintMinutes()).isEqualTo(60);
        assertThat(row.seclusionMinutes()).isEqualTo(2);
        assertThat(row.inpatientDays()).isEqualTo(3);
        assertThat(row.physicalRestraintRate()).isCloseTo(1 / 0.072, within(1e-9));
        assertThat(row.seclusionRate()).isCloseTo(2 / 60.0 / 0.072, within(1e-9));
    }

    @Test
    void aLeaveDayIsTakenAtTheLocalMidnightAfterTheClockChange() {
        // Leave 20:30 EDT 8 March – 00:30 EDT 9 March (9 March 00:30Z–04:30Z). The midnight ending 8 March is
        // 04:00Z: away → 1 leave day (UTC midnight 00:00Z is before the leave, the EST offset's 05:00Z after it).
        // 3 days − 1 = 48 h; restraint 06:30Z–07:30Z on 8 March = 60 min → 1 h / 0.048 = 20.833…
        PersonServedRecord p = new PersonServedRecord(ADULT,
                List.of(acrossSpringForward(new Leave(t("2026-03-09T00:30:00Z"), t("2026-03-09T04:30:00Z")))),
                List.of(restraint("2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z")));
        HbipsRow row = adultsIn(HbipsCalculator.compute(List.of(p), MARCH, MARCH, NEW_YORK, NOW), MARCH);
        assertThat(row.inpatientDays()).isEqualTo(3);
        assertThat(row.leaveDays()).isEqualTo(1);
        assertThat(row.physicalRestraintRate()).isCloseTo(1 / 0.048, within(1e-9));
    }

    @Test
    void onTheFallBackDayTheRepeatedHourCountsAndTheLocalDateDecidesTheMonth() {
        // New York, 1 November 2026: 02:00 EDT becomes 01:00 EST; 1 Nov starts 04:00Z, 2 and 3 Nov start 05:00Z.
        // Stay 31 Oct 10:00 EDT (14:00Z) – 3 Nov 10:00 EST (15:00Z): midnights ending 31 Oct (October: 1 day),
        // 1 and 2 Nov (November: 2 days).
        // Restraint 23:30 EDT 31 Oct – 00:30 EDT 1 Nov (1 Nov 03:30Z–04:30Z): 30 min October, 30 min November
        // (by UTC dates all 60 would be November).
        // Seclusion 01:00 EDT – 01:30 EST on 1 Nov (05:00Z–06:30Z): the clock shows 30 min, but 90 elapsed.
        // October: 0.5 h / 0.024 = 20.833…; November: 0.5 h / 0.048 = 10.4166…, 1.5 h / 0.048 = 31.25.
        YearMonth october = YearMonth.of(2026, 10);
        YearMonth november = YearMonth.of(2026, 11);
        PersonServedRecord p = new PersonServedRecord(ADULT,
                List.of(new InpatientStay(t("2026-10-31T14:00:00Z"), t("2026-11-03T15:00:00Z"), List.of())),
                List.of(restraint("2026-11-01T03:30:00Z", "2026-11-01T04:30:00Z"),
                        seclusion("2026-11-01T05:00:00Z", "2026-11-01T06:30:00Z")));
        List<HbipsRow> rows = HbipsCalculator.compute(List.of(p), october, november, NEW_YORK,
                t("2026-12-01T00:00:00Z"));
        HbipsRow oct = adultsIn(rows, october);
        HbipsRow nov = adultsIn(rows, november);
        assertThat(oct.physicalRestraintMinutes()).isEqualTo(30);
        assertThat(oct.seclusionMinutes()).isZero();
        assertThat(oct.inpatientDays()).isEqualTo(1);
        assertThat(oct.physicalRestraintRate()).isCloseTo(0.5 / 0.024, within(1e-9));
        assertThat(nov.physicalRestraintMinutes()).isEqualTo(30);
        assertThat(nov.seclusionMinutes()).isEqualTo(90);
        assertThat(nov.inpatientDays()).isEqualTo(2);
        assertThat(nov.physicalRestraintRate()).isCloseTo(0.5 / 0.048, within(1e-9));
        assertThat(nov.seclusionRate()).isCloseTo(31.25, within(1e-9));
    }

    @Test
    void peopleUnderOneYearAreOutsideTheMeasure() {
        PersonServedRecord baby = new PersonServedRecord(LocalDate.of(2025, 9, 1), List.of(tenDaysInMarch()),
                List.of(restraint("2026-03-02T10:00:00Z", "2026-03-02T10:10:00Z")));
        assertThat(HbipsCalculator.compute(List.of(baby), MARCH, MARCH, UTC, NOW))
                .allSatisfy(r -> {
                    assertThat(r.inpatientDays()).isZero();
                    assertThat(r.physicalRestraintMinutes()).isZero();
                });
    }
}
