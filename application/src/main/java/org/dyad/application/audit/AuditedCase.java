package org.dyad.application.audit;

import org.dyad.domain.cases.Setting;

import java.time.Instant;

/** A case as an auditor's search lists it: who and where, never the person's own words. */
public record AuditedCase(String id, String preferredName, String pronouns, String unit, Setting setting,
                          boolean restricted, boolean closed, Instant openedAt, Instant lastActivity) {
}
