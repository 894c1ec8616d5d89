package org.dyad.domain.restriction;

public enum InjuredParty {
    PERSON_SERVED,
    STAFF
}
