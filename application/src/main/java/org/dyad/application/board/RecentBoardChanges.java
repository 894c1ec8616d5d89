package org.dyad.application.board;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The last changes of each unit's board that this process projected, so that a screen can be sent what it missed
 * instead of the whole board. Bounded: the last {@value #KEPT_PER_UNIT} changes of each of the
 * {@value #UNITS_KEPT} units that changed last.
 */
@Component
public class RecentBoardChanges {

    static final int KEPT_PER_UNIT = 128;
    static final int UNITS_KEPT = 64;

    private final Map<String, NavigableMap<Long, BoardChange>> byUnit =
            new LinkedHashMap<>(UNITS_KEPT * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, NavigableMap<Long, BoardChange>> eldest) {
                    return size() > UNITS_KEPT;
                }
            };

    void record(BoardChange change) {
        NavigableMap<Long, BoardChange> changes;
        synchronized (byUnit) {
            changes = byUnit.computeIfAbsent(change.unit(), u -> new TreeMap<>());
        }
        synchronized (changes) {
            changes.put(change.version(), change);
            while (changes.size() > KEPT_PER_UNIT) {
                changes.pollFirstEntry();
            }
        }
    }

    void forgetAll() {
        synchronized (byUnit) {
            byUnit.clear();
        }
    }

    /** Every change after {@code since} up to {@code version}, in order; empty unless all of them are still held. */
    Optional<List<BoardChange>> between(String unit, long since, long version) {
        if (since >= version || version - since > KEPT_PER_UNIT) {
            return Optional.empty();
        }
        NavigableMap<Long, BoardChange> changes;
        synchronized (byUnit) {
            changes = byUnit.get(unit);
        }
        if (changes == null) {
            return Optional.empty();
        }
        synchronized (changes) {
            NavigableMap<Long, BoardChange> range = changes.subMap(since, false, version, true);
            // Versions are unique keys, so a full count means no version in the range is missing.
            return range.size() == version - since ? Optional.of(new ArrayList<>(range.values())) : Optional.empty();
        }
    }
}
