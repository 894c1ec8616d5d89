package org.dyad.application.board;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** A unit's rounding board. {@code version} grows by one with every change on the unit. */
public record Board(String unit, long version, List<BoardRow> rows) {

    /** Board order: by preferred name, then by case id. */
    private static final Comparator<BoardRow> ORDER = Comparator
            .comparing(BoardRow::preferredName, String.CASE_INSENSITIVE_ORDER).thenComparing(BoardRow::caseId);

    public Board {
        rows = List.copyOf(rows);
    }

    public static Board empty(String unit) {
        return new Board(unit, 0, List.of());
    }

    /** These rows in board order. */
    public static Board of(String unit, long version, Collection<BoardRow> rows) {
        return new Board(unit, version, rows.stream().sorted(ORDER).toList());
    }
}
