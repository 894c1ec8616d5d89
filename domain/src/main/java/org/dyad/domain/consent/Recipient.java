package org.dyad.domain.consent;

/** One recipient a consent names; {@code id} is a login, a role name or an organisation's name. */
public record Recipient(RecipientKind kind, String id) {

    public boolean matches(String userId, String role, String organisation) {
        return switch (kind) {
            case STAFF -> id.equals(userId);
            case ROLE -> id.equals(role);
            case ORGANISATION -> organisation != null && id.equalsIgnoreCase(organisation);
        };
    }
}
