package org.dyad.application.shared;

/** The read models that the case-views processor keeps, as a whole. */
public interface ReadModels {

    /**
     * Removes every view the processor rebuilds from the events, except the boards: their versions must keep
     * growing for the screens that show them, so the board projection empties them itself.
     */
    void clearViews();

    /** True while views of a batch the processor has handled are still being written, behind it. */
    boolean writing();
}
