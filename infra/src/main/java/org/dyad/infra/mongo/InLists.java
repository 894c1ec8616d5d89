package org.dyad.infra.mongo;

/** How long an {@code $in} list may be. */
public final class InLists {

    /**
     * The most values in one $in. The embedded server's own matcher walks the list for every document, so its cost
     * per query grows with the square of the list: the memory backend's does, and so does the H2 backend's for lists
     * that {@link HashedInCollection} does not hash.
     */
    public static final int MAX_VALUES = 128;

    private InLists() {
    }
}
