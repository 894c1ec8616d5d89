package org.dyad.application.fhir;

import org.dyad.application.cases.CaseView;
import org.dyad.domain.cases.CareTeamRole;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

import static org.dyad.application.fhir.FhirCodes.CARE_TEAM_ROLE;
import static org.dyad.application.fhir.FhirCodes.CASE;
import static org.dyad.application.fhir.FhirCodes.concept;
import static org.dyad.application.fhir.FhirCodes.date;
import static org.dyad.application.fhir.FhirCodes.words;

/** The person served as a Patient, and their care team with the dyad as a team of its own within it. */
final class CaseResources {

    private CaseResources() {
    }

    static void add(ExportBundle bundle) {
        CaseView c = bundle.caseView();
        bundle.add(c.getCaseId(), c.getCaseId(), patient(c));
        CareTeam team = team(bundle, "Care team of " + c.getPreferredName());
        for (CaseView.Member member : c.getCareTeam()) {
            team.addParticipant().addRole(role(member.role()))
                    .setMember(bundle.who(member.userId(), member.displayName()))
                    .setPeriod(new Period().setStart(date(member.joinedAt())));
        }
        if (c.getDyad() != null) {
            team.addParticipant().addRole(concept(CARE_TEAM_ROLE, "DYAD", "dyad"))
                    .setMember(dyad(bundle, c.getDyad()))
                    .setPeriod(new Period().setStart(date(c.getDyad().formedAt())));
        }
        bundle.add(c.getCaseId(), "care-team/" + c.getCaseId(), team);
    }

    /** Pronouns are left out: R4 core has no element for them, and the extension for them is not in R4 core. */
    private static Patient patient(CaseView c) {
        Patient patient = new Patient().setActive(!c.isClosed());
        patient.addIdentifier().setSystem(CASE).setValue(c.getCaseId());
        patient.addName().setUse(HumanName.NameUse.USUAL).setText(c.getPreferredName());
        if (c.getDateOfBirth() != null) {
            patient.setBirthDateElement(new DateType(c.getDateOfBirth().toString()));
        }
        patient.getMeta().addSecurity(c.isRestricted() ? SecurityLabels.RESTRICTED.copy() : SecurityLabels.NORMAL.copy());
        return patient;
    }

    private static Reference dyad(ExportBundle bundle, CaseView.Dyad dyad) {
        CareTeam team = team(bundle, "Dyad: " + dyad.peerName() + " and " + dyad.psychiatristName());
        team.addParticipant().addRole(role(CareTeamRole.PEER_SPECIALIST)).setMember(bundle.who(dyad.peerId(), dyad.peerName()));
        team.addParticipant().addRole(role(CareTeamRole.PSYCHIATRIST))
                .setMember(bundle.who(dyad.psychiatristId(), dyad.psychiatristName()));
        team.setPeriod(new Period().setStart(date(dyad.formedAt())));
        CaseView c = bundle.caseView();
        return bundle.add(c.getCaseId(), "dyad/" + c.getCaseId(), team).setDisplay(team.getName());
    }

    private static CareTeam team(ExportBundle bundle, String name) {
        CaseView c = bundle.caseView();
        return new CareTeam().setStatus(c.isClosed() ? CareTeam.CareTeamStatus.INACTIVE : CareTeam.CareTeamStatus.ACTIVE)
                .setName(name).setSubject(bundle.patient());
    }

    static CodeableConcept role(CareTeamRole role) {
        return concept(CARE_TEAM_ROLE, role.name(), words(role));
    }
}
