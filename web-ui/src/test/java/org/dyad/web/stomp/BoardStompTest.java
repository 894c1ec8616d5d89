package org.dyad.web.stomp;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.web.support.Api;
import org.dyad.web.support.BoardScreen;
import org.dyad.web.support.DyadWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DyadWebTest
class BoardStompTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("clientInboundChannel")
    ExecutorSubscribableChannel inbound;

    @Autowired
    @Qualifier("clientOutboundChannel")
    ExecutorSubscribableChannel outbound;

    @Autowired
    ThreadPoolTaskScheduler stompHeartbeats;

    @Test
    void screensAreServedByThreadPoolsOfTheirOwnNotTheHeartbeatThread() {
        for (ExecutorSubscribableChannel channel : List.of(inbound, outbound)) {
            assertThat(channel.getExecutor()).isInstanceOf(ThreadPoolTaskExecutor.class).isNotSameAs(stompHeartbeats);
            assertThat(((ThreadPoolTaskExecutor) channel.getExecutor()).getMaxPoolSize()).isGreaterThan(1);
        }
        assertThat(inbound.getExecutor()).isNotSameAs(outbound.getExecutor());
    }

    @Test
    void aBoardLongerThanOneWriteBufferArrivesWhole() throws Exception {
        Api psychiatrist = Api.as(port, "psychiatrist");
        try (BoardScreen screen = BoardScreen.open(port, "psychiatrist", "north", null)) {
            screen.receipt.get(5, TimeUnit.SECONDS);
            List<String> opened = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                opened.add(psychiatrist.openCase("Long Board " + i, "north"));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> screen.latest() != null
                    && opened.stream().allMatch(screen::showsCase));
            // Longer than the 8,192 characters of Tomcat's own writer and encoder buffers.
            assertThat(screen.latest().toString().length()).isGreaterThan(8192);
        }
    }

    @Test
    void textFramesGoOutAsTheBytesTheStompEncoderMadeAndNamesInAnyScriptArriveIntact() throws Exception {
        assertThat(TextFrameWriter.sendsEncodedBytes()).as("Tomcat's frame writer is reachable").isTrue();
        Api psychiatrist = Api.as(port, "psychiatrist");
        try (BoardScreen screen = BoardScreen.open(port, "psychiatrist", "north", null)) {
            screen.receipt.get(5, TimeUnit.SECONDS);
            String name = "Zoë Ñúñez-Đặng 李小龍 \uD83C\uDF3B";
            String id = psychiatrist.openCase(name, "north");
            await().atMost(Duration.ofSeconds(5)).until(() -> screen.showsCase(id));
            assertThat(screen.row(id).get("preferredName").asText()).isEqualTo(name);
        }
    }

    @Test
    void viewersWithDifferentRightsGetDifferentBoardsAndAnotherTeamGetsNothing() throws Exception {
        Api psychiatrist = Api.as(port, "psychiatrist");
        try (BoardScreen doctorScreen = BoardScreen.open(port, "psychiatrist", "north", null);
             BoardScreen nurseScreen = BoardScreen.open(port, "nurse", "north", null);
             BoardScreen otherTeam = BoardScreen.open(port, "psychiatrist2", "north", null)) {
            doctorScreen.receipt.get(5, TimeUnit.SECONDS);
            nurseScreen.receipt.get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> doctorScreen.latest() != null && nurseScreen.latest() != null);

            String open = psychiatrist.openCase("Open Record", "north");
            String restricted = psychiatrist.post("/api/cases", """
                    {"preferredName": "Restricted Record", "dateOfBirth": "1980-03-03", "setting": "INPATIENT",
                     "unit": "north", "restricted": true}""").body().get("id").asText();

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(doctorScreen.showsCase(open)).isTrue();
                assertThat(doctorScreen.showsCase(restricted)).isTrue();
                assertThat(doctorScreen.row(restricted).get("restricted").asBoolean()).isTrue();
                assertThat(nurseScreen.showsCase(open)).isTrue();
            });
            assertThat(nurseScreen.boards).noneMatch(board -> board.toString().contains(restricted));

            await().atMost(Duration.ofSeconds(5)).until(() -> !otherTeam.errors.isEmpty());
            assertThat(otherTeam.errors.get(0)).contains("Not permitted");
            assertThat(otherTeam.boards).isEmpty();
            assertThat(otherTeam.receipt).isNotDone();
        }
    }

    @Test
    void everyChangeArrivesWithItsOwnVersion() throws Exception {
        Api psychiatrist = Api.as(port, "psychiatrist");
        try (BoardScreen screen = BoardScreen.open(port, "psychiatrist", "north", null)) {
            screen.receipt.get(5, TimeUnit.SECONDS);
            String id = psychiatrist.openCase("Version Counter", "north");
            assertThat(psychiatrist.post("/api/cases/" + id + "/care-team", "{\"userId\": \"peer\"}").status()).isEqualTo(204);
            assertThat(psychiatrist.post("/api/cases/" + id + "/dyad",
                    "{\"peerId\": \"peer\", \"psychiatristId\": \"psychiatrist\"}").status()).isEqualTo(204);
            long finalVersion = psychiatrist.get("/api/boards/north").body().get("version").asLong();

            await().atMost(Duration.ofSeconds(5)).until(() -> screen.latest() != null
                    && screen.latest().get("version").asLong() >= finalVersion);
            assertThat(screen.row(id).get("dyad").get("psychiatristName").asText()).isEqualTo("Dr. Amara Okafor");
            assertThat(screen.boards).extracting(board -> board.get("version").asLong()).doesNotHaveDuplicates();
        }
    }

    @Test
    void aNoteTellsOpenCasePagesToLookAgainButLeavesTheBoardsAlone() throws Exception {
        Api psychiatrist = Api.as(port, "psychiatrist");
        String caseId = psychiatrist.openCase("Quiet Board", "north");
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/care-team", "{\"userId\": \"peer\"}").status()).isEqualTo(204);
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/dyad",
                "{\"peerId\": \"peer\", \"psychiatristId\": \"psychiatrist\"}").status()).isEqualTo(204);
        String sessionId = psychiatrist.post("/api/cases/" + caseId + "/sessions",
                "{\"scheduledFor\": \"2026-01-05T10:00:00Z\"}").body().get("id").asText();
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/sessions/" + sessionId + "/start",
                "{\"at\": \"2026-01-05T10:00:00Z\"}").status()).isEqualTo(204);
        long boardVersion = psychiatrist.get("/api/boards/north").body().get("version").asLong();

        try (BoardScreen casePage = BoardScreen.follow(port, "psychiatrist", caseId)) {
            casePage.receipt.get(5, TimeUnit.SECONDS);
            assertThat(Api.as(port, "peer").post("/api/cases/" + caseId + "/sessions/" + sessionId + "/notes",
                    "{\"text\": \"A note the case page should hear of.\"}").status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(2)).until(() -> !casePage.boards.isEmpty());
            assertThat(casePage.boards.toString()).doesNotContain("A note the case page");
        }
        assertThat(psychiatrist.get("/api/boards/north").body().get("version").asLong()).isEqualTo(boardVersion);
    }

    @Test
    void aReconnectingScreenWithTheCurrentVersionGetsOnlyWhatComesNextAndAStaleOneGetsASnapshot() throws Exception {
        Api psychiatrist = Api.as(port, "psychiatrist");
        long current = psychiatrist.get("/api/boards/north").body().get("version").asLong();

        try (BoardScreen upToDate = BoardScreen.open(port, "psychiatrist", "north", current);
             BoardScreen stale = BoardScreen.open(port, "psychiatrist", "north", current - 1)) {
            upToDate.receipt.get(5, TimeUnit.SECONDS);
            stale.receipt.get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> stale.latest() != null);
            assertThat(stale.latest().get("version").asLong()).isGreaterThanOrEqualTo(current);

            String id = psychiatrist.openCase("Missed Nothing", "north");
            await().atMost(Duration.ofSeconds(5)).until(() -> upToDate.latest() != null && upToDate.showsCase(id));
            assertThat(upToDate.boards.get(0).get("version").asLong()).isGreaterThan(current);
        }
    }

    @Test
    void aScreenTakingChangesIsSentOnlyTheRowsThatChangedAndShowsTheBoardTheApiShows() throws Exception {
        Api psychiatrist = Api.as(port, "psychiatrist");
        psychiatrist.openCase("Changes Neighbour One", "north");
        psychiatrist.openCase("Changes Neighbour Two", "north");
        try (BoardScreen screen = BoardScreen.openTakingChanges(port, "psychiatrist", "north", null)) {
            screen.receipt.get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> screen.latest() != null);
            int rowsAtStart = screen.latest().get("rows").size();

            String id = psychiatrist.openCase("Changes Only", "north");
            assertThat(psychiatrist.post("/api/cases/" + id + "/care-team", "{\"userId\": \"peer\"}").status()).isEqualTo(204);
            assertThat(psychiatrist.post("/api/cases/" + id + "/dyad",
                    "{\"peerId\": \"peer\", \"psychiatristId\": \"psychiatrist\"}").status()).isEqualTo(204);
            JsonNode api = psychiatrist.get("/api/boards/north").body();

            await().atMost(Duration.ofSeconds(5)).until(() ->
                    screen.latest().get("version").asLong() >= api.get("version").asLong());
            assertThat(screen.errors).isEmpty();
            assertThat(screen.latest().get("rows")).isEqualTo(api.get("rows"));
            assertThat(screen.row(id).get("dyad").get("psychiatristName").asText()).isEqualTo("Dr. Amara Okafor");
            assertThat(screen.changes()).isNotEmpty().allSatisfy(change -> {
                assertThat(change.get("rows").size()).isLessThan(rowsAtStart);
                assertThat(change.get("since").asLong()).isLessThan(change.get("version").asLong());
            });
            assertThat(screen.changes().get(screen.changes().size() - 1).toString()).contains(id);
        }
    }

    @Test
    void aRowTheViewerMayNoLongerSeeIsRemovedAndARestrictedRowTheyNeverSawIsNeverNamed() throws Exception {
        Api psychiatrist = Api.as(port, "psychiatrist");
        String becomesRestricted = psychiatrist.openCase("Soon Restricted", "north");
        String alwaysRestricted = psychiatrist.post("/api/cases", """
                {"preferredName": "Never Seen", "dateOfBirth": "1980-03-03", "setting": "INPATIENT",
                 "unit": "north", "restricted": true}""").body().get("id").asText();
        try (BoardScreen nurse = BoardScreen.openTakingChanges(port, "nurse", "north", null)) {
            nurse.receipt.get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> nurse.latest() != null && nurse.showsCase(becomesRestricted));

            assertThat(psychiatrist.post("/api/cases/" + alwaysRestricted + "/goals",
                    "{\"goals\": [\"Only my own team may know this.\"]}").status()).isEqualTo(204);
            assertThat(psychiatrist.post("/api/cases/" + becomesRestricted + "/restrict",
                    "{\"reason\": \"The person works on this unit.\"}").status()).isEqualTo(204);
            long version = psychiatrist.get("/api/boards/north").body().get("version").asLong();

            await().atMost(Duration.ofSeconds(5)).until(() -> nurse.latest().get("version").asLong() >= version);
            assertThat(nurse.errors).isEmpty();
            assertThat(nurse.showsCase(becomesRestricted)).isFalse();
            assertThat(nurse.changes()).anySatisfy(change ->
                    assertThat(change.get("removed").toString()).contains(becomesRestricted));
            assertThat(nurse.boards).noneMatch(message -> message.toString().contains(alwaysRestricted));
        }
    }

    @Test
    void aScreenTakingChangesThatComesBackIsSentWhatItMissedAndNotTheWholeBoard() throws Exception {
        Api psychiatrist = Api.as(port, "psychiatrist");
        psychiatrist.openCase("Before The Gap", "north");
        JsonNode held = psychiatrist.get("/api/boards/north").body();
        String missed = psychiatrist.openCase("Missed While Away", "north");
        JsonNode now = psychiatrist.get("/api/boards/north").body();

        try (BoardScreen screen = BoardScreen.openTakingChanges(port, "psychiatrist", "north", held)) {
            screen.receipt.get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> !screen.boards.isEmpty());
            JsonNode first = screen.boards.get(0);
            assertThat(first.get("since").asLong()).isEqualTo(held.get("version").asLong());
            assertThat(first.get("rows")).hasSize(1);
            assertThat(first.get("rows").get(0).get("caseId").asText()).isEqualTo(missed);
            assertThat(screen.latest().get("rows")).isEqualTo(now.get("rows"));
        }
    }
}
