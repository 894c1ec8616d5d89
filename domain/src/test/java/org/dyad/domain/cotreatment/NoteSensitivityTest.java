package org.dyad.domain.cotreatment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.domain.cotreatment.SessionCommand.RecordDifferingView;
import org.dyad.domain.cotreatment.SessionCommand.WriteNote;
import org.dyad.domain.cotreatment.SessionEvent.DifferingViewRecorded;
import org.dyad.domain.cotreatment.SessionEvent.NoteWritten;
import org.dyad.domain.shared.Sensitivity;
import org.junit.jupiter.api.Test;

import static org.dyad.domain.cotreatment.CoTreatmentSessionTest.*;

/** Every note carries a sensitivity category; the defaults protect what was said to the peer. */
class NoteSensitivityTest {

    private final AggregateTestFixture<CoTreatmentSession> fixture = new AggregateTestFixture<>(CoTreatmentSession.class);

    @Test
    void aPeersNoteIsConfidentialUnlessThePeerSaysOtherwise() {
        fixture.given(scheduled(), started())
               .when(new WriteNote(SESSION_ID, PEER_SAM, ParticipantRole.PEER_SPECIALIST, SAMS_NOTE))
               .expectEvents(new NoteWritten(SESSION_ID, CASE_ID, PEER_SAM, ParticipantRole.PEER_SPECIALIST, SAMS_NOTE,
                       Sensitivity.PEER_CONFIDENTIAL));
    }

    @Test
    void aPsychiatristsNoteIsAPsychiatricRecordByDefault() {
        fixture.given(scheduled(), started())
               .when(new WriteNote(SESSION_ID, DR_LEE, ParticipantRole.PSYCHIATRIST, DR_LEES_NOTE))
               .expectEvents(new NoteWritten(SESSION_ID, CASE_ID, DR_LEE, ParticipantRole.PSYCHIATRIST, DR_LEES_NOTE,
                       Sensitivity.PSYCHIATRIC));
    }

    @Test
    void theAuthorMayChooseTheCategory() {
        fixture.given(scheduled(), started())
               .when(new WriteNote(SESSION_ID, PEER_SAM, ParticipantRole.PEER_SPECIALIST, SAMS_NOTE, Sensitivity.GENERAL))
               .expectEvents(new NoteWritten(SESSION_ID, CASE_ID, PEER_SAM, ParticipantRole.PEER_SPECIALIST, SAMS_NOTE,
                       Sensitivity.GENERAL));
    }

    @Test
    void aDifferingViewIsForTheTeamUnlessThePeerKeepsItConfidential() {
        fixture.given(scheduled(), started())
               .when(new RecordDifferingView(SESSION_ID, PEER_SAM, "I see it differently."))
               .expectEvents(new DifferingViewRecorded(SESSION_ID, CASE_ID, PEER_SAM, "I see it differently.",
                       Sensitivity.GENERAL));
        fixture.given(scheduled(), started())
               .when(new RecordDifferingView(SESSION_ID, PEER_SAM, "Between us.", Sensitivity.PEER_CONFIDENTIAL))
               .expectEvents(new DifferingViewRecorded(SESSION_ID, CASE_ID, PEER_SAM, "Between us.",
                       Sensitivity.PEER_CONFIDENTIAL));
    }
}
