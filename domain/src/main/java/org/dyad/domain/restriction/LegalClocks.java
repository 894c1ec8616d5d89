package org.dyad.domain.restriction;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;

/** The clocks of 42 CFR 482.13(e)–(g), from clinical time. */
public final class LegalClocks {

    public static final Duration FACE_TO_FACE_WITHIN = Duration.ofHours(1);
    public static final Duration RENEWALS_WITHOUT_IN_PERSON_EVALUATION = Duration.ofHours(24);
    public static final Duration DEBRIEF_WITHIN = Duration.ofHours(24);
    public static final Duration INTERNAL_LOG_WITHIN = Duration.ofDays(7);
    public static final Duration DEATH_SOON_AFTER = Duration.ofHours(24);
    public static final Duration DEATH_MAY_HAVE_CONTRIBUTED_WITHIN = Duration.ofDays(7);
    /** Public holidays are not modelled: a holiday counts as a business day, which errs early. */
    public static final LocalTime CLOSE_OF_BUSINESS = LocalTime.of(17, 0);

    private LegalClocks() {
    }

    /** The longest one order may last: 4 h for adults 18 and over, 2 h for ages 9–17, 1 h under 9. */
    public static Duration orderLimit(LocalDate dateOfBirth, LocalDate on) {
        int age = Period.between(dateOfBirth, on).getYears();
        if (age >= 18) {
            return Duration.ofHours(4);
        }
        return age >= 9 ? Duration.ofHours(2) : Duration.ofHours(1);
    }

    public static int ageOn(LocalDate dateOfBirth, LocalDate on) {
        return Period.between(dateOfBirth, on).getYears();
    }

    /** Close of business on the first weekday after the day of {@code moment} in {@code zone}. */
    public static Instant closeOfNextBusinessDay(Instant moment, ZoneId zone) {
        LocalDate day = moment.atZone(zone).toLocalDate().plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(CLOSE_OF_BUSINESS).atZone(zone).toInstant();
    }

    /**
     * A death during restraint or seclusion, or within 24 h after, is reported to CMS (internal log for soft
     * two-point wrist restraint only); within a week after, to CMS only where the measure may have contributed.
     */
    public static DeathReporting reportingFor(Instant diedAt, Instant endedAt, boolean softWristRestraintOnly,
                                              boolean measureMayHaveContributed) {
        Duration sinceRelease = endedAt == null || diedAt.isBefore(endedAt) ? Duration.ZERO : Duration.between(endedAt, diedAt);
        if (sinceRelease.compareTo(DEATH_SOON_AFTER) <= 0) {
            return softWristRestraintOnly ? DeathReporting.INTERNAL_LOG : DeathReporting.CMS;
        }
        if (measureMayHaveContributed && sinceRelease.compareTo(DEATH_MAY_HAVE_CONTRIBUTED_WITHIN) <= 0) {
            return DeathReporting.CMS;
        }
        return DeathReporting.NONE;
    }

    public static Instant deathReportDueBy(DeathReporting reporting, Instant diedAt, ZoneId zone) {
        return switch (reporting) {
            case CMS -> closeOfNextBusinessDay(diedAt, zone);
            case INTERNAL_LOG -> diedAt.plus(INTERNAL_LOG_WITHIN);
            case NONE -> null;
        };
    }
}
