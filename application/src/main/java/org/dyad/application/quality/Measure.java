package org.dyad.application.quality;

/** What HBIPS counts: physical restraint (HBIPS-2) and seclusion (HBIPS-3); a drug used as restraint is neither. */
public enum Measure { PHYSICAL_RESTRAINT, SECLUSION }
