package org.dyad.web.security;

import org.dyad.application.access.Viewer;
import org.springframework.security.core.Authentication;

import java.security.Principal;
import java.util.Optional;

/** The viewer behind an HTTP or STOMP principal. */
public final class Viewers {

    private Viewers() {
    }

    public static Optional<Viewer> of(Principal principal) {
        if (principal instanceof Authentication authentication && authentication.getPrincipal() instanceof DyadUser user) {
            return Optional.of(user.viewer());
        }
        return Optional.empty();
    }
}
