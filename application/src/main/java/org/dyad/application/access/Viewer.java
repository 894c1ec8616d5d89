package org.dyad.application.access;

import org.dyad.application.users.AccountRole;

/** Whoever is asking, as established by authentication. */
public record Viewer(String userId, AccountRole role, String unit) {
}
