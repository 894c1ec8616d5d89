package org.dyad.domain.cotreatment;

/** What a session turned out to be, from who was there together. */
public enum SessionKind {
    /** The person, the peer and the psychiatrist were all present at the same time. */
    CO_TREATMENT("co-treatment session"),
    PSYCHIATRY_VISIT_PEER_ABSENT("psychiatry visit, peer absent"),
    PEER_SUPPORT_VISIT_PSYCHIATRIST_ABSENT("peer support visit, psychiatrist absent"),
    /** Both clinicians came, but never at the same time as the person and each other. */
    SEPARATE_VISITS("separate visits, never all three together"),
    /** The person came, but neither the peer nor the psychiatrist was with them. */
    NO_CLINICIAN_WITH_THE_PERSON("the person came, but no clinician was with them"),
    PERSON_DID_NOT_ATTEND("the person did not attend"),
    NOBODY_ATTENDED("nobody attended");

    private final String words;

    SessionKind(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
