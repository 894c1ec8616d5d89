package org.dyad.web.demo;

import org.dyad.application.demo.DemoData;
import org.dyad.web.security.DyadUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Seeds demo users and cases in the embedded default, or wherever {@code DYAD_DEMO=true}; never against a real
 * MongoDB unless asked. Each demo step runs signed in as a demo user, so its events name a real actor.
 */
@Component
public class DemoStartup {

    private final DemoData demoData;
    private final UserDetailsService userDetails;
    private final boolean enabled;

    public DemoStartup(DemoData demoData, UserDetailsService userDetails,
                       @Value("${dyad.demo:}") String demo, @Value("${dyad.mongodb.uri:}") String mongoUri) {
        this.demoData = demoData;
        this.userDetails = userDetails;
        this.enabled = demo.isBlank() ? mongoUri.isBlank() : Boolean.parseBoolean(demo);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        if (!enabled) {
            return;
        }
        demoData.seedAccounts();
        demoData.seedCases(this::runAs);
    }

    private void runAs(String userId, Runnable step) {
        DyadUser user = (DyadUser) userDetails.loadUserByUsername(userId);
        var previous = SecurityContextHolder.getContext();
        try {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            SecurityContextHolder.setContext(context);
            step.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
