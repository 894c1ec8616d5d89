package org.dyad.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dyad.application.access.AccessLogQueries;
import org.dyad.application.access.AccessRecord;
import org.dyad.application.access.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Audit")
class AuditController {

    private final AccessLogQueries accessLog;

    AuditController(AccessLogQueries accessLog) {
        this.accessLog = accessLog;
    }

    @GetMapping("/api/audit/access-log")
    @Operation(summary = "Who read which sensitive item of a case, when and through which channel (auditors only)")
    List<AccessRecord> accessLog(Viewer viewer, @RequestParam String caseId) {
        return accessLog.forCase(viewer, caseId);
    }
}
