package org.dyad.infra.mongo;

/** How long an {@code $in} list may be. */
public final class InLists {

    /** The most values in one $in: the embedded server's cost per query grows with the square of the list. */
    public static final int MAX_VALUES = 128;

    private InLists() {
    }
}
