package org.dyad.application.board;

import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** One read of the board, filtered for each viewer who may see it; the others are left out. */
    public Map<Viewer, Board> boardsFor(String unit, Collection<Viewer> viewers) {
        Board board = boards.find(unit);
        Map<Viewer, Board> result = new LinkedHashMap<>();
        for (Viewer viewer : viewers) {
            if (policy.mayViewBoard(viewer, unit)) {
                result.put(viewer, policy.boardFor(viewer, board));
            }
        }
        return result;
    }
}
