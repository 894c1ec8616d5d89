package org.dyad.application.audit;

import org.dyad.application.access.AccessLog;
import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.dyad.application.consent.ConsentService;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** The gate to every auditor's read of a case: auditors only, then redacted by {@link AuditRedaction}. */
@Component
class AuditAccess {

    static final String REPLAY = "REPLAY";
    static final String EXPORT = "EXPORT";

    private final AccessPolicy policy;
    private final AccessLog log;
    private final ConsentService consents;
    private final Clock clock;

    AuditAccess(AccessPolicy policy, AccessLog log, ConsentService consents, Clock clock) {
        this.policy = policy;
        this.log = log;
        this.consents = consents;
        this.clock = clock;
    }

    AuditRedaction open(Viewer viewer, String caseId, String channel, String refusal) {
        if (!policy.mayAudit(viewer)) {
            throw new NotPermitted(refusal);
        }
        return new AuditRedaction(policy, log, viewer, caseId, consents.termsInForce(caseId), clock.instant(), channel);
    }
}
