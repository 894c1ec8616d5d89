package org.dyad.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dyad.application.access.AccessLogQueries;
import org.dyad.application.access.AccessRecord;
import org.dyad.application.access.Viewer;
import org.dyad.application.audit.ChainVerification;
import org.dyad.application.audit.CaseTimeline;
import org.dyad.application.audit.ChainVerifier;
import org.dyad.application.audit.TimelineEntry;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Audit")
class AuditController {

    private final AccessLogQueries accessLog;
    private final ChainVerifier verifier;
    private final CaseTimeline timeline;

    AuditController(AccessLogQueries accessLog, ChainVerifier verifier, CaseTimeline timeline) {
        this.accessLog = accessLog;
        this.verifier = verifier;
        this.timeline = timeline;
    }

    @GetMapping("/api/audit/cases/{caseId}/events")
    @Operation(summary = "The case's record as one timeline across its aggregates; what the person never agreed to share is redacted, its time, actor and hash remain")
    List<TimelineEntry> events(Viewer viewer, @PathVariable String caseId) {
        return timeline.events(viewer, caseId);
    }

    @GetMapping("/api/audit/cases/{caseId}/verify")
    @Operation(summary = "Walk the hash chain of every aggregate of the case; names the first event altered, removed or reordered")
    ChainVerification verify(Viewer viewer, @PathVariable String caseId) {
        return verifier.verify(viewer, caseId);
    }

    @GetMapping("/api/audit/access-log")
    @Operation(summary = "Who read which sensitive item of a case, when and through which channel (auditors only)")
    List<AccessRecord> accessLog(Viewer viewer, @RequestParam String caseId) {
        return accessLog.forCase(viewer, caseId);
    }
}
