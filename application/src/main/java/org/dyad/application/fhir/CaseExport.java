package org.dyad.application.fhir;

import org.dyad.application.access.AccessLogQueries;
import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.AccessRecord;
import org.dyad.application.access.ContentReader;
import org.dyad.application.access.SensitiveReads;
import org.dyad.application.access.Viewer;
import org.dyad.application.cases.CaseGuard;
import org.dyad.application.cases.CaseView;
import org.dyad.application.consent.ConsentService;
import org.dyad.application.consent.ConsentView;
import org.dyad.application.consent.ConsentViews;
import org.dyad.application.cotreatment.SessionService;
import org.dyad.application.cotreatment.SessionView;
import org.dyad.application.disclosure.DisclosureView;
import org.dyad.application.disclosure.DisclosureViews;
import org.dyad.application.users.UserDirectory;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A case's record as a FHIR R4 collection Bundle, computed for the viewer by the same access policy as every other
 * channel: the care team and the person as on the case's pages, auditors under the audit redaction rules.
 */
@Service
public class CaseExport {

    public static final String CHANNEL = "FHIR";

    private final CaseGuard guard;
    private final AccessPolicy policy;
    private final SessionService sessions;
    private final ConsentService consents;
    private final ConsentViews consentViews;
    private final DisclosureViews disclosures;
    private final AccessLogQueries accessLog;
    private final SensitiveReads reads;
    private final UserDirectory users;
    private final ProvenanceResources provenance;
    private final Clock clock;

    public CaseExport(CaseGuard guard, AccessPolicy policy, SessionService sessions, ConsentService consents,
                      ConsentViews consentViews, DisclosureViews disclosures, AccessLogQueries accessLog,
                      SensitiveReads reads, UserDirectory users, ProvenanceResources provenance, Clock clock) {
        this.guard = guard;
        this.policy = policy;
        this.sessions = sessions;
        this.consents = consents;
        this.consentViews = consentViews;
        this.disclosures = disclosures;
        this.accessLog = accessLog;
        this.reads = reads;
        this.users = users;
        this.provenance = provenance;
        this.clock = clock;
    }

    public Bundle export(Viewer viewer, String caseId) {
        CaseView c = guard.wholeRecord(viewer, caseId);
        Instant now = clock.instant();
        ExportBundle bundle = new ExportBundle(c, users, now);
        CaseResources.add(bundle);
        for (SessionView session : sessions.listForExport(viewer, caseId, CHANNEL)) {
            SessionResources.add(bundle, session);
        }
        consentViews.findByCase(caseId).stream().sorted(Comparator.comparing(ConsentView::getGrantedAt))
                .forEach(consent -> ConsentResources.add(bundle, consent, now));
        addDisclosures(bundle, viewer, c, now);
        if (policy.mayAudit(viewer)) {
            List<AccessRecord> records = accessLog.forCase(viewer, caseId);
            for (int n = 0; n < records.size(); n++) {
                AuditEvents.access(bundle, records.get(n), n);
            }
        }
        provenance.add(bundle);
        return bundle.build();
    }

    /** Answered requests only: an open one is not a disclosure yet. */
    private void addDisclosures(ExportBundle bundle, Viewer viewer, CaseView c, Instant now) {
        ContentReader reader = policy.readerFor(viewer, c, consents.termsInForce(c.getCaseId()), now);
        disclosures.findByCase(c.getCaseId()).stream()
                .filter(d -> d.getStatus() != DisclosureView.Status.OPEN)
                .filter(d -> policy.maySeeDisclosure(viewer, c, d.getRequesterId(), d.getHolderId(),
                        d.getStatus() == DisclosureView.Status.SHARED))
                .sorted(Comparator.comparing(DisclosureView::getAnsweredAt))
                .forEach(d -> {
                    boolean shared = d.getStatus() == DisclosureView.Status.SHARED;
                    // Each colleague wrote half of the exchange, the question or the answer, so both read all of it.
                    String author = viewer.userId().equals(d.getRequesterId()) ? d.getRequesterId() : d.getHolderId();
                    boolean withheld = !reader.mayRead(d.getCategory(), author);
                    String what = withheld ? AccessPolicy.placeholderFor(d.getCategory())
                            : shared ? d.getWhatIsShared() : d.getWhatIsAsked();
                    reads.record(viewer, c, d.getCategory(), author, withheld,
                            "disclosure " + d.getDisclosureId() + (shared ? ", what was shared" : ", what was asked"),
                            CHANNEL, now);
                    AuditEvents.disclosure(bundle, d, what, withheld);
                });
    }
}
