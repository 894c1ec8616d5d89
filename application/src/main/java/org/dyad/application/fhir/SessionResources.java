package org.dyad.application.fhir;

import org.dyad.application.cotreatment.SessionView;
import org.dyad.domain.cases.Setting;
import org.dyad.domain.cotreatment.ParticipantRole;
import org.dyad.domain.cotreatment.SessionKind;
import org.dyad.domain.shared.Sensitivity;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.dyad.application.fhir.FhirCodes.ACT_CODE;
import static org.dyad.application.fhir.FhirCodes.NOTE_KIND;
import static org.dyad.application.fhir.FhirCodes.PARTICIPATION_TYPE;
import static org.dyad.application.fhir.FhirCodes.SESSION_KIND;
import static org.dyad.application.fhir.FhirCodes.coding;
import static org.dyad.application.fhir.FhirCodes.concept;
import static org.dyad.application.fhir.FhirCodes.date;
import static org.dyad.application.fhir.FhirCodes.words;

/** A co-treatment session as an Encounter, and each clinician's own note, or the peer's differing view, beside it. */
final class SessionResources {

    private enum NoteKind {
        PEER_NOTE("peer specialist's note"),
        PSYCHIATRIST_NOTE("psychiatrist's note"),
        DIFFERING_VIEW("peer specialist's differing view");

        private final String words;

        NoteKind(String words) {
            this.words = words;
        }
    }

    private SessionResources() {
    }

    /** {@code session} comes already filtered for the viewer: a withheld note's text is the policy's placeholder. */
    static void add(ExportBundle bundle, SessionView session) {
        Reference encounter = bundle.add(session.getSessionId(), session.getSessionId(), encounter(bundle, session));
        for (SessionView.Note note : session.getNotes()) {
            DocumentReference document = document(bundle, encounter, note.category(), note.withheld(),
                    note.text(), note.writtenAt(), note.role() == ParticipantRole.PEER_SPECIALIST
                            ? NoteKind.PEER_NOTE : NoteKind.PSYCHIATRIST_NOTE);
            document.addAuthor(bundle.who(note.authorId(), note.authorName()));
            if (note.signed()) {
                document.setAuthenticator(bundle.who(note.authorId(), note.authorName()))
                        .setDocStatus(note.amendments().isEmpty() ? DocumentReference.ReferredDocumentStatus.FINAL
                                : DocumentReference.ReferredDocumentStatus.AMENDED);
            }
            bundle.add(session.getSessionId(), session.getSessionId() + "/note/" + note.authorId(), document);
        }
        int n = 0;
        for (SessionView.DifferingView view : session.getDifferingViews()) {
            DocumentReference document = document(bundle, encounter, view.category(), view.withheld(),
                    view.text(), view.at(), NoteKind.DIFFERING_VIEW);
            document.addAuthor(bundle.who(view.peerId(), view.peerName()));
            bundle.add(session.getSessionId(), session.getSessionId() + "/differing-view/" + n++, document);
        }
    }

    private static Encounter encounter(ExportBundle bundle, SessionView session) {
        Encounter encounter = new Encounter().setStatus(status(session.getStatus())).setSubject(bundle.patient());
        encounter.setClass_(bundle.caseView().getSetting() == Setting.INPATIENT
                ? coding(ACT_CODE, "IMP", "inpatient encounter") : coding(ACT_CODE, "AMB", "ambulatory"));
        SessionKind kind = session.getKind();
        encounter.addType(kind == null ? concept(SESSION_KIND, "PLANNED", "planned as a co-treatment session")
                : concept(SESSION_KIND, kind.name(), kind.words()));
        encounter.setPeriod(new Period().setStart(date(session.getStartedAt() != null ? session.getStartedAt()
                : session.getScheduledFor())).setEnd(date(session.getEndedAt())));
        if (session.getPlace() != null) {
            encounter.addLocation().setLocation(new Reference().setDisplay(session.getPlace()));
        }
        if (session.getAttendance().isEmpty()) {
            SessionView.Person peer = session.getPeer();
            SessionView.Person psychiatrist = session.getPsychiatrist();
            participant(encounter, bundle.who(peer.userId(), peer.name()), ParticipantRole.PEER_SPECIALIST, null);
            participant(encounter, bundle.who(psychiatrist.userId(), psychiatrist.name()), ParticipantRole.PSYCHIATRIST, null);
        }
        // The person is the Encounter's subject; a supporter has no login, only a name.
        for (SessionView.Stretch stretch : session.getAttendance()) {
            if (stretch.role() != ParticipantRole.PERSON_SERVED) {
                String login = stretch.role() == ParticipantRole.SUPPORTER ? null : stretch.participantId();
                participant(encounter, bundle.who(login, stretch.name()), stretch.role(),
                        new Period().setStart(date(stretch.joinedAt())).setEnd(date(stretch.leftAt())));
            }
        }
        return encounter;
    }

    /** Everyone took part side by side: nobody's presence is recorded as under anyone else's. */
    private static void participant(Encounter encounter, Reference who, ParticipantRole role, Period period) {
        encounter.addParticipant().setIndividual(who).setPeriod(period)
                .addType(concept(PARTICIPATION_TYPE, "PART", "Participation"))
                .addType(new CodeableConcept().setText(words(role)));
    }

    private static DocumentReference document(ExportBundle bundle, Reference encounter,
                                              Sensitivity category, boolean withheld, String text, Instant at,
                                              NoteKind kind) {
        DocumentReference document = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
                .setDocStatus(DocumentReference.ReferredDocumentStatus.PRELIMINARY)
                .setType(concept(NOTE_KIND, kind.name(), kind.words))
                .setSubject(bundle.patient()).setDate(date(at));
        if (withheld) {
            document.setDescription(text);
        }
        document.addContent().setAttachment(new Attachment().setContentType("text/plain")
                .setData(text.getBytes(StandardCharsets.UTF_8)));
        document.getContext().addEncounter(encounter);
        SecurityLabels.label(document, category, withheld);
        return document;
    }

    private static Encounter.EncounterStatus status(SessionView.Status status) {
        return switch (status) {
            case SCHEDULED -> Encounter.EncounterStatus.PLANNED;
            case IN_PROGRESS -> Encounter.EncounterStatus.INPROGRESS;
            case ENDED -> Encounter.EncounterStatus.FINISHED;
            case CANCELLED -> Encounter.EncounterStatus.CANCELLED;
        };
    }
}
