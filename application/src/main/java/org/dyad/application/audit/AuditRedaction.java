package org.dyad.application.audit;

import org.dyad.application.access.AccessLog;
import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.AccessRecord;
import org.dyad.application.access.Viewer;
import org.dyad.domain.consent.ConsentTerms;
import org.dyad.domain.shared.Sensitivity;

import java.time.Instant;
import java.util.List;

/** One auditor's reading of one case by the consents in force now, so a revocation reaches the past too; reads are logged. */
public final class AuditRedaction {

    private final AccessPolicy policy;
    private final AccessLog log;
    private final Viewer auditor;
    private final String caseId;
    private final List<ConsentTerms> inForce;
    private final Instant now;
    private final String channel;

    AuditRedaction(AccessPolicy policy, AccessLog log, Viewer auditor, String caseId, List<ConsentTerms> inForce,
                   Instant now, String channel) {
        this.policy = policy;
        this.log = log;
        this.auditor = auditor;
        this.caseId = caseId;
        this.inForce = inForce;
        this.now = now;
        this.channel = channel;
    }

    /** May the auditor read content of {@code category} (null: nothing of its own to withhold)? */
    public boolean shows(Sensitivity category, String item) {
        if (category == null) {
            return true;
        }
        boolean readable = policy.mayAuditRead(auditor, category, inForce, now);
        if (readable && category != Sensitivity.GENERAL) {
            log.record(new AccessRecord(auditor.userId(), auditor.role().name(), caseId, item, category, channel, now));
        }
        return readable;
    }

    Instant now() {
        return now;
    }
}
