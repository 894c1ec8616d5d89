package org.dyad.application.board;

import java.util.List;

/**
 * What changed on a board between {@code since} and {@code version}, as one viewer sees it: {@code rows} are the
 * rows added or changed, {@code removed} the cases that left this viewer's board. A screen holding version
 * {@code since} that applies it holds the board at {@code version}.
 */
public record BoardDelta(String unit, long version, long since, List<BoardRow> rows, List<String> removed) {

    public BoardDelta {
        rows = List.copyOf(rows);
        removed = List.copyOf(removed);
    }
}
