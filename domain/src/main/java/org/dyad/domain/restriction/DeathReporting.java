package org.dyad.domain.restriction;

/** Where a death associated with restraint or seclusion must be reported (42 CFR 482.13(g)). */
public enum DeathReporting {
    /** To CMS by the close of the next business day. */
    CMS,
    /** Soft two-point wrist restraint only, no seclusion: the hospital's internal log within 7 days. */
    INTERNAL_LOG,
    /** More than 24 hours after release and not thought to have contributed, or more than a week after. */
    NONE
}
