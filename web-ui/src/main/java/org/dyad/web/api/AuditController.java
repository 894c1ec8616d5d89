package org.dyad.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dyad.application.access.AccessLogQueries;
import org.dyad.application.access.AccessRecord;
import org.dyad.application.access.Viewer;
import org.dyad.application.audit.AuditCaseSearch;
import org.dyad.application.audit.AuditedCase;
import org.dyad.application.audit.CaseStateAsOf;
import org.dyad.application.audit.CaseTimeline;
import org.dyad.application.audit.ChainVerification;
import org.dyad.application.audit.ChainVerifier;
import org.dyad.application.audit.ReplayExport;
import org.dyad.application.audit.ReplayExports;
import org.dyad.application.audit.StateAsOf;
import org.dyad.application.audit.TimelineEntry;
import org.dyad.application.audit.TimelinePage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

@RestController
@Tag(name = "Audit")
class AuditController {

    static final String TOTAL_COUNT = "X-Total-Count";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final AccessLogQueries accessLog;
    private final ChainVerifier verifier;
    private final CaseTimeline timeline;
    private final CaseStateAsOf states;
    private final ReplayExports exports;
    private final AuditCaseSearch search;

    AuditController(AccessLogQueries accessLog, ChainVerifier verifier, CaseTimeline timeline, CaseStateAsOf states,
                    ReplayExports exports, AuditCaseSearch search) {
        this.accessLog = accessLog;
        this.verifier = verifier;
        this.timeline = timeline;
        this.states = states;
        this.exports = exports;
        this.search = search;
    }

    @GetMapping("/api/audit/cases")
    @Operation(summary = "Find cases to audit by name (any part) or exact id, open and closed, at most 50; a restricted record only by its exact id")
    List<AuditedCase> find(Viewer viewer, @RequestParam(required = false) String q,
                           @RequestParam(required = false) String unit) {
        return search.find(viewer, q, unit);
    }

    @GetMapping("/api/audit/cases/{caseId}/events")
    @Operation(summary = "The case's record as one timeline across its aggregates; what the person never agreed to share is redacted, its time, actor and hash remain. "
            + "With offset and/or limit (1–1000) one page of it; X-Total-Count always says how many events the whole timeline has")
    ResponseEntity<List<TimelineEntry>> events(
            Viewer viewer, @PathVariable String caseId,
            @Parameter(description = "index of the first event, from 0") @RequestParam(required = false) Integer offset,
            @Parameter(description = "how many events, 1 to 1000") @RequestParam(required = false) Integer limit) {
        TimelinePage page = offset == null && limit == null ? timeline.all(viewer, caseId)
                : timeline.page(viewer, caseId, offset == null ? 0 : offset, limit == null ? CaseTimeline.MAX_PAGE : limit);
        return ResponseEntity.ok().header(TOTAL_COUNT, Integer.toString(page.total())).body(page.entries());
    }

    @GetMapping("/api/audit/cases/{caseId}/state")
    @Operation(summary = "The case's state (case, sessions, decisions, consents, disclosures) as it was at one event (atEvent=<aggregateId>:<sequenceNumber>) "
            + "or instant (asOf, ISO-8601 with offset), folded from its timeline by the projections' own rules and redacted as the timeline is; neither is now")
    StateAsOf state(Viewer viewer, @PathVariable String caseId,
                    @Parameter(description = "everything recorded up to this instant, e.g. 2026-11-23T14:05:00Z") @RequestParam(required = false) String asOf,
                    @Parameter(description = "this event and everything before it on the timeline: <aggregateId>:<sequenceNumber>") @RequestParam(required = false) String atEvent) {
        return states.of(viewer, caseId, asOf, atEvent);
    }

    @GetMapping("/api/audit/cases/{caseId}/export")
    @Operation(summary = "The case's replay as a JSON download: the redacted timeline, the verification of its hash chains, export time and exporter")
    ResponseEntity<ReplayExport> export(Viewer viewer, @PathVariable String caseId) {
        ReplayExport export = exports.export(viewer, caseId);
        String file = "dyad-case-" + caseId + "-replay-" + FILE_TIME.format(export.exportedAt()) + ".json";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(export);
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
