package org.dyad.web.security;

import org.dyad.web.DyadApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A wall screen signed in with "keep this screen signed in" is still signed in after the server restarts. */
class RememberMeTest {

    @TempDir
    Path dataDir;

    @Test
    void aWallScreenStaysSignedInAcrossARestart() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        try (ConfigurableApplicationContext first = start()) {
            String base = "http://localhost:" + port(first);
            String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=nurse&password=demo&remember-me=on&_csrf="
                            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }
        try (ConfigurableApplicationContext second = start()) {
            String base = "http://localhost:" + port(second);
            HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/me"))
                    .header("X-Requested-With", "fetch").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"userId\":\"nurse\"");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DyadApplication.class)
                .run("--server.port=0", "--dyad.embedded.backend=h2", "--dyad.embedded.durability=COMMIT",
                        "--dyad.data-dir=" + dataDir, "--dyad.demo=true");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
