package org.dyad.application.board;

import org.dyad.application.cases.CaseView;
import org.dyad.application.cases.CaseViewListener;
import org.dyad.application.shared.AfterCommit;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Keeps each unit's board in step with its case views and tells live screens. Closed cases leave the board. */
@Component
public class BoardProjection implements CaseViewListener {

    private static final String BOARD_CHANGES = "board-changes";

    private final Boards boards;
    private final RecentBoardChanges recent;
    private final List<BoardListener> listeners;

    public BoardProjection(Boards boards, RecentBoardChanges recent, List<BoardListener> listeners) {
        this.boards = boards;
        this.recent = recent;
        this.listeners = listeners;
    }

    /** Only a change the board shows moves its version and reaches the screens. */
    @Override
    public void caseViewChanged(CaseView view) {
        String unit = view.getUnit();
        BoardRow shown = boards.row(view.getCaseId()).orElse(null);
        BoardRow row = view.isClosed() ? null : BoardRow.from(view);
        if (Objects.equals(row, shown)) {
            return;
        }
        long version = boards.version(unit) + 1;
        if (row == null) {
            boards.remove(unit, version, view.getCaseId());
        } else {
            boards.put(unit, version, row);
        }
        AfterCommit.gather(BOARD_CHANGES, new BoardChange(unit, version, view.getCaseId(), shown, row), changes -> {
            Map<String, Long> newest = new LinkedHashMap<>();
            for (BoardChange change : changes) {
                recent.record(change);
                newest.put(change.unit(), change.version());
            }
            listeners.forEach(l -> l.boardsChanged(newest));
        });
    }

    /** Every board is emptied, one version on, and the screens showing it told; rows come back as views do. */
    @Override
    public void caseViewsCleared() {
        recent.forgetAll();
        Map<String, Long> versions = boards.clearAll();
        listeners.forEach(l -> l.boardsChanged(versions));
    }
}
