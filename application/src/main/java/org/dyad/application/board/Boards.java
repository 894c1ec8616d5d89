package org.dyad.application.board;

/** Storage for one {@link Board} per unit. */
public interface Boards {

    Board find(String unit);

    void save(Board board);
}
