package org.dyad.application.access;

/** The kinds of change a viewer may ask for on a case. */
public enum CaseChange {
    CARE_TEAM,
    DYAD,
    OWN_WORDS,
    STAY,
    RESTRICTION,
    CLOSE
}
