package org.dyad.web.cotreatment;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.web.support.Api;
import org.dyad.web.support.DyadWebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DyadWebTest
class SessionFlowTest {

    @LocalServerPort
    int port;

    Api psychiatrist;
    Api peer;
    String caseId;

    @BeforeEach
    void aCaseWithADyad() {
        psychiatrist = Api.as(port, "psychiatrist");
        peer = Api.as(port, "peer");
        caseId = psychiatrist.openCase("Sam Sessions", "north");
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/care-team", "{\"userId\": \"peer\"}").status()).isEqualTo(204);
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/dyad",
                "{\"peerId\": \"peer\", \"psychiatristId\": \"psychiatrist\"}").status()).isEqualTo(204);
    }

    @Test
    void allThreeTogetherIsCoTreatmentEachSignsTheirOwnNoteAndThePeerMayDiffer() {
        Instant t0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String sessionId = schedule(t0);
        assertThat(caseOf().get("nextSession").get("sessionId").asText()).isEqualTo(sessionId);

        post(sessionId, "start", at(t0));
        post(sessionId, "join", "{\"participant\": \"person\", \"at\": \"" + t0 + "\"}");
        post(sessionId, "join", "{\"participant\": \"peer\", \"at\": \"" + t0.plusSeconds(60) + "\"}");
        post(sessionId, "join", "{\"participant\": \"psychiatrist\", \"at\": \"" + t0.plusSeconds(120) + "\"}");
        post(sessionId, "join", "{\"supporterName\": \"Robin (sister)\", \"at\": \"" + t0.plusSeconds(120) + "\"}");
        post(sessionId, "end", at(t0.plusSeconds(3000)));

        JsonNode session = psychiatrist.get("/api/cases/" + caseId + "/sessions/" + sessionId).body();
        assertThat(session.get("status").asText()).isEqualTo("ENDED");
        assertThat(session.get("kind").asText()).isEqualTo("CO_TREATMENT");
        assertThat(session.get("kindInWords").asText()).isEqualTo("co-treatment session");
        assertThat(session.get("sameDayServicesByBoth").asBoolean()).isTrue();
        assertThat(session.get("attendance")).hasSize(4);
        assertThat(caseOf().get("nextSession").isNull()).isTrue();

        assertThat(psychiatrist.post(path(sessionId, "notes"), "{\"text\": \"Discussed sleep; options to weigh.\"}").status()).isEqualTo(204);
        assertThat(psychiatrist.post(path(sessionId, "notes/sign"), null).status()).isEqualTo(204);
        assertThat(peer.post(path(sessionId, "notes"), "{\"text\": \"Sam wants to try the walking group first.\"}").status()).isEqualTo(204);

        Api.Response coSign = peer.post(path(sessionId, "notes/psychiatrist/co-sign"), null);
        assertThat(coSign.status()).isEqualTo(409);
        assertThat(coSign.body().get("detail").asText()).contains("signs only their own note", "not a co-signer or messenger");

        assertThat(psychiatrist.post(path(sessionId, "notes"), "{\"text\": \"rewritten\"}").status()).isEqualTo(409);
        Api.Response noReason = psychiatrist.post(path(sessionId, "notes/amend"), "{\"text\": \"corrected\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.raw().body()).contains("reason");
        assertThat(psychiatrist.post(path(sessionId, "notes/amend"),
                "{\"text\": \"Discussed sleep and work.\", \"reason\": \"left out work\"}").status()).isEqualTo(204);

        assertThat(peer.post(path(sessionId, "differing-view"),
                "{\"text\": \"I heard Sam say medication is not what they want now.\"}").status()).isEqualTo(204);
        assertThat(psychiatrist.post(path(sessionId, "differing-view"), "{\"text\": \"mine\"}").status()).isEqualTo(409);

        JsonNode written = psychiatrist.get("/api/cases/" + caseId + "/sessions/" + sessionId).body();
        assertThat(written.get("notes")).hasSize(2);
        JsonNode doctorsNote = written.get("notes").get(0).get("authorId").asText().equals("psychiatrist")
                ? written.get("notes").get(0) : written.get("notes").get(1);
        assertThat(doctorsNote.get("text").asText()).isEqualTo("Discussed sleep and work.");
        assertThat(doctorsNote.get("amendments").get(0).get("reason").asText()).isEqualTo("left out work");
        assertThat(doctorsNote.get("amendments").get(0).get("previousText").asText()).isEqualTo("Discussed sleep; options to weigh.");
        assertThat(written.get("differingViews").get(0).get("text").asText()).contains("medication is not what they want");
    }

    @Test
    void withoutThePeerItIsAPsychiatryVisitNotCoTreatment() {
        Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String sessionId = schedule(t0);
        post(sessionId, "start", at(t0));
        post(sessionId, "join", "{\"participant\": \"person\", \"at\": \"" + t0 + "\"}");
        post(sessionId, "join", "{\"participant\": \"psychiatrist\", \"at\": \"" + t0 + "\"}");
        post(sessionId, "end", at(t0.plusSeconds(1200)));

        JsonNode session = psychiatrist.get("/api/cases/" + caseId + "/sessions/" + sessionId).body();
        assertThat(session.get("kind").asText()).isEqualTo("PSYCHIATRY_VISIT_PEER_ABSENT");
        assertThat(session.get("kindInWords").asText()).isEqualTo("psychiatry visit, peer absent");
        assertThat(session.get("sameDayServicesByBoth").asBoolean()).isFalse();
    }

    @Test
    void sessionsNeedADyadAndBelongToTheCareTeam() {
        String noDyad = psychiatrist.openCase("No Dyad Yet", "north");
        Api.Response refused = psychiatrist.post("/api/cases/" + noDyad + "/sessions", "{\"scheduledFor\": \"2030-01-01T10:00:00Z\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("form the dyad first");

        Api.Response missing = psychiatrist.post("/api/cases/" + caseId + "/sessions", "{\"place\": \"Room 2\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.raw().body()).contains("scheduledFor");

        assertThat(Api.as(port, "nurse").get("/api/cases/" + caseId + "/sessions").status()).isEqualTo(403);
        assertThat(Api.as(port, "psychiatrist2").get("/api/cases/" + caseId + "/sessions").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/cases/" + caseId + "/sessions").status()).isEqualTo(401);
        assertThat(psychiatrist.get("/api/cases/" + caseId + "/sessions").status()).isEqualTo(200);

        String sessionId = schedule(Instant.now().plus(1, ChronoUnit.DAYS));
        Api.Response future = psychiatrist.post(path(sessionId, "start"), "{\"at\": \"2999-01-01T00:00:00Z\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.raw().body()).contains("\"field\":\"at\"");
        assertThat(psychiatrist.get("/api/cases/" + caseId + "/sessions/" + sessionId).body().get("status").asText())
                .isEqualTo("SCHEDULED");
    }

    private String schedule(Instant when) {
        Api.Response created = psychiatrist.post("/api/cases/" + caseId + "/sessions",
                "{\"scheduledFor\": \"" + when + "\", \"place\": \"Room 4, north\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private void post(String sessionId, String verb, String body) {
        Api.Response response = psychiatrist.post(path(sessionId, verb), body);
        assertThat(response.status()).as(verb + ": " + response.raw().body()).isEqualTo(204);
    }

    private String path(String sessionId, String verb) {
        return "/api/cases/" + caseId + "/sessions/" + sessionId + "/" + verb;
    }

    private JsonNode caseOf() {
        return psychiatrist.get("/api/cases/" + caseId).body();
    }

    private static String at(Instant at) {
        return "{\"at\": \"" + at + "\"}";
    }
}
