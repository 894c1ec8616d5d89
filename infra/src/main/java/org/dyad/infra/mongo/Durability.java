package org.dyad.infra.mongo;

/** When the embedded file backend acknowledges a write. */
public enum Durability {
    /**
     * H2's own background save, about once a second: fast, loses recent writes on a crash. The views' file is still
     * committed only with a token, after the events' file.
     */
    BACKGROUND,
    /** Committed to the file before the reply: survives a killed process. */
    COMMIT,
    /** Committed and fsynced before the reply: survives a power cut too. */
    COMMIT_AND_SYNC
}
