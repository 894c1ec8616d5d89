package org.dyad.application.shared;

/** Unknown, or not to be revealed to this viewer. */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
