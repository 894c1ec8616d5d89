package org.dyad.domain.cases;

import java.util.List;

/** Summary of the person's Wellness Recovery Action Plan (WRAP), in their own words. */
public record WrapSummary(
        List<String> wellnessTools,
        List<String> triggers,
        List<String> earlyWarningSigns,
        String whatHelpsInCrisis,
        List<Contact> supporters) {

    public WrapSummary {
        wellnessTools = wellnessTools == null ? List.of() : List.copyOf(wellnessTools);
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        earlyWarningSigns = earlyWarningSigns == null ? List.of() : List.copyOf(earlyWarningSigns);
        supporters = supporters == null ? List.of() : List.copyOf(supporters);
    }

    public boolean nothingFilledIn() {
        return wellnessTools.isEmpty() && triggers.isEmpty() && earlyWarningSigns.isEmpty()
                && (whatHelpsInCrisis == null || whatHelpsInCrisis.isBlank()) && supporters.isEmpty();
    }
}
