package org.dyad.domain.decision;

/** What kind of path an option is. */
public enum OptionKind {
    MEDICATION,
    PSYCHOSOCIAL,
    PEER_SUPPORT,
    HARM_REDUCTION,
    NO_CHANGE_WATCHFUL_WAITING,
    OTHER
}
