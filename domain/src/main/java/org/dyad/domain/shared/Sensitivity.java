package org.dyad.domain.shared;

/** The category every note and free-text entry carries; it decides who may read it. */
public enum Sensitivity {
    /** What was said to the peer in confidence: the default for a peer's notes. */
    PEER_CONFIDENTIAL,
    PSYCHIATRIC,
    /** Substance-use treatment records under 42 CFR Part 2: every disclosure carries the §2.32 notice. */
    SUD_PART2,
    GENERAL;

    /** A peer's notes are confidential unless they say otherwise; a psychiatrist's are psychiatric records. */
    public static Sensitivity defaultForNoteBy(String role) {
        return "PEER_SPECIALIST".equals(role) ? PEER_CONFIDENTIAL : "PSYCHIATRIST".equals(role) ? PSYCHIATRIC : GENERAL;
    }
}
