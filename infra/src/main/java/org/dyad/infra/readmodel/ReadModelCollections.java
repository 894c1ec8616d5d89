package org.dyad.infra.readmodel;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The collections that only projections write and that are rebuilt from the events. The embedded file backend keeps
 * them, with the tokens, in a file of their own, committed with a token update about once a second rather than at
 * each write: a crash before that loses the writes and the token together, and the processor does them again.
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
    /**
     * What the embedded file backend keeps in the views' file: the read models, and the earlier boards' collection,
     * so that moving those boards into the read models is committed all at once.
     */
    public static final Set<String> KEPT_WITH_VIEWS = Stream.concat(ALL.stream(), Stream.of(WHOLE_BOARDS))
            .collect(Collectors.toUnmodifiableSet());
    /** Emptied by the board projection itself when the case views are rebuilt: versions only grow. */
    static final Set<String> BOARDS = Set.of(BOARD_VERSIONS, BOARD_CASES, BOARD_ROWS);

    /**
     * Where each event processor has got to. A token write commits the views' file when its last commit is a
     * second old (it carries its batches' view writes), after the events' file, but does not sync it: a power cut
     * takes the token and its views back together.
     */
    public static final String TRACKING_TOKENS = "trackingtokens";

    private ReadModelCollections() {
    }
}
