package org.dyad.application.access;

import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;

/** Who read which sensitive item of a case, when and through which channel: for auditors. */
@Service
public class AccessLogQueries {

    private final AccessPolicy policy;
    private final AccessLog log;

    public AccessLogQueries(AccessPolicy policy, AccessLog log) {
        this.policy = policy;
        this.log = log;
    }

    public List<AccessRecord> forCase(Viewer viewer, String caseId) {
        if (!policy.mayAudit(viewer)) {
            throw new NotPermitted("The access log is for auditors.");
        }
        return log.forCase(caseId).stream().sorted(Comparator.comparing(AccessRecord::at).reversed()).toList();
    }
}
