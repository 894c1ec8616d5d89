package org.dyad.application.fhir;

import org.dyad.application.consent.ConsentView;
import org.dyad.domain.consent.Purpose;
import org.dyad.domain.consent.Recipient;
import org.dyad.domain.shared.Sensitivity;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.dyad.application.fhir.FhirCodes.ACCOUNT_ROLE;
import static org.dyad.application.fhir.FhirCodes.ACT_CODE;
import static org.dyad.application.fhir.FhirCodes.ACT_REASON;
import static org.dyad.application.fhir.FhirCodes.CONSENT_SCOPE;
import static org.dyad.application.fhir.FhirCodes.PARTICIPATION_TYPE;
import static org.dyad.application.fhir.FhirCodes.PURPOSE;
import static org.dyad.application.fhir.FhirCodes.SENSITIVITY;
import static org.dyad.application.fhir.FhirCodes.coding;
import static org.dyad.application.fhir.FhirCodes.concept;
import static org.dyad.application.fhir.FhirCodes.date;
import static org.dyad.application.fhir.FhirCodes.words;

/** The person's consent to disclose (42 CFR Part 2 §2.31): who may receive what, for which purposes, until when. */
final class ConsentResources {

    private static final String PART_2_CONSENT = "https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2/subpart-C/section-2.31";

    private ConsentResources() {
    }

    /** A revoked or expired consent, or one whose end date has come, is inactive at once. */
    static void add(ExportBundle bundle, ConsentView view, Instant now) {
        Consent consent = new Consent()
                .setStatus(view.isActiveAt(now) ? Consent.ConsentState.ACTIVE : Consent.ConsentState.INACTIVE)
                .setScope(concept(CONSENT_SCOPE, "patient-privacy", "Privacy Consent"))
                .setPatient(bundle.patient())
                .setDateTimeElement(new DateTimeType(view.getSignedOn().toString()));
        consent.addCategory(concept(ACT_CODE, "IDSCL", "information disclosure"));
        consent.addPerformer().setDisplay(view.getSignedBy());
        consent.addOrganization().setDisplay(view.getDiscloser());
        consent.addPolicy().setUri(PART_2_CONSENT);
        Consent.ProvisionComponent provision = consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
        Instant end = view.getEndedAt() != null ? view.getEndedAt()
                : view.getExpiresOn() == null ? null : view.getExpiresOn().atStartOfDay().toInstant(ZoneOffset.UTC);
        provision.setPeriod(new Period().setStart(date(view.getGrantedAt())).setEnd(date(end)));
        for (Recipient recipient : view.getRecipients()) {
            provision.addActor().setRole(concept(PARTICIPATION_TYPE, "IRCP", "information recipient"))
                    .setReference(recipient(bundle, recipient));
        }
        view.getPurposes().stream().sorted().forEach(p -> provision.addPurpose(purpose(p)));
        Map<String, Coding> labels = new LinkedHashMap<>();
        for (Sensitivity category : view.getCategories().stream().sorted().toList()) {
            provision.addCode(concept(SENSITIVITY, category.name(), SecurityLabels.describe(category)));
            SecurityLabels.of(category).forEach(l -> labels.putIfAbsent(l.getSystem() + "|" + l.getCode(), l.copy()));
        }
        labels.values().forEach(provision::addSecurityLabel);
        bundle.add(view.getConsentId(), view.getConsentId(), consent);
    }

    private static Reference recipient(ExportBundle bundle, Recipient recipient) {
        return switch (recipient.kind()) {
            case STAFF -> bundle.who(recipient.id(), recipient.id());
            case ROLE -> new Reference().setIdentifier(new Identifier().setSystem(ACCOUNT_ROLE).setValue(recipient.id()))
                    .setDisplay("anyone in the role " + words(recipient.id()));
            case ORGANISATION -> new Reference().setType("Organization").setDisplay(recipient.id());
        };
    }

    static Coding purpose(Purpose purpose) {
        return switch (purpose) {
            case TREATMENT -> coding(ACT_REASON, "TREAT", "treatment");
            case CARE_COORDINATION -> coding(ACT_REASON, "COC", "coordination of care");
            case PAYMENT -> coding(ACT_REASON, "HPAYMT", "healthcare payment");
            case LEGAL -> coding(ACT_REASON, "HLEGAL", "legal");
            case CRISIS_PLANNING, OTHER -> coding(PURPOSE, purpose.name(), words(purpose));
        };
    }
}
