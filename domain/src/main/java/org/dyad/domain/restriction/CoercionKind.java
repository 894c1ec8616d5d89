package org.dyad.domain.restriction;

/** Soft coercion: pressure short of restraint or seclusion, which teams must see to reduce. */
public enum CoercionKind {
    LEVERAGE_HOUSING,
    LEVERAGE_BENEFITS,
    LEVERAGE_COURT,
    THREAT_OF_INVOLUNTARY_MEASURES,
    INVOLUNTARY_HOLD,
    INVOLUNTARY_COMMITMENT,
    FORCED_MEDICATION,
    OUTPATIENT_COMMITMENT
}
