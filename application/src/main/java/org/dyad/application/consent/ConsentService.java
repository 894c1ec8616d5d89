package org.dyad.application.consent;

import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.dyad.application.cases.CaseGuard;
import org.dyad.application.cases.CaseView;
import org.dyad.application.cases.CaseViews;
import org.dyad.application.shared.CommandSender;
import org.dyad.application.shared.NotFound;
import org.dyad.domain.consent.ConsentCommand;
import org.dyad.domain.consent.ConsentCommand.*;
import org.dyad.domain.consent.ConsentTerms;
import org.dyad.domain.consent.Purpose;
import org.dyad.domain.consent.Recipient;
import org.dyad.domain.shared.Sensitivity;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The person's consents: granted and revoked by the person; the care team may record a signed paper form. */
@Service
public class ConsentService {

    public record NewConsent(String discloser, List<Recipient> recipients, Set<Sensitivity> categories,
                             Set<Purpose> purposes, String purposeInTheirWords, LocalDate expiresOn,
                             String expiresUpon, String signedBy, LocalDate signedOn, boolean rightToRevokeAcknowledged) {
    }

    private final CommandSender sender;
    private final ConsentViews views;
    private final CaseViews cases;
    private final CaseGuard guard;
    private final Clock clock;

    public ConsentService(CommandSender sender, ConsentViews views, CaseViews cases, CaseGuard guard, Clock clock) {
        this.sender = sender;
        this.views = views;
        this.cases = cases;
        this.guard = guard;
        this.clock = clock;
    }

    public String grant(Viewer viewer, String caseId, NewConsent c) {
        personOrTeam(viewer, caseId);
        String consentId = UUID.randomUUID().toString();
        send(new GrantConsent(consentId, caseId, c.discloser(), c.recipients(), c.categories(), c.purposes(),
                c.purposeInTheirWords(), c.expiresOn(), c.expiresUpon(), c.signedBy(), c.signedOn(),
                c.rightToRevokeAcknowledged(), LocalDate.now(clock)));
        return consentId;
    }

    /** Revocation takes effect at once, everywhere. */
    public void revoke(Viewer viewer, String caseId, String consentId) {
        personOrTeam(viewer, caseId);
        consent(caseId, consentId);
        send(new RevokeConsent(consentId, clock.instant()));
    }

    /** The event a consent ran until has happened (e.g. "my discharge"). */
    public void expireUpon(Viewer viewer, String caseId, String consentId, String because) {
        personOrTeam(viewer, caseId);
        consent(caseId, consentId);
        send(new ExpireConsent(consentId, clock.instant(), because));
    }

    public List<ConsentView> list(Viewer viewer, String caseId) {
        guard.readable(viewer, caseId);
        return views.findByCase(caseId).stream().sorted(Comparator.comparing(ConsentView::getGrantedAt).reversed()).toList();
    }

    public List<ConsentView> mine(Viewer viewer) {
        return cases.findByPersonServed(viewer.userId()).stream()
                .flatMap(c -> views.findByCase(c.getCaseId()).stream())
                .sorted(Comparator.comparing(ConsentView::getGrantedAt).reversed())
                .toList();
    }

    /** The terms of the case's consents in force now; what the access policy and disclosures weigh. */
    public List<ConsentTerms> termsInForce(String caseId) {
        return views.findByCase(caseId).stream().map(ConsentView::terms).filter(t -> t.isActiveAt(clock.instant())).toList();
    }

    /** Stores the expiry of every consent whose date has come, so the record shows when it ended. */
    public int expireDue() {
        int expired = 0;
        for (ConsentView view : views.findActiveOrDue()) {
            if (view.getStatus() == ConsentView.Status.ACTIVE && view.getExpiresOn() != null
                    && !view.isActiveAt(clock.instant())) {
                send(new ExpireConsent(view.getConsentId(), clock.instant(), "its end date, " + view.getExpiresOn()));
                expired++;
            }
        }
        return expired;
    }

    private CaseView personOrTeam(Viewer viewer, String caseId) {
        CaseView c = guard.readable(viewer, caseId);
        if (c.isPersonServed(viewer.userId())) {
            return c;
        }
        if (!viewer.role().isClinicalStaff()) {
            throw new NotPermitted("Consents belong to the person served.");
        }
        return guard.workable(viewer, caseId);
    }

    private ConsentView consent(String caseId, String consentId) {
        return views.find(consentId).filter(v -> v.getCaseId().equals(caseId))
                .orElseThrow(() -> new NotFound("No consent " + consentId + " on this case."));
    }

    private void send(ConsentCommand command) {
        sender.send(command, command.consentId(),
                () -> views.find(command.consentId()).map(ConsentView::getVersion).orElse(-1L), null);
    }
}
