package org.dyad.application.board;

import java.util.Map;

/** Told after a unit's board has changed and been stored, so live screens can be refreshed. */
public interface BoardListener {

    void boardChanged(String unit, long version);

    /** Several boards changed in one batch: each unit's newest version. */
    default void boardsChanged(Map<String, Long> versions) {
        versions.forEach(this::boardChanged);
    }
}
