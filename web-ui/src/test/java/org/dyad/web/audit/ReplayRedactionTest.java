package org.dyad.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.web.support.Api;
import org.dyad.web.support.DyadWebTest;
import org.dyad.web.support.Scenarios;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The auditor replays a case; a peer's confidence stays redacted unless the person agreed, its trace remains. */
@DyadWebTest
class ReplayRedactionTest {

    @LocalServerPort
    int port;

    @Test
    void anAuditorSeesThatAConfidenceExistsButNotWhatItSaysUntilThePersonAgrees() {
        Api psychiatrist = Api.as(port, "psychiatrist");
        Api peer = Api.as(port, "peer");
        Api person = Api.as(port, "person");
        Api auditor = Api.as(port, "auditor");
        String caseId = person.get("/api/cases").body().get(0).get("id").asText();
        String secret = "replay-secret " + UUID.randomUUID();
        String sessionId = Scenarios.sessionWithPeerNote(psychiatrist, peer, caseId, "PEER_CONFIDENTIAL", secret);

        Api.Response replay = auditor.get("/api/audit/cases/" + caseId + "/events");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.raw().body()).doesNotContain(secret);
        JsonNode note = noteBy(replay.body(), sessionId, "peer");
        assertThat(note.get("redacted").asBoolean()).isTrue();
        assertThat(note.get("payload").isNull()).isTrue();
        assertThat(note.get("placeholder").asText()).isEqualTo("peer note — confidential");
        assertThat(note.get("actorId").asText()).isEqualTo("peer");
        assertThat(note.get("hash").asText()).hasSize(64);
        assertThat(note.get("at").asText()).isNotBlank();
        assertThat(replay.body().get(0).get("eventType").asText()).isNotBlank();

        Scenarios.grant(person, caseId, "ROLE", "AUDITOR", LocalDate.now(org.dyad.web.support.TestClockConfig.UNIT_ZONE).plusDays(10));
        Api.Response agreed = auditor.get("/api/audit/cases/" + caseId + "/events");
        assertThat(agreed.raw().body()).contains(secret);
        assertThat(noteBy(agreed.body(), sessionId, "peer").get("redacted").asBoolean()).isFalse();
        assertThat(auditor.get("/api/audit/access-log?caseId=" + caseId).raw().body()).contains("\"channel\":\"REPLAY\"");

        assertThat(psychiatrist.get("/api/audit/cases/" + caseId + "/events").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/audit/cases/" + caseId + "/events").status()).isEqualTo(401);
    }

    private static JsonNode noteBy(JsonNode timeline, String sessionId, String author) {
        for (JsonNode entry : timeline) {
            if (entry.get("aggregateId").asText().equals(sessionId) && entry.get("eventType").asText().equals("NoteWritten")
                    && entry.get("actorId").asText().equals(author)) {
                return entry;
            }
        }
        throw new AssertionError("no note by " + author + " in " + timeline);
    }
}
