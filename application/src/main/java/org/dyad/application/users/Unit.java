package org.dyad.application.users;

/** An inpatient unit or clinic, with its team of staff. */
public record Unit(String unitId, String name) {
}
