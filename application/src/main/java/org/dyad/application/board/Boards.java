package org.dyad.application.board;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage for the units' boards: each unit's version, and each case's row on its unit's board, so that a change to
 * one case stores one row however many the board has. The version is stored after the rows it counts: whoever
 * reads a version first and then the rows finds them at least as new as that version.
 */
public interface Boards {

    /** 0 for a unit whose board has never changed. */
    long version(String unit);

    /** The case's row, on whichever board shows it. */
    Optional<BoardRow> row(String caseId);

    /** The unit's rows, in no particular order. */
    List<BoardRow> rows(String unit);

    /** Puts the row on the unit's board, new or in place of the case's row, as the board's change to {@code version}. */
    void put(String unit, long version, BoardRow row);

    /** Takes the case's row off the unit's board, as the board's change to {@code version}. */
    void remove(String unit, long version, String caseId);

    /** Takes every row off every board, each board's version one on; returns each unit's new version. */
    Map<String, Long> clearAll();

    /**
     * Inside a processor's batch: reads these units' versions and lists of cases, and these cases' rows, at once. The
     * rows of the cases the batch opens are not read: the batch starts them from nothing.
     */
    void prefetch(Collection<String> units, Collection<String> caseIds, Collection<String> opened);

    /** The unit's board, labelled with the version read before its rows (see above). */
    default Board find(String unit) {
        long version = version(unit);
        return Board.of(unit, version, rows(unit));
    }
}
