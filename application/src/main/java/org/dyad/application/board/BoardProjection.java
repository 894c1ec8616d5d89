package org.dyad.application.board;

import org.dyad.application.cases.CaseView;
import org.dyad.application.cases.CaseViewListener;
import org.dyad.application.shared.AfterCommit;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps each unit's board in step with its case views and tells live screens. Closed cases leave the board. */
@Component
public class BoardProjection implements CaseViewListener {

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
        Board current = boards.find(view.getUnit());
        BoardRow row = BoardRow.from(view);
        BoardRow shown = current.rows().stream().filter(r -> r.caseId().equals(view.getCaseId())).findFirst().orElse(null);
        if (view.isClosed() ? shown == null : row.equals(shown)) {
            return;
        }
        Board next = view.isClosed() ? current.without(view.getCaseId()) : current.with(row);
        boards.save(next);
        BoardChange change = new BoardChange(next.unit(), next.version(), view.getCaseId(), shown,
                view.isClosed() ? null : row);
        AfterCommit.run(() -> {
            recent.record(change);
            listeners.forEach(l -> l.boardChanged(next.unit(), next.version()));
        });
    }

    /** Every board is emptied, one version on, and the screens showing it told; rows come back as views do. */
    @Override
    public void caseViewsCleared() {
        recent.forgetAll();
        for (Board board : boards.all()) {
            Board cleared = board.cleared();
            boards.save(cleared);
            listeners.forEach(l -> l.boardChanged(cleared.unit(), cleared.version()));
        }
    }
}
