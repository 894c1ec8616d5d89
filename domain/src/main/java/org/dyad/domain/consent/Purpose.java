package org.dyad.domain.consent;

/** Why information may pass. A consent covers only the purposes it names. */
public enum Purpose {
    TREATMENT,
    CARE_COORDINATION,
    CRISIS_PLANNING,
    PAYMENT,
    LEGAL,
    OTHER
}
