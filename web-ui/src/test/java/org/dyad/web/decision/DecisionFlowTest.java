package org.dyad.web.decision;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.web.support.Api;
import org.dyad.web.support.BoardScreen;
import org.dyad.web.support.DyadWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DyadWebTest
class DecisionFlowTest {

    @LocalServerPort
    int port;

    @Test
    void thePersonChoosesInTheirOwnWordsAndTheBoardCounterFollowsLive() throws Exception {
        Api psychiatrist = Api.as(port, "psychiatrist");
        Api person = Api.as(port, "person");
        String caseId = person.get("/api/cases").body().get(0).get("id").asText();

        try (BoardScreen board = BoardScreen.open(port, "peer", "north", null)) {
            board.receipt.get(5, TimeUnit.SECONDS);
            String decisionId = psychiatrist.post("/api/cases/" + caseId + "/decisions",
                    "{\"question\": \"What to do about sleep\"}").body().get("id").asText();
            String medication = option(psychiatrist, caseId, decisionId, "MEDICATION", "A low dose of a sleep medicine");
            option(psychiatrist, caseId, decisionId, "MEDICATION", "A different sleep medicine");

            Api.Response medicationOnly = psychiatrist.post(path(caseId, decisionId, "present"), null);
            assertThat(medicationOnly.status()).isEqualTo(409);
            assertThat(medicationOnly.body().get("detail").asText()).contains("not medication");

            String walking = option(Api.as(port, "peer"), caseId, decisionId, "PEER_SUPPORT", "The evening walking group");
            assertThat(psychiatrist.post(path(caseId, decisionId, "present"), null).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(3)).until(() -> board.showsCase(caseId)
                    && board.row(caseId).get("decisionsWaiting").asInt() >= 1);
            int waiting = board.row(caseId).get("decisionsWaiting").asInt();

            Api.Response forThePerson = psychiatrist.post(path(caseId, decisionId, "choose"),
                    "{\"optionId\": \"" + medication + "\"}");
            assertThat(forThePerson.status()).isEqualTo(409);
            assertThat(forThePerson.body().get("detail").asText()).contains("present", "Clinicians do not choose for the person");

            JsonNode mine = person.get("/api/me/decisions").body();
            assertThat(mine.toString()).contains(decisionId);
            assertThat(person.post(path(caseId, decisionId, "preferences"),
                    "{\"whatMattersMost\": \"Being able to wake up for my kids.\"}").status()).isEqualTo(204);
            assertThat(person.post(path(caseId, decisionId, "choose"),
                    "{\"notNow\": true, \"inTheirWords\": \"I want to talk to my sister first.\"}").status()).isEqualTo(204);
            assertThat(psychiatrist.get("/api/cases/" + caseId + "/decisions/" + decisionId).body().get("status").asText())
                    .isEqualTo("NOT_NOW");

            assertThat(person.post(path(caseId, decisionId, "choose"), "{\"optionId\": \"" + walking
                    + "\", \"inTheirWords\": \"I'll try the walking group for two weeks.\"}").status()).isEqualTo(204);
            JsonNode decided = psychiatrist.get("/api/cases/" + caseId + "/decisions/" + decisionId).body();
            assertThat(decided.get("status").asText()).isEqualTo("CHOSEN");
            JsonNode answer = decided.get("latestAnswer");
            assertThat(answer.get("optionId").asText()).isEqualTo(walking);
            assertThat(answer.get("chosenBy").asText()).isEqualTo("PERSON");
            assertThat(answer.get("recordedBy").asText()).isEqualTo("person");
            assertThat(answer.get("inTheirWords").asText()).isEqualTo("I'll try the walking group for two weeks.");
            await().atMost(Duration.ofSeconds(3)).until(() -> board.row(caseId).get("decisionsWaiting").asInt() == waiting - 1);

            assertThat(person.post(path(caseId, decisionId, "collaborate"),
                    "{\"explainedIssues\": 9, \"listenedToWhatMatters\": 8, \"includedWhatMatters\": 10}").status()).isEqualTo(400);
            assertThat(person.post(path(caseId, decisionId, "collaborate"),
                    "{\"explainedIssues\": 9, \"listenedToWhatMatters\": 8, \"includedWhatMatters\": 9}").status()).isEqualTo(204);
        }
    }

