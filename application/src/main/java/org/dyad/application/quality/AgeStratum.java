package org.dyad.application.quality;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/** The Joint Commission's HBIPS age strata; under one year is outside the measure. */
public enum AgeStratum {
    AGES_1_TO_12, AGES_13_TO_17, AGES_18_TO_64, AGES_65_AND_OVER;

    public static Optional<AgeStratum> of(LocalDate dateOfBirth, LocalDate on) {
        int age = Period.between(dateOfBirth, on).getYears();
        if (age < 1) {
            return Optional.empty();
        }
        if (age <= 12) {
            return Optional.of(AGES_1_TO_12);
        }
        if (age <= 17) {
            return Optional.of(AGES_13_TO_17);
        }
        return Optional.of(age <= 64 ? AGES_18_TO_64 : AGES_65_AND_OVER);
    }
}
