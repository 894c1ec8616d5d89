package org.dyad.domain.decision;

/** Who made the choice: only ever the person, or the proxy named in their advance directive. */
public enum ChosenBy {
    PERSON,
    PAD_PROXY
}
