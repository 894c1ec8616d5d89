package org.dyad.application.board;

import java.util.Collection;
import java.util.List;

/** Storage for one {@link Board} per unit. */
public interface Boards {

    Board find(String unit);

    void save(Board board);

    List<Board> all();

    /** Inside a processor's batch: reads these units' boards at once, so that the batch's finds need no read. */
    void prefetch(Collection<String> units);
}
