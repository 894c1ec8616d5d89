package org.dyad.domain.cases;

/** Someone the person wants called, or their proxy. */
public record Contact(String name, String relationship, String phone) {
}