    @Test
    void aClinicianMayTypeTheChoiceOnlyWhileAttestingThePersonIsPresent() {
        Api psychiatrist = Api.as(port, "psychiatrist");
        String caseId = psychiatrist.openCase("Attested Choice", "north");
        String decisionId = psychiatrist.post("/api/cases/" + caseId + "/decisions",
                "{\"question\": \"Whether to change my medication\"}").body().get("id").asText();
        String change = option(psychiatrist, caseId, decisionId, "MEDICATION", "Switch to another medicine");
        option(psychiatrist, caseId, decisionId, "NO_CHANGE_WATCHFUL_WAITING", "Keep things as they are for a month");
        assertThat(psychiatrist.post(path(caseId, decisionId, "present"), null).status()).isEqualTo(204);

        assertThat(psychiatrist.post(path(caseId, decisionId, "choose"), "{\"optionId\": \"" + change + "\"}").status())
                .isEqualTo(409);
        assertThat(psychiatrist.post(path(caseId, decisionId, "choose"), "{\"optionId\": \"" + change
                + "\", \"attestChooserPresent\": true, \"inTheirWords\": \"Let's switch.\"}").status()).isEqualTo(204);
        JsonNode answer = psychiatrist.get("/api/cases/" + caseId + "/decisions/" + decisionId).body().get("latestAnswer");
        assertThat(answer.get("chosenBy").asText()).isEqualTo("PERSON");
        assertThat(answer.get("recordedBy").asText()).isEqualTo("psychiatrist");
        assertThat(answer.get("attestedChooserPresent").asBoolean()).isTrue();

        Api.Response proxyWithoutPad = psychiatrist.post(path(caseId, decisionId, "revisit"), "{\"reason\": \"side effects\"}");
        assertThat(proxyWithoutPad.status()).isEqualTo(204);
        Api.Response noProxy = psychiatrist.post(path(caseId, decisionId, "choose"), "{\"optionId\": \"" + change
                + "\", \"chosenBy\": \"PAD_PROXY\", \"attestChooserPresent\": true}");
        assertThat(noProxy.status()).isEqualTo(409);
        assertThat(noProxy.body().get("detail").asText()).contains("names no proxy");

        Api.Response neither = psychiatrist.post(path(caseId, decisionId, "choose"), "{\"inTheirWords\": \"hmm\"}");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.raw().body()).contains("optionId");

        Api.Response badKind = psychiatrist.post("/api/cases/" + caseId + "/decisions/" + decisionId + "/options",
                "{\"kind\": \"MAGIC\", \"whatItIs\": \"x\"}");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.raw().body()).contains("\"field\":\"kind\"");
        assertThat(Api.as(port, "nurse").get("/api/cases/" + caseId + "/decisions").status()).isEqualTo(403);
    }

    @Test
    void aPeersViewKeptConfidentialIsAPlaceholderForColleaguesButNotForThePerson() {
        Api psychiatrist = Api.as(port, "psychiatrist");
        Api peer = Api.as(port, "peer");
        Api person = Api.as(port, "person");
        String caseId = person.get("/api/cases").body().get(0).get("id").asText();
        String decisionId = psychiatrist.post("/api/cases/" + caseId + "/decisions",
                "{\"question\": \"Whether to go back to work\"}").body().get("id").asText();
        assertThat(peer.post(path(caseId, decisionId, "views"),
                "{\"view\": \"They told me the job frightens them.\", \"category\": \"PEER_CONFIDENTIAL\"}").status())
                .isEqualTo(204);
        assertThat(psychiatrist.post(path(caseId, decisionId, "views"), "{\"view\": \"Part-time first.\"}").status())
                .isEqualTo(204);

        JsonNode forTheDoctor = psychiatrist.get("/api/cases/" + caseId + "/decisions/" + decisionId).body();
        assertThat(forTheDoctor.get("peerView").get("withheld").asBoolean()).isTrue();
        assertThat(forTheDoctor.get("peerView").get("text").asText()).isEqualTo("peer note — confidential");
        assertThat(forTheDoctor.toString()).doesNotContain("frightens");
        assertThat(forTheDoctor.get("psychiatristView").get("text").asText()).isEqualTo("Part-time first.");

        assertThat(person.get("/api/cases/" + caseId + "/decisions/" + decisionId).body().get("peerView").get("text").asText())
                .isEqualTo("They told me the job frightens them.");
        assertThat(peer.get("/api/cases/" + caseId + "/decisions/" + decisionId).raw().body()).contains("frightens");
    }

    private static String option(Api api, String caseId, String decisionId, String kind, String whatItIs) {
        Api.Response created = api.post("/api/cases/" + caseId + "/decisions/" + decisionId + "/options", """
                {"kind": "%s", "whatItIs": "%s", "benefits": "may help", "harms": "may not", "whatItAsksOfMe": "time"}"""
                .formatted(kind, whatItIs));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static String path(String caseId, String decisionId, String verb) {
        return "/api/cases/" + caseId + "/decisions/" + decisionId + "/" + verb;
    }
}
