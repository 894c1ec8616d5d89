package org.dyad.web.restriction;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.web.support.Api;
import org.dyad.web.support.DyadWebTest;
import org.dyad.web.support.Scenarios;
import org.dyad.web.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A restrictive intervention end to end through REST: clocks, the person's voice, overdue flags, debrief. */
@DyadWebTest
class RestrictionFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Api psychiatrist;
    Api nurse;
    Api peer;
    Api person;

    @BeforeEach
    void signIn() {
        psychiatrist = Api.as(port, "psychiatrist");
        nurse = Api.as(port, "nurse");
        peer = Api.as(port, "peer");
        person = Api.as(port, "person");
    }

    /** An admitted adult on north with nurse and peer on the team and a PAD saying what they want in a crisis. */
    String admittedCase(String born, String personServed) {
        Api.Response created = psychiatrist.post("/api/cases", """
                {"preferredName": "Ren", "dateOfBirth": "%s", "setting": "INPATIENT", "unit": "north"%s}"""
                .formatted(born, personServed == null ? "" : ", \"personServedUserId\": \"" + personServed + "\""));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String caseId = created.body().get("id").asText();
        for (String member : List.of("nurse", "peer")) {
            assertThat(psychiatrist.post("/api/cases/" + caseId + "/care-team", "{\"userId\": \"" + member + "\"}").status()).isEqualTo(204);
        }
        Api.Response pad = psychiatrist.post("/api/cases/" + caseId + "/advance-directive", """
                {"whatHelpsInCrisis": "Dim the lights and let me pace.",
                 "viewsOnRestraintAndSeclusion": "Never face down; call my brother Ike first.",
                 "whoToCall": [{"name": "Ike", "relationship": "brother", "phone": "555-0199"}]}""");
        assertThat(pad.status()).as(pad.raw().body()).isEqualTo(204);
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/admit", "{}").status()).isEqualTo(204);
        return caseId;
    }

    String start(String caseId, String body) {
        Api.Response started = nurse.post("/api/cases/" + caseId + "/restrictions", body);
        assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
        return started.body().get("id").asText();
    }

    JsonNode boardRow(Api viewer, String caseId) {
        JsonNode rows = viewer.get("/api/boards/north").body().get("rows");
        return StreamSupport.stream(rows.spliterator(), false).filter(r -> r.get("caseId").asText().equals(caseId))
                .findFirst().orElseThrow();
    }

    @Test
    void aSeclusionStartsItsClocksFromTheClinicalTimeAndBringsThePersonsWishesToTheBoard() {
        String caseId = admittedCase("1990-05-01", null);
        Instant startedAt = clock.instant().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String id = start(caseId, Scenarios.seclusion(startedAt.toString()));

        JsonNode episode = nurse.get("/api/cases/" + caseId + "/restrictions/" + id).body();
        assertThat(Instant.parse(episode.get("orderExpiresAt").asText())).isEqualTo(startedAt.plus(Duration.ofHours(4)));
        assertThat(Instant.parse(episode.get("faceToFaceDueBy").asText())).isEqualTo(startedAt.plus(Duration.ofHours(1)));
        assertThat(episode.get("measures").get(0).asText()).isEqualTo("SECLUSION");
        assertThat(episode.get("startedByName").asText()).isNotBlank();

        JsonNode row = boardRow(nurse, caseId);
        assertThat(row.get("restrictions").get(0).get("interventionId").asText()).isEqualTo(id);
        assertThat(row.get("restrictions").get(0).get("overdue")).isEmpty();
        assertThat(row.get("personsVoice").get("viewsOnRestraintAndSeclusion").asText()).contains("Never face down");
        assertThat(row.get("personsVoice").get("whoToCall").get(0).asText()).contains("Ike");
    }

    @Test
    void aChildsOrderLastsTwoHoursAndALongerOneIsRefused() {
        String caseId = admittedCase(java.time.LocalDate.now(org.dyad.web.support.TestClockConfig.UNIT_ZONE).minusYears(11).toString(), null);
        String id = start(caseId, Scenarios.seclusion(null));
        JsonNode episode = nurse.get("/api/cases/" + caseId + "/restrictions/" + id).body();
        assertThat(Duration.between(Instant.parse(episode.get("orders").get(0).get("orderedAt").asText()),
                Instant.parse(episode.get("orderExpiresAt").asText()))).isEqualTo(Duration.ofHours(2));

        Api.Response tooLong = nurse.post("/api/cases/" + caseId + "/restrictions/" + id + "/renewals",
                "{\"prescriberId\": \"psychiatrist\", \"validForMinutes\": 180}");
        assertThat(tooLong.status()).isEqualTo(409);
        assertThat(tooLong.body().get("detail").asText()).contains("at most 2 hours");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        String caseId = admittedCase("1990-05-01", null);
        Api.Response noAlternatives = nurse.post("/api/cases/" + caseId + "/restrictions", """
                {"kind": "SECLUSION", "imminentRisk": "x", "alternativesTried": [], "order": {"prescriberId": "psychiatrist"}}""");
        assertThat(noAlternatives.status()).isEqualTo(400);
        assertThat(fields(noAlternatives)).contains("alternativesTried");

        Api.Response future = nurse.post("/api/cases/" + caseId + "/restrictions",
                Scenarios.seclusion(clock.instant().plusSeconds(3600).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(fields(future)).contains("startedAt");

        Api.Response prn = nurse.post("/api/cases/" + caseId + "/restrictions", """
                {"kind": "MECHANICAL_RESTRAINT", "imminentRisk": "x", "alternativesTried": ["talking"],
                 "order": {"prescriberId": "psychiatrist", "type": "AS_NEEDED"}}""");
        assertThat(prn.status()).isEqualTo(409);
        assertThat(prn.body().get("detail").asText()).contains("PRN");

        Api.Response noOrder = nurse.post("/api/cases/" + caseId + "/restrictions", """
                {"kind": "SECLUSION", "imminentRisk": "x", "alternativesTried": ["talking"]}""");
        assertThat(noOrder.status()).isEqualTo(400);
        assertThat(fields(noOrder)).contains("order");

        assertThat(nurse.get("/api/cases/" + caseId + "/restrictions").body()).isEmpty();
    }

    @Test
    void anEvaluationNotRecordedWithinTheHourTurnsTheRowOverdueAndARecordedOneClearsIt() {
        String caseId = admittedCase("1990-05-01", null);
        String id = start(caseId, Scenarios.seclusion(null));
        clock.advance(Duration.ofMinutes(61));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(texts(boardRow(nurse, caseId).get("restrictions").get(0).get("overdue")))
                        .contains("FACE_TO_FACE_EVALUATION"));
        assertThat(texts(nurse.get("/api/cases/" + caseId + "/restrictions/" + id).body().get("overdue")))
                .containsExactly("FACE_TO_FACE_EVALUATION");

        assertThat(psychiatrist.post("/api/cases/" + caseId + "/restrictions/" + id + "/face-to-face",
                "{\"findings\": \"calmer, wants to talk to Ike\"}").status()).isEqualTo(204);
        JsonNode episode = nurse.get("/api/cases/" + caseId + "/restrictions/" + id).body();
        assertThat(episode.get("overdue")).isEmpty();
        assertThat(episode.get("faceToFace").get("withinTheHour").asBoolean()).isFalse();
    }

    @Test
    void afterTheEndTheDebriefWithThePeerClosesTheEpisodeOnTheBoardAndThePersonAddsTheirAccount() {
        String caseId = admittedCase("1990-05-01", "person");
        String id = start(caseId, Scenarios.seclusion(null));
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/restrictions/" + id + "/face-to-face",
                "{\"findings\": \"settled\"}").status()).isEqualTo(204);
        assertThat(nurse.post("/api/cases/" + caseId + "/restrictions/" + id + "/monitoring",
                "{\"observation\": \"sitting, breathing easily\"}").status()).isEqualTo(204);
        assertThat(nurse.post("/api/cases/" + caseId + "/restrictions/" + id + "/end", "{}").status()).isEqualTo(204);
        JsonNode row = boardRow(nurse, caseId);
        assertThat(row.get("restrictions").get(0).get("debriefDueBy").isNull()).isFalse();
        assertThat(row.get("personsVoice").isNull()).isTrue();

        Api.Response noPeer = nurse.post("/api/cases/" + caseId + "/restrictions/" + id + "/debrief",
                "{\"teamAccount\": \"t\", \"whatToChange\": \"c\"}");
        assertThat(noPeer.status()).isEqualTo(400);
        assertThat(fields(noPeer)).contains("peerId");
        assertThat(peer.post("/api/cases/" + caseId + "/restrictions/" + id + "/debrief", """
                {"peerId": "peer", "personsAccount": "I was frightened", "teamAccount": "escalation at handover",
                 "whatToChange": "comfort room first"}""").status()).isEqualTo(204);
        assertThat(boardRow(nurse, caseId).get("restrictions")).isEmpty();

        assertThat(nurse.post("/api/cases/" + caseId + "/restrictions/" + id + "/persons-account",
                "{\"account\": \"written for them\"}").status()).isEqualTo(403);
        assertThat(person.post("/api/cases/" + caseId + "/restrictions/" + id + "/persons-account",
                "{\"account\": \"nobody told me why\", \"whatWouldHaveHelped\": \"my headphones\"}").status()).isEqualTo(204);
        JsonNode mine = person.get("/api/cases/" + caseId + "/restrictions/" + id).body();
        assertThat(mine.get("personsAccounts").get(0).get("account").asText()).isEqualTo("nobody told me why");
        assertThat(mine.get("debrief").get("peerId").asText()).isEqualTo("peer");
    }

    @Test
    void thePersonThePeerAndTheTeamRecordCoercionAndThePersonAnswers() {
        String caseId = admittedCase("1990-05-01", "person");
        Api.Response byPerson = person.post("/api/cases/" + caseId + "/coercion-events",
                "{\"kind\": \"LEVERAGE_HOUSING\", \"whatHappened\": \"told my room depends on the shot\"}");
        assertThat(byPerson.status()).as(byPerson.raw().body()).isEqualTo(201);
        Api.Response byPeer = peer.post("/api/cases/" + caseId + "/coercion-events",
                "{\"kind\": \"THREAT_OF_INVOLUNTARY_MEASURES\", \"whatHappened\": \"a hold was mentioned at rounds\"}");
        assertThat(byPeer.status()).isEqualTo(201);
        assertThat(person.post("/api/cases/" + caseId + "/coercion-events/" + byPeer.body().get("id").asText()
                + "/persons-account", "{\"account\": \"it felt like a threat\"}").status()).isEqualTo(204);

        JsonNode ledger = psychiatrist.get("/api/cases/" + caseId + "/coercion-events").body();
        assertThat(ledger).hasSize(2);
        JsonNode peers = StreamSupport.stream(ledger.spliterator(), false)
                .filter(e -> e.get("kind").asText().equals("THREAT_OF_INVOLUNTARY_MEASURES")).findFirst().orElseThrow();
        assertThat(peers.get("personsAccounts").get(0).get("text").asText()).isEqualTo("it felt like a threat");
        assertThat(StreamSupport.stream(ledger.spliterator(), false).anyMatch(e -> e.get("recordedByPersonServed").asBoolean())).isTrue();

        Api.Response badKind = peer.post("/api/cases/" + caseId + "/coercion-events", "{\"whatHappened\": \"x\"}");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(fields(badKind)).contains("kind");
        assertThat(Api.as(port, "peer2").get("/api/cases/" + caseId + "/coercion-events").status()).isIn(403, 404);
    }

    @Test
    void leaveIsPartOfTheStay() {
        String caseId = admittedCase("1990-05-01", null);
        assertThat(nurse.post("/api/cases/" + caseId + "/leave", "{}").status()).isEqualTo(204);
        assertThat(nurse.post("/api/cases/" + caseId + "/leave", "{}").status()).isEqualTo(409);
        assertThat(nurse.post("/api/cases/" + caseId + "/return", "{}").status()).isEqualTo(204);
        JsonNode stay = nurse.get("/api/cases/" + caseId).body().get("stays").get(0);
        assertThat(stay.get("leaves")).hasSize(1);
        assertThat(stay.get("leaves").get(0).get("returnedAt").isNull()).isFalse();
    }

    static List<String> fields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = response.body().get("errors");
        if (errors != null) {
            errors.forEach(e -> fields.add(e.get("field").asText()));
        }
        return fields;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
