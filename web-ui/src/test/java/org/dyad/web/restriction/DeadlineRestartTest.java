package org.dyad.web.restriction;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.web.DyadApplication;
import org.dyad.web.support.Api;
import org.dyad.web.support.Scenarios;
import org.dyad.web.support.TestClock;
import org.dyad.web.support.TestClockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Legal clocks are durable: they outlive a restart on the file backend, and one that ran out while down fires at start. */
class DeadlineRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aDeadlineScheduledBeforeARestartFiresAfterItAndOneThatPassedWhileDownFiresOnStartup() {
        String caseId;
        String dueInAnHour;
        String dueInTenMinutes;
        try (ConfigurableApplicationContext first = start(Duration.ZERO)) {
            Api api = Api.as(port(first), "psychiatrist");
            caseId = api.openCase("Clocked", "north");
            assertThat(api.post("/api/cases/" + caseId + "/admit", "{\"occurredAt\": \""
                    + Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\"}").status()).isEqualTo(204);
            dueInAnHour = start(api, caseId, Instant.now());
            dueInTenMinutes = start(api, caseId, Instant.now().minus(50, ChronoUnit.MINUTES));
            assertThat(overdue(api, caseId, dueInAnHour)).isEmpty();
            assertThat(overdue(api, caseId, dueInTenMinutes)).isEmpty();
        }

        // Twenty minutes pass while the application is down.
        try (ConfigurableApplicationContext second = start(Duration.ofMinutes(20))) {
            Api api = Api.as(port(second), "psychiatrist");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(overdue(api, caseId, dueInTenMinutes)).containsExactly("FACE_TO_FACE_EVALUATION"));
            assertThat(overdue(api, caseId, dueInAnHour)).isEmpty();

            second.getBean(TestClock.class).advance(Duration.ofMinutes(41));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(overdue(api, caseId, dueInAnHour)).containsExactly("FACE_TO_FACE_EVALUATION"));
        }
    }

    private static String start(Api api, String caseId, Instant startedAt) {
        Api.Response started = api.post("/api/cases/" + caseId + "/restrictions", Scenarios.seclusion(
                startedAt.truncatedTo(ChronoUnit.SECONDS).toString()));
        assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
        return started.body().get("id").asText();
    }

    private static List<String> overdue(Api api, String caseId, String id) {
        JsonNode episode = api.get("/api/cases/" + caseId + "/restrictions/" + id).body();
        List<String> names = new ArrayList<>();
        episode.get("overdue").forEach(n -> names.add(n.asText()));
        return names;
    }

    private ConfigurableApplicationContext start(Duration clockAhead) {
        return new SpringApplicationBuilder(DyadApplication.class, TestClockConfig.class)
                .run("--server.port=0", "--dyad.embedded.backend=h2", "--dyad.data-dir=" + dataDir,
                        "--dyad.demo=true", "--dyad.test.clock-ahead=" + clockAhead);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
