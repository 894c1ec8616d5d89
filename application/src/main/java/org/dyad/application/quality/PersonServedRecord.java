package org.dyad.application.quality;

import java.time.LocalDate;
import java.util.List;

public record PersonServedRecord(LocalDate dateOfBirth, List<InpatientStay> stays, List<RestrictivePeriod> periods) {
    public PersonServedRecord {
        stays = stays == null ? List.of() : List.copyOf(stays);
        periods = periods == null ? List.of() : List.copyOf(periods);
    }
}
