package org.dyad.application.board;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecentBoardChangesTest {

    private final RecentBoardChanges recent = new RecentBoardChanges();

    private static BoardChange change(String unit, long version) {
        return new BoardChange(unit, version, "case-" + version, null, null);
    }

    @Test
    void givesEveryChangeAfterTheHeldVersionInOrder() {
        for (long v = 1; v <= 5; v++) {
            recent.record(change("north", v));
        }
        assertThat(recent.between("north", 2, 5)).hasValueSatisfying(changes ->
                assertThat(changes).extracting(BoardChange::version).containsExactly(3L, 4L, 5L));
        assertThat(recent.between("north", 5, 5)).isEmpty();
        assertThat(recent.between("south", 2, 5)).isEmpty();
    }

    @Test
    void aMissingVersionMeansNoChangesAtAll() {
        recent.record(change("north", 1));
        recent.record(change("north", 2));
        recent.record(change("north", 4)); // 3 was projected elsewhere
        assertThat(recent.between("north", 1, 4)).isEmpty();
        assertThat(recent.between("north", 0, 2)).isPresent();
    }

    @Test
    void keepsOnlyTheLastChangesOfTheUnitsThatChangedLast() {
        for (long v = 1; v <= RecentBoardChanges.KEPT_PER_UNIT + 10; v++) {
            recent.record(change("north", v));
        }
        long last = RecentBoardChanges.KEPT_PER_UNIT + 10;
        assertThat(recent.between("north", 0, last)).isEmpty();
        assertThat(recent.between("north", last - RecentBoardChanges.KEPT_PER_UNIT, last)).isPresent();

        for (int unit = 0; unit < RecentBoardChanges.UNITS_KEPT; unit++) {
            recent.record(change("unit-" + unit, 1));
        }
        assertThat(recent.between("north", last - 1, last)).as("the least recently changed unit is dropped").isEmpty();
        assertThat(recent.between("unit-0", 0, 1)).map(List::size).hasValue(1);
    }
}
