package org.dyad.application.board;

import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.Viewer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One read of a unit's board, for many viewers: each gets the whole board or the changes since a version. */
public final class BoardRead {

    private final Board board;
    private final AccessPolicy policy;
    private final RecentBoardChanges recent;

    BoardRead(Board board, AccessPolicy policy, RecentBoardChanges recent) {
        this.board = board;
        this.policy = policy;
        this.recent = recent;
    }

    public long version() {
        return board.version();
    }

    public boolean visibleTo(Viewer viewer) {
        return policy.mayViewBoard(viewer, board.unit());
    }

    /** Empty when the viewer may not see this board. */
    public Optional<Board> boardFor(Viewer viewer) {
        return visibleTo(viewer) ? Optional.of(policy.boardFor(viewer, board)) : Optional.empty();
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
        return recent.between(board.unit(), since, board.version()).map(changes -> {
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
            return new BoardDelta(board.unit(), board.version(), since, rows, removed);
        });
    }
}
