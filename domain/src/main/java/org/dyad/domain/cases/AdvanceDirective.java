package org.dyad.domain.cases;

import java.time.LocalDate;
import java.util.List;

/** The person's psychiatric advance directive (PAD), in their own words. */
public record AdvanceDirective(
        List<String> preferredTreatments,
        List<String> refusedTreatments,
        String whatHelpsInCrisis,
        List<Contact> whoToCall,
        String viewsOnRestraintAndSeclusion,
        Contact proxy,
        LocalDate signedOn) {

    public AdvanceDirective {
        preferredTreatments = preferredTreatments == null ? List.of() : List.copyOf(preferredTreatments);
        refusedTreatments = refusedTreatments == null ? List.of() : List.copyOf(refusedTreatments);
        whoToCall = whoToCall == null ? List.of() : List.copyOf(whoToCall);
    }

    public boolean nothingFilledIn() {
        return preferredTreatments.isEmpty() && refusedTreatments.isEmpty() && isBlank(whatHelpsInCrisis)
                && whoToCall.isEmpty() && isBlank(viewsOnRestraintAndSeclusion) && proxy == null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
