package org.dyad.infra.axon;

/** Whether this process is the only one writing events to its store. */
public record StoreWriters(boolean single) {
}
