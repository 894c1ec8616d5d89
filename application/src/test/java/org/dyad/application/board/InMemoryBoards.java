package org.dyad.application.board;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Boards kept in maps, for tests; remembers what it was asked to prefetch. */
public class InMemoryBoards implements Boards {

    private final Map<String, Long> versions = new LinkedHashMap<>();
    private final Map<String, Map<String, BoardRow>> rowsByUnit = new HashMap<>();
    final List<List<String>> prefetchedUnits = new ArrayList<>();
    final List<List<String>> prefetchedCases = new ArrayList<>();
    final List<List<String>> startedEmpty = new ArrayList<>();

    @Override
    public long version(String unit) {
        return versions.getOrDefault(unit, 0L);
    }

    @Override
    public Optional<BoardRow> row(String caseId) {
        return rowsByUnit.values().stream().map(rows -> rows.get(caseId)).filter(r -> r != null).findFirst();
    }

    @Override
    public List<BoardRow> rows(String unit) {
        return List.copyOf(rowsByUnit.getOrDefault(unit, Map.of()).values());
    }

    @Override
    public void put(String unit, long version, BoardRow row) {
        rowsByUnit.computeIfAbsent(unit, u -> new LinkedHashMap<>()).put(row.caseId(), row);
        versions.put(unit, version);
    }

    @Override
    public void remove(String unit, long version, String caseId) {
        rowsByUnit.computeIfAbsent(unit, u -> new LinkedHashMap<>()).remove(caseId);
        versions.put(unit, version);
    }

    @Override
    public Map<String, Long> clearAll() {
        rowsByUnit.clear();
        versions.replaceAll((unit, version) -> version + 1);
        return Map.copyOf(versions);
    }

    @Override
    public void prefetch(Collection<String> units, Collection<String> caseIds, Collection<String> opened) {
        prefetchedUnits.add(List.copyOf(units));
        prefetchedCases.add(List.copyOf(caseIds));
        startedEmpty.add(List.copyOf(opened));
    }
}
