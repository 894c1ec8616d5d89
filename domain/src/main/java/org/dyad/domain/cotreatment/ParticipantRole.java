package org.dyad.domain.cotreatment;

/** Who sits in a session. */
public enum ParticipantRole {
    PERSON_SERVED,
    PEER_SPECIALIST,
    PSYCHIATRIST,
    /** Someone the person invited: family, a friend, an advocate. */
    SUPPORTER,
    OTHER_STAFF
}
