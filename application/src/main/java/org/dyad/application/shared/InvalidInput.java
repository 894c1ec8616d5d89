package org.dyad.application.shared;

/** Input a client sent that names something that does not fit; {@code field} says where. */
public class InvalidInput extends RuntimeException {
    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
