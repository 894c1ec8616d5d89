package org.dyad.infra.readmodel;

import java.util.Set;

/**
 * The collections that only projections write and that are rebuilt from the events. On the embedded file backend
 * their writes are made durable with the next commit (an event's, or the processor's token update when none comes)
 * rather than each on its own: a crash before that loses the writes and the token together, and the processor does
 * them again.
 */
public final class ReadModelCollections {

    public static final String CASES = "case_views";
    public static final String SESSIONS = "session_views";
    public static final String INTERVENTIONS = "intervention_views";
    public static final String CONSENTS = "consent_views";
    public static final String COERCIONS = "coercion_views";
    public static final String DECISIONS = "decision_views";
    public static final String DISCLOSURES = "disclosure_views";
    public static final String BOARD_VERSIONS = "board_versions";
    public static final String BOARD_CASES = "board_cases";
    public static final String BOARD_ROWS = "board_rows";
    /** Where earlier versions kept each board as one document; moved to the three above at start. */
    static final String WHOLE_BOARDS = "boards";

    public static final Set<String> ALL = Set.of(CASES, SESSIONS, INTERVENTIONS, CONSENTS, COERCIONS, DECISIONS,
            DISCLOSURES, BOARD_VERSIONS, BOARD_CASES, BOARD_ROWS);
    /** Emptied by the board projection itself when the case views are rebuilt: versions only grow. */
    static final Set<String> BOARDS = Set.of(BOARD_VERSIONS, BOARD_CASES, BOARD_ROWS);

    /**
     * Where each event processor has got to. A token write is committed on its own (it carries its batch's view
     * writes) but not synced: the next event write's sync covers it, and a power cut before that takes the token
     * and its views back together.
     */
    public static final String TRACKING_TOKENS = "trackingtokens";

    private ReadModelCollections() {
    }
}
