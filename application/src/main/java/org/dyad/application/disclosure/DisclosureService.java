package org.dyad.application.disclosure;

import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.ContentReader;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.dyad.application.cases.CaseGuard;
import org.dyad.application.cases.CaseView;
import org.dyad.application.cases.CaseViews;
import org.dyad.application.consent.ConsentService;
import org.dyad.application.shared.CommandSender;
import org.dyad.application.shared.InvalidInput;
import org.dyad.application.shared.NotFound;
import org.dyad.application.users.AccountRole;
import org.dyad.domain.consent.ConsentTerms;
import org.dyad.domain.consent.Purpose;
import org.dyad.domain.disclosure.DisclosureCommand;
import org.dyad.domain.disclosure.DisclosureCommand.*;
import org.dyad.domain.shared.Sensitivity;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Requests for information held by a member of the care team (often the peer). The holder shares only what the
 * person's consent covers, or declines without giving a reason; every disclosure enters the person's accounting.
 */
@Service
public class DisclosureService {

    /** One line of the accounting of disclosures (HIPAA 164.528, six years; Part 2 §2.25). */
    public record AccountingEntry(String disclosureId, Instant date, String recipientId, String recipientName,
                                  String recipientRole, Sensitivity category, Purpose purpose, String whatWasShared,
                                  String sharedBy, String sharedById, String consentId, String redisclosureNotice) {
        AccountingEntry withheld() {
            return new AccountingEntry(disclosureId, date, recipientId, recipientName, recipientRole, category, purpose,
                    AccessPolicy.placeholderFor(category), sharedBy, sharedById, consentId, redisclosureNotice);
        }
    }

    private final CommandSender sender;
    private final DisclosureViews views;
    private final CaseViews cases;
    private final CaseGuard guard;
    private final ConsentService consents;
    private final Clock clock;
    private final AccessPolicy policy;

    public DisclosureService(CommandSender sender, DisclosureViews views, CaseViews cases, CaseGuard guard,
                             ConsentService consents, Clock clock, AccessPolicy policy) {
        this.policy = policy;
        this.sender = sender;
        this.views = views;
        this.cases = cases;
        this.guard = guard;
        this.consents = consents;
        this.clock = clock;
    }

    public String request(Viewer viewer, String caseId, String holderId, Sensitivity category, Purpose purpose,
                          String whatIsAsked) {
        CaseView c = guard.workable(viewer, caseId);
        if (!c.hasMember(holderId)) {
            throw new InvalidInput("holderId", holderId + " is not on this care team.");
        }
        String disclosureId = UUID.randomUUID().toString();
        send(new RequestDisclosure(disclosureId, caseId, viewer.userId(), viewer.role().name(), null, holderId,
                category, purpose, whatIsAsked, clock.instant()));
        return disclosureId;
    }

    /** Shares under the person's consent in force that covers this requester, category and purpose, if any. */
    public void share(Viewer viewer, String caseId, String disclosureId, String whatIsShared) {
        guard.workable(viewer, caseId);
        DisclosureView request = disclosure(caseId, disclosureId);
        Instant now = clock.instant();
        ConsentTerms covering = consents.termsInForce(caseId).stream()
                .filter(t -> covers(t, request, now)).findFirst().orElse(null);
        send(new ShareInformation(disclosureId, viewer.userId(), whatIsShared, covering, now));
    }

    /** No reason is asked for. */
    public void decline(Viewer viewer, String caseId, String disclosureId) {
        guard.workable(viewer, caseId);
        disclosure(caseId, disclosureId);
        send(new DeclineDisclosure(disclosureId, viewer.userId(), clock.instant()));
    }

    /** The requests the viewer made or holds; the person sees none of the back-and-forth, only the accounting. */
    public List<DisclosureView> list(Viewer viewer, String caseId) {
        guard.workable(viewer, caseId);
        List<ConsentTerms> inForce = consents.termsInForce(caseId);
        Instant now = clock.instant();
        List<DisclosureView> mine = views.findByCase(caseId).stream()
                .filter(d -> d.getRequesterId().equals(viewer.userId()) || d.getHolderId().equals(viewer.userId()))
                .sorted(Comparator.comparing(DisclosureView::getRequestedAt).reversed())
                .toList();
        for (DisclosureView d : mine) {
            d.coveredByConsent(d.getStatus() != DisclosureView.Status.OPEN ? null
                    : inForce.stream().anyMatch(t -> covers(t, d, now)));
        }
        return mine;
    }

    private static boolean covers(ConsentTerms terms, DisclosureView request, Instant now) {
        return terms.covers(request.getRequesterId(), request.getRequesterRole(), null, request.getCategory(),
                request.getPurpose(), now);
    }

    /** What was shared shows only to those the policy lets read it; others see its kind, as everywhere else. */
    public List<AccountingEntry> accounting(Viewer viewer, String caseId) {
        CaseView c = guard.readable(viewer, caseId);
        ContentReader reader = policy.readerFor(viewer, c, consents.termsInForce(caseId), clock.instant());
        return accountingOf(caseId).stream().map(e -> reader.mayRead(e.category(), e.sharedById())
                || viewer.userId().equals(e.recipientId()) ? e : e.withheld()).toList();
    }

    public List<AccountingEntry> myAccounting(Viewer viewer) {
        if (viewer.role() != AccountRole.PERSON_SERVED) {
            throw new NotPermitted("This accounting of disclosures is the person served's own.");
        }
        return cases.findByPersonServed(viewer.userId()).stream().flatMap(c -> accountingOf(c.getCaseId()).stream())
                .sorted(Comparator.comparing(AccountingEntry::date).reversed()).toList();
    }

    private List<AccountingEntry> accountingOf(String caseId) {
        return views.findByCase(caseId).stream()
                .filter(d -> d.getStatus() == DisclosureView.Status.SHARED)
                .sorted(Comparator.comparing(DisclosureView::getAnsweredAt).reversed())
                .map(d -> new AccountingEntry(d.getDisclosureId(), d.getAnsweredAt(), d.getRequesterId(),
                        d.getRequesterName(), d.getRequesterRole(), d.getCategory(), d.getPurpose(), d.getWhatIsShared(),
                        d.getHolderName(), d.getHolderId(), d.getConsentId(), d.getRedisclosureNotice()))
                .toList();
    }

    private DisclosureView disclosure(String caseId, String disclosureId) {
        return views.find(disclosureId).filter(d -> d.getCaseId().equals(caseId))
                .orElseThrow(() -> new NotFound("No disclosure request " + disclosureId + " on this case."));
    }

    private void send(DisclosureCommand command) {
        sender.send(command, command.disclosureId(),
                () -> views.find(command.disclosureId()).map(DisclosureView::getVersion).orElse(-1L), null);
    }
}
