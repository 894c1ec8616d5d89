package org.dyad.application.audit;

import java.time.Instant;
import java.util.List;

/** A case's replay as one file: the redacted timeline, the verification of its hash chains, who exported it and when. */
public record ReplayExport(String format, String caseId, Instant exportedAt, Exporter exportedBy,
                           ChainVerification verification, int events, List<TimelineEntry> timeline) {

    public static final String FORMAT = "dyad-replay-export/1";

    public record Exporter(String userId, String displayName, String role) {
    }
}
