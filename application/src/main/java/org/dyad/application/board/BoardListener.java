package org.dyad.application.board;

/** Told after a unit's board has changed and been stored, so live screens can be refreshed. */
public interface BoardListener {

    void boardChanged(String unit, long version);
}
