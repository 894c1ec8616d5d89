package org.dyad.web;

import org.dyad.web.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.awaitility.Awaitility;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Events and read models live in the H2 files under the data directory and survive a restart. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void eventsSurviveARestartOnTheFileBackend() {
        String caseId;
        try (ConfigurableApplicationContext first = start()) {
            Api api = Api.as(port(first), "psychiatrist");
            caseId = api.openCase("Still Here", "north");
            assertThat(api.post("/api/cases/" + caseId + "/care-team", "{\"userId\": \"peer\"}").status()).isEqualTo(204);
        }
        assertThat(Files.exists(dataDir.resolve("dyad.mv"))).isTrue();
        assertThat(Files.exists(dataDir.resolve("dyad-views.mv"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            Api api = Api.as(port(second), "psychiatrist");
            assertThat(api.get("/api/cases/" + caseId).body().get("careTeam")).hasSize(2);
            // The aggregate is rebuilt from the stored events: its rules still hold after the restart.
            assertThat(api.post("/api/cases/" + caseId + "/care-team", "{\"userId\": \"peer\"}").status()).isEqualTo(409);
            assertThat(api.post("/api/cases/" + caseId + "/dyad",
                    "{\"peerId\": \"peer\", \"psychiatristId\": \"psychiatrist\"}").status()).isEqualTo(204);
            assertThat(api.get("/api/cases/" + caseId).body().get("dyad").get("peerId").asText()).isEqualTo("peer");
            assertThat(api.get("/api/cases?unit=north").body().size()).isEqualTo(13);
        }
    }

    /**
     * The views' file lost (or behind the events, as after a crash): the demo cases it no longer lists are in the
     * event store, so they are not opened again, and the processor, its token gone, builds every view again.
     */
    @Test
    void aDataDirectoryThatLostItsViewsFileStartsAndBuildsTheViewsAgain() throws Exception {
        String caseId;
        try (ConfigurableApplicationContext first = start()) {
            caseId = Api.as(port(first), "psychiatrist").openCase("Kept In The Events", "north");
        }
        Files.delete(dataDir.resolve("dyad-views.mv"));

        try (ConfigurableApplicationContext second = start()) {
            Api api = Api.as(port(second), "psychiatrist");
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.get("/api/cases?unit=north").body().size() == 13);
            assertThat(api.get("/api/cases/" + caseId).body().get("preferredName").asText())
                    .isEqualTo("Kept In The Events");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DyadApplication.class)
                .run("--server.port=0", "--dyad.embedded.backend=h2", "--dyad.data-dir=" + dataDir, "--dyad.demo=true");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
