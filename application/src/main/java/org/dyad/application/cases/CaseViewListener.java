package org.dyad.application.cases;

/** Told, inside the projection's unit of work, after a case view has been stored. */
public interface CaseViewListener {

    void caseViewChanged(CaseView view);

    /** Every case view is gone: the projection starts again from the first event. */
    default void caseViewsCleared() {
    }
}
