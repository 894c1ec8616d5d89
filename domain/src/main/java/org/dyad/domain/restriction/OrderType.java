package org.dyad.domain.restriction;

/** Only an order written for this episode may authorise restraint or seclusion. */
public enum OrderType {
    THIS_EPISODE,
    STANDING,
    AS_NEEDED
}
