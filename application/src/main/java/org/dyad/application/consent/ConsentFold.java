package org.dyad.application.consent;

import org.dyad.domain.consent.ConsentEvent;
import org.dyad.domain.consent.ConsentEvent.*;

import java.time.Instant;

/** How one consent event changes a consent's view: shared by the live projection and the state as of any point. */
public final class ConsentFold {

    private ConsentFold() {
    }

    /** The view after {@code event}; {@code view} is null before the consent's first event. */
    public static ConsentView apply(ConsentView view, ConsentEvent event, Instant at, long sequence) {
        ConsentView v;
        if (event instanceof ConsentGranted e) {
            v = new ConsentView(e.consentId(), e.caseId(), e.discloser(), e.recipients(), e.categories(), e.purposes(),
                    e.purposeInTheirWords(), e.expiresOn(), e.expiresUpon(), e.signedBy(), e.signedOn(), at);
        } else if (view == null) {
            throw new IllegalStateException("no view for consent " + event.consentId() + " at event " + sequence);
        } else {
            v = view;
            if (event instanceof ConsentRevoked e) {
                v.end(ConsentView.Status.REVOKED, e.at(), "revoked by the person");
            } else if (event instanceof ConsentExpired e) {
                v.end(ConsentView.Status.EXPIRED, e.at(), e.because());
            }
        }
        v.applied(sequence);
        return v;
    }
}
