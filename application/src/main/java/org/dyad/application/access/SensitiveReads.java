package org.dyad.application.access;

import org.dyad.application.cases.CaseView;
import org.dyad.domain.shared.Sensitivity;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Reads of sensitive content by anyone but its author and the person it is about are kept for auditors. */
@Component
public class SensitiveReads {

    private final AccessLog log;

    public SensitiveReads(AccessLog log) {
        this.log = log;
    }

    /** {@code withheld}: the viewer got the placeholder, so nothing was read. */
    public void record(Viewer viewer, CaseView c, Sensitivity category, String authorId, boolean withheld, String item,
                       String channel, Instant at) {
        if (!withheld && category != Sensitivity.GENERAL && !viewer.userId().equals(authorId)
                && !c.isPersonServed(viewer.userId())) {
            log.record(new AccessRecord(viewer.userId(), viewer.role().name(), c.getCaseId(), item, category, channel, at));
        }
    }
}
