package org.dyad.application.board;

import java.util.Map;

/** Told after units' boards have changed and been stored, so live screens can be refreshed. */
public interface BoardListener {

    /** Each changed unit's newest version; a processor's batch tells all its units in one call. */
    void boardsChanged(Map<String, Long> versions);
}
