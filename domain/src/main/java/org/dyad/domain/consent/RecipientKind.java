package org.dyad.domain.consent;

/** How a consent names who may receive: a named staff member, everyone holding a role, or an organisation. */
public enum RecipientKind {
    STAFF,
    ROLE,
    ORGANISATION
}
