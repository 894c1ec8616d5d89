package org.dyad.web.security;

import org.dyad.web.support.Api;
import org.dyad.web.support.DyadWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/** Which chain, and so which sign-in, a request meets when security matches paths by pattern alone. */
@DyadWebTest
class PathPatternMatchingTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void theApiAndThePagesAreMatchedByPathAloneWithoutAskingForTheHandler() {
        assertThat(context.getBean(PathPatternMatching.INTROSPECTOR))
                .isInstanceOf(PathPatternMatching.UncachedIntrospector.class);
        assertThat(context.getBeansOfType(SecurityFilterChain.class).values())
                .map(chain -> ((DefaultSecurityFilterChain) chain).getRequestMatcher().toString())
                .anyMatch(matcher -> matcher.contains("PathPattern") && matcher.contains("/api/**"));
    }

    @Test
    void eachPathMeetsTheChainItDidBefore() {
        Api anonymous = Api.anonymous(port);
        Api.Response api = anonymous.get("/api/me");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.header("WWW-Authenticate")).startsWith("Basic");
        // Neither a session's CSRF token nor credentials of its own: refused before sign-in is asked for.
        assertThat(anonymous.post("/api/cases/some-case/goals", "{\"text\":\"sleep\"}").status()).isEqualTo(403);
        assertThat(anonymous.get("/ws").status()).isEqualTo(401);

        Api.Response page = anonymous.get("/");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
        assertThat(anonymous.get("/login", "text/html").status()).isEqualTo(200);
        assertThat(anonymous.get("/js/dyad.js", "*/*").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);

        Api nurse = Api.as(port, "nurse");
        assertThat(nurse.get("/api/me").status()).isEqualTo(200);
        assertThat(nurse.get("/api/cases/no-such-case").status()).isEqualTo(404);
        assertThat(nurse.get("/api/no-such-endpoint").status()).isEqualTo(404);
        assertThat(nurse.post("/api/cases/no-such-case/nothing", "{}").status()).isEqualTo(404);
    }
}
