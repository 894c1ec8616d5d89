package org.dyad.domain.shared;

/** A rule of the field was broken; the message says which, in plain words. */
public class DomainRuleViolation extends RuntimeException {
    public DomainRuleViolation(String message) {
        super(message);
    }
}
