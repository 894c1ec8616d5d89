package org.dyad.application.shared;

/** Whether this process is the only one writing to its store: its events, and the read models its projections keep. */
public record StoreWriters(boolean single) {
}
