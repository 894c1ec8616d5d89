package org.dyad.application.fhir;

import org.dyad.domain.shared.Sensitivity;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.List;

import static org.dyad.application.fhir.FhirCodes.ACT_CODE;
import static org.dyad.application.fhir.FhirCodes.CONFIDENTIALITY;
import static org.dyad.application.fhir.FhirCodes.OBSERVATION_VALUE;
import static org.dyad.application.fhir.FhirCodes.coding;

/** HL7 security labels for each category of content: its sensitivity, the law it falls under, its confidentiality. */
final class SecurityLabels {

    static final Coding NORMAL = coding(CONFIDENTIALITY, "N", "normal");
    static final Coding RESTRICTED = coding(CONFIDENTIALITY, "R", "restricted");

    private SecurityLabels() {
    }

    static List<Coding> of(Sensitivity category) {
        return switch (category) {
            case PSYCHIATRIC -> List.of(coding(ACT_CODE, "PSY", "psychiatry disorder information sensitivity"), RESTRICTED);
            case SUD_PART2 -> List.of(coding(ACT_CODE, "ETH", "substance abuse information sensitivity"),
                    coding(ACT_CODE, "42CFRPart2", "42 CFR Part2"),
                    coding(ACT_CODE, "NORDSCLCD", "no redisclosure without consent directive"), RESTRICTED);
            case PEER_CONFIDENTIAL -> List.of(coding(ACT_CODE, "BH", "behavioral health information sensitivity"), RESTRICTED);
            case GENERAL -> List.of(NORMAL);
        };
    }

    /** The category in the care team's words. */
    static String describe(Sensitivity category) {
        return switch (category) {
            case PEER_CONFIDENTIAL -> "what was said to the peer in confidence";
            case PSYCHIATRIC -> "psychiatric records";
            case SUD_PART2 -> "substance-use treatment records (42 CFR Part 2)";
            case GENERAL -> "general records";
        };
    }

    /** Labels the resource with its content's category; content withheld from the viewer is also marked redacted. */
    static void label(Resource resource, Sensitivity category, boolean withheld) {
        List<Coding> labels = new ArrayList<>(of(category));
        if (withheld) {
            labels.add(coding(OBSERVATION_VALUE, "REDACTED", "redacted"));
        }
        labels.forEach(label -> resource.getMeta().addSecurity(label.copy()));
    }

    static boolean isRestricted(Resource resource) {
        return resource.getMeta().getSecurity().stream()
                .anyMatch(c -> CONFIDENTIALITY.equals(c.getSystem()) && "R".equals(c.getCode()));
    }
}
