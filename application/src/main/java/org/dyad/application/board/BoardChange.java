package org.dyad.application.board;

/** One change of a unit's board: the case's row before and after it ({@code null} where the case was not on the board). */
public record BoardChange(String unit, long version, String caseId, BoardRow before, BoardRow after) {
}
