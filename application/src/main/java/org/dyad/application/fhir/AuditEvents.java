package org.dyad.application.fhir;

import org.dyad.application.access.AccessRecord;
import org.dyad.application.disclosure.DisclosureView;
import org.dyad.domain.shared.Sensitivity;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import java.time.Instant;

import static org.dyad.application.fhir.FhirCodes.ACCOUNT_ROLE;
import static org.dyad.application.fhir.FhirCodes.AUDIT_ENTITY_TYPE;
import static org.dyad.application.fhir.FhirCodes.AUDIT_SOURCE;
import static org.dyad.application.fhir.FhirCodes.DICOM;
import static org.dyad.application.fhir.FhirCodes.OBJECT_ROLE;
import static org.dyad.application.fhir.FhirCodes.PARTICIPATION_TYPE;
import static org.dyad.application.fhir.FhirCodes.coding;
import static org.dyad.application.fhir.FhirCodes.concept;
import static org.dyad.application.fhir.FhirCodes.date;
import static org.dyad.application.fhir.FhirCodes.words;

/** Disclosures (shared or held in confidence) and recorded reads of sensitive content, as AuditEvents. */
final class AuditEvents {

    private AuditEvents() {
    }

    /** {@code what}: what was asked or shared, or the policy's placeholder when the viewer may not read it. */
    static void disclosure(ExportBundle bundle, DisclosureView d, String what, boolean withheld) {
        boolean shared = d.getStatus() == DisclosureView.Status.SHARED;
        AuditEvent event = event(bundle, d.getAnsweredAt(), d.getCategory(), withheld);
        event.setPeriod(new Period().setStart(date(d.getRequestedAt())).setEnd(date(d.getAnsweredAt())))
                .setOutcomeDesc(d.getOutcomeInWords())
                .addPurposeOfEvent(new CodeableConcept(ConsentResources.purpose(d.getPurpose())));
        if (shared) {
            event.setAction(AuditEvent.AuditEventAction.R);
        }
        event.addAgent().setWho(bundle.who(d.getRequesterId(), d.getRequesterName())).setRequestor(true)
                .setType(concept(PARTICIPATION_TYPE, "IRCP", "information recipient"));
        event.addAgent().setWho(bundle.who(d.getHolderId(), d.getHolderName())).setRequestor(false)
                .setType(concept(PARTICIPATION_TYPE, "CST", "custodian"));
        AuditEvent.AuditEventEntityComponent information = event.addEntity()
                .setType(coding(AUDIT_ENTITY_TYPE, "2", "System Object"))
                .setName(shared ? "what was shared" : "what was asked").setDescription(what);
        SecurityLabels.of(d.getCategory()).forEach(l -> information.addSecurityLabel(l.copy()));
        if (shared && d.getRedisclosureNotice() != null) {
            information.addDetail().setType("redisclosure notice (42 CFR §2.32)")
                    .setValue(new StringType(d.getRedisclosureNotice()));
        }
        bundle.add(d.getDisclosureId(), d.getDisclosureId(), event);
    }

    static void access(ExportBundle bundle, AccessRecord record, int n) {
        AuditEvent event = event(bundle, record.at(), record.category(), false).setAction(AuditEvent.AuditEventAction.R);
        event.addAgent().setWho(bundle.who(record.viewerId(), null)).setRequestor(true)
                .addRole(concept(ACCOUNT_ROLE, record.viewerRole(), words(record.viewerRole())));
        AuditEvent.AuditEventEntityComponent read = event.addEntity()
                .setType(coding(AUDIT_ENTITY_TYPE, "2", "System Object")).setName(record.item());
        SecurityLabels.of(record.category()).forEach(l -> read.addSecurityLabel(l.copy()));
        read.addDetail().setType("channel").setValue(new StringType(record.channel()));
        bundle.add(null, "access/" + record.caseId() + "/" + n, event);
    }

    private static AuditEvent event(ExportBundle bundle, Instant recorded, Sensitivity category, boolean withheld) {
        AuditEvent event = new AuditEvent().setType(coding(DICOM, "110110", "Patient Record"))
                .setRecorded(date(recorded)).setOutcome(AuditEvent.AuditEventOutcome._0);
        event.getSource().setObserver(new Reference().setDisplay("Dyad"))
                .addType(coding(AUDIT_SOURCE, "4", "Application Server"));
        event.addEntity().setWhat(bundle.patient()).setType(coding(AUDIT_ENTITY_TYPE, "1", "Person"))
                .setRole(coding(OBJECT_ROLE, "1", "Patient"));
        SecurityLabels.label(event, category, withheld);
        return event;
    }
}
