package org.dyad.application.cases;

/** Told, inside the projection's unit of work, after a case view has been stored. */
public interface CaseViewListener {

    void caseViewChanged(CaseView view);
}
