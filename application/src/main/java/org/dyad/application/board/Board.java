package org.dyad.application.board;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A unit's rounding board. {@code version} grows by one with every change on the unit. */
public record Board(String unit, long version, List<BoardRow> rows) {

    public Board {
        rows = List.copyOf(rows);
    }

    public static Board empty(String unit) {
        return new Board(unit, 0, List.of());
    }

    Board with(BoardRow row) {
        List<BoardRow> next = new ArrayList<>(rows);
        next.removeIf(r -> r.caseId().equals(row.caseId()));
        next.add(row);
        next.sort(Comparator.comparing(BoardRow::preferredName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(BoardRow::caseId));
        return new Board(unit, version + 1, next);
    }

    /** No rows, one version on: a screen holding the board takes it as the newest. */
    Board cleared() {
        return new Board(unit, version + 1, List.of());
    }

    Board without(String caseId) {
        List<BoardRow> next = new ArrayList<>(rows);
        next.removeIf(r -> r.caseId().equals(caseId));
        return new Board(unit, version + 1, next);
    }
}
