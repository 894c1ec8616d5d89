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

    public BoardQueries(Boards boards, AccessPolicy policy) {
        this.boards = boards;
        this.policy = policy;
    }

    public Board boardFor(Viewer viewer, String unit) {
        if (!policy.mayViewBoard(viewer, unit)) {
            throw new NotPermitted("Only the " + unit + " team sees the " + unit + " board.");
        }
        return policy.boardFor(viewer, boards.find(unit));
    }
}
