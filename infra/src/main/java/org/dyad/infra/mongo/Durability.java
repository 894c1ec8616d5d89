package org.dyad.infra.mongo;

/** When the embedded file backend acknowledges a write. */
public enum Durability {
    /** H2's own background save, about once a second: fast, loses recent writes on a crash. */
    BACKGROUND,
    /** Committed to the file before the reply: survives a killed process. */
    COMMIT,
    /** Committed and fsynced before the reply: survives a power cut too. */
    COMMIT_AND_SYNC
}
