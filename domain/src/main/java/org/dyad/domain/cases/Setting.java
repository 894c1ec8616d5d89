package org.dyad.domain.cases;

/** Where the person is served. */
public enum Setting {
    INPATIENT,
    OUTPATIENT
}
