package org.dyad.application.board;

import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.springframework.stereotype.Service;


/** The rounding board as one viewer may see it, for every channel. */
@Service
public class BoardQueries {

    private final Boards boards;
    private final AccessPolicy policy;
    private final RecentBoardChanges recent;

    public BoardQueries(Boards boards, AccessPolicy policy, RecentBoardChanges recent) {
        this.boards = boards;
        this.policy = policy;
        this.recent = recent;
    }

    public Board boardFor(Viewer viewer, String unit) {
        if (!policy.mayViewBoard(viewer, unit)) {
            throw new NotPermitted("Only the " + unit + " team sees the " + unit + " board.");
        }
        return policy.boardFor(viewer, boards.find(unit));
    }

    /** One read of the board, to be filtered for each screen's viewer. */
    public BoardRead read(String unit) {
        return new BoardRead(unit, boards, policy, recent);
    }
}
