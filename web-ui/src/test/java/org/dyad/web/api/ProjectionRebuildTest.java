package org.dyad.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.web.support.Api;
import org.dyad.web.support.BoardScreen;
import org.dyad.web.support.DyadWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DyadWebTest
class ProjectionRebuildTest {

    @LocalServerPort
    int port;

    @Test
    void anAdminRebuildsTheReadModelsFromTheFirstEventAndListsBoardsAndScreensComeBackAsTheyWere() throws Exception {
        Api admin = Api.as(port, "admin");
        Api psychiatrist = Api.as(port, "psychiatrist");
        String opened = psychiatrist.openCase("Rebuilt Rowan", "north");
        assertThat(psychiatrist.post("/api/cases/" + opened + "/goals", """
                {"whatMattersMost": "Back at the allotment by spring.", "goals": ["grow beans"]}""").status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> caughtUp(admin.get("/api/admin/projections").body()));
        JsonNode boardBefore = psychiatrist.get("/api/boards/north").body();
        JsonNode caseBefore = psychiatrist.get("/api/cases/" + opened).body();
        List<String> casesBefore = ids(psychiatrist.get("/api/cases?unit=north").body());
        assertThat(casesBefore).contains(opened);

        try (BoardScreen screen = BoardScreen.open(port, "psychiatrist", "north", null)) {
            screen.receipt.get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> screen.showsCase(opened));

            Api.Response started = admin.post("/api/admin/projections/rebuild", "");
            assertThat(started.status()).isEqualTo(202);
            assertThat(started.body().get("rebuildStartedAt").isNull()).isFalse();
            assertThat(started.body().get("head").asLong()).isPositive();

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode status = admin.get("/api/admin/projections").body();
                return caughtUp(status) && !status.get("replaying").asBoolean();
            });
            JsonNode boardAfter = psychiatrist.get("/api/boards/north").body();
            assertThat(boardAfter.get("rows")).isEqualTo(boardBefore.get("rows"));
            // Versions only grow, so that screens holding the old board take the rebuilt one.
            assertThat(boardAfter.get("version").asLong()).isGreaterThan(boardBefore.get("version").asLong());
            assertThat(ids(psychiatrist.get("/api/cases?unit=north").body()))
                    .containsExactlyInAnyOrderElementsOf(casesBefore);
            JsonNode caseAfter = psychiatrist.get("/api/cases/" + opened).body();
            assertThat(caseAfter.get("goals")).isEqualTo(caseBefore.get("goals"));
            assertThat(caseAfter.get("careTeam")).isEqualTo(caseBefore.get("careTeam"));

            // The screen saw the board emptied, then filled again, and ends on the rebuilt board.
            await().atMost(Duration.ofSeconds(10)).until(() -> screen.latest() != null
                    && screen.latest().get("version").asLong() == boardAfter.get("version").asLong());
            assertThat(screen.latest().get("rows")).isEqualTo(boardAfter.get("rows"));
            assertThat(screen.boards).anyMatch(message -> !message.has("since") && message.get("rows").isEmpty());
            assertThat(screen.errors).isEmpty();
        }
    }

    @Test
    void onlyAdminsRebuildOrSeeTheProcessor() {
        assertThat(Api.as(port, "psychiatrist").post("/api/admin/projections/rebuild", "").status()).isEqualTo(403);
        assertThat(Api.as(port, "auditor").get("/api/admin/projections").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/admin/projections").status()).isEqualTo(401);
    }

    private static boolean caughtUp(JsonNode status) {
        return status.get("caughtUp").asBoolean() && status.get("position").asLong() >= status.get("head").asLong();
    }

    private static List<String> ids(JsonNode cases) {
        List<String> ids = new ArrayList<>();
        cases.forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }
}
