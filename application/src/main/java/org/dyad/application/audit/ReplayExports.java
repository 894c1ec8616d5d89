package org.dyad.application.audit;

import org.dyad.application.access.Viewer;
import org.dyad.application.users.UserDirectory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/** Exports a case's replay for auditors, read through the same redaction as the timeline and logged as exported. */
@Service
public class ReplayExports {

    private final CaseTimeline timeline;
    private final ChainVerifier verifier;
    private final UserDirectory users;
    private final Clock clock;

    public ReplayExports(CaseTimeline timeline, ChainVerifier verifier, UserDirectory users, Clock clock) {
        this.timeline = timeline;
        this.verifier = verifier;
        this.users = users;
        this.clock = clock;
    }

    public ReplayExport export(Viewer viewer, String caseId) {
        ChainVerification verification = verifier.verify(viewer, caseId);
        List<TimelineEntry> entries = timeline.exported(viewer, caseId);
        return new ReplayExport(ReplayExport.FORMAT, caseId, clock.instant(),
                new ReplayExport.Exporter(viewer.userId(), users.displayName(viewer.userId()), viewer.role().name()),
                verification, entries.size(), entries);
    }
}
