package org.dyad.application.access;

/** The viewer may not do or see this. */
public class NotPermitted extends RuntimeException {
    public NotPermitted(String message) {
        super(message);
    }
}
