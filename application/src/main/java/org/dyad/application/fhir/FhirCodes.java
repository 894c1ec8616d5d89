package org.dyad.application.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

import java.time.Instant;
import java.util.Date;

/** Code systems the export speaks: HL7's where one fits, Dyad's own names where none does. */
final class FhirCodes {

    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    static final String OBSERVATION_VALUE = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
    static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
    static final String PROVENANCE_AGENT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String AUDIT_SOURCE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    static final String AUDIT_ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";

    static final String LOGIN = "urn:dyad:login";
    static final String CASE = "urn:dyad:case";
    static final String CARE_TEAM_ROLE = "urn:dyad:care-team-role";
    static final String ACCOUNT_ROLE = "urn:dyad:account-role";
    static final String SESSION_KIND = "urn:dyad:session-kind";
    static final String NOTE_KIND = "urn:dyad:note-kind";
    static final String SENSITIVITY = "urn:dyad:sensitivity";
    static final String PURPOSE = "urn:dyad:purpose";

    private FhirCodes() {
    }

    static Coding coding(String system, String code, String display) {
        return new Coding(system, code, display);
    }

    static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(coding(system, code, display)).setText(display);
    }

    /** A name of our own ("PEER_SPECIALIST") said the way people say it ("peer specialist"). */
    static String words(Enum<?> name) {
        return words(name.name());
    }

    static String words(String name) {
        return name.toLowerCase().replace('_', ' ');
    }

    static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }
}
