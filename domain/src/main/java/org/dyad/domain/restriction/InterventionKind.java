package org.dyad.domain.restriction;

/** The restrictive measures of 42 CFR 482.13(e)–(f). */
public enum InterventionKind {
    PHYSICAL_HOLD,
    MECHANICAL_RESTRAINT,
    DRUG_USED_AS_RESTRAINT,
    SECLUSION;

    /** Physical restraint as HBIPS-2 counts it: a drug used as restraint is not. */
    public boolean isPhysicalRestraint() {
        return this == PHYSICAL_HOLD || this == MECHANICAL_RESTRAINT;
    }
}
