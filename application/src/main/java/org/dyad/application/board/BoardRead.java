package org.dyad.application.board;

import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.Viewer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One read of a unit's board, for many viewers: each gets the whole board or the changes since a version. The
 * version is read at once; the rows only when a viewer needs the whole board, labelled with that version (they are
 * at least as new, see {@link Boards}).
 */
public final class BoardRead {

    private final String unit;
    private final long version;
    private final Boards boards;
    private final AccessPolicy policy;
    private final RecentBoardChanges recent;
    private Board board;

    BoardRead(String unit, Boards boards, AccessPolicy policy, RecentBoardChanges recent) {
        this.unit = unit;
        this.version = boards.version(unit);
        this.boards = boards;
        this.policy = policy;
        this.recent = recent;
    }

    public long version() {
        return version;
    }

    public boolean visibleTo(Viewer viewer) {
        return policy.mayViewBoard(viewer, unit);
    }

    /** Empty when the viewer may not see this board. */
    public Optional<Board> boardFor(Viewer viewer) {
        return visibleTo(viewer) ? Optional.of(policy.boardFor(viewer, board())) : Optional.empty();
    }

    private synchronized Board board() {
        if (board == null) {
            board = Board.of(unit, version, boards.rows(unit));
        }
        return board;
    }

    /**
     * What changed since {@code since} as the viewer sees it. A row the viewer saw and may no longer see is named
     * as removed; a restricted row they never saw is not named at all. Empty when the viewer may not see the board
     * or when not every change since then is still held (send the whole board instead).
     */
    public Optional<BoardDelta> changesFor(Viewer viewer, long since) {
        if (!visibleTo(viewer)) {
            return Optional.empty();
        }
        return recent.between(unit, since, version).map(changes -> {
            Map<String, BoardRow> before = new LinkedHashMap<>();
            Map<String, BoardRow> after = new LinkedHashMap<>();
            for (BoardChange change : changes) {
                before.putIfAbsent(change.caseId(), change.before());
                after.put(change.caseId(), change.after());
            }
            List<BoardRow> rows = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            after.forEach((caseId, row) -> {
                Optional<BoardRow> seen = row == null ? Optional.empty() : policy.rowFor(viewer, row);
                if (seen.isPresent()) {
                    rows.add(seen.get());
                } else if (before.get(caseId) != null && policy.rowFor(viewer, before.get(caseId)).isPresent()) {
                    removed.add(caseId);
                }
            });
            return new BoardDelta(unit, version, since, rows, removed);
        });
    }
}
