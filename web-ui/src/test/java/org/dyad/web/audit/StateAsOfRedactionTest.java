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

/** The state as of a point keeps what the person never agreed to share redacted, as the timeline does, and shows it exists. */
@DyadWebTest
class StateAsOfRedactionTest {

    @LocalServerPort
    int port;

    @Test
    void anAuditorSeesThatAConfidenceExistsInTheStateButNotWhatItSays() {
        Api psychiatrist = Api.as(port, "psychiatrist");
        Api peer = Api.as(port, "peer");
        Api auditor = Api.as(port, "auditor");
        String caseId = psychiatrist.openCase("Quiet Confidence", "north");
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/care-team", "{\"userId\": \"peer\"}").status()).isEqualTo(204);
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/dyad",
                "{\"peerId\": \"peer\", \"psychiatristId\": \"psychiatrist\"}").status()).isEqualTo(204);
        String secret = "state-secret " + UUID.randomUUID();
        String asked = "asked-secret " + UUID.randomUUID();
        Scenarios.sessionWithPeerNote(psychiatrist, peer, caseId, "PEER_CONFIDENTIAL", secret);
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/disclosures", """
                {"holderId": "peer", "category": "PEER_CONFIDENTIAL", "purpose": "TREATMENT", "whatIsAsked": "%s"}"""
                .formatted(asked)).status()).isEqualTo(201);

        Api.Response state = auditor.get("/api/audit/cases/" + caseId + "/state");
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.raw().body()).doesNotContain(secret).doesNotContain(asked);
        JsonNode note = state.body().get("state").get("sessions").get(0).get("notes").get(0);
        assertThat(note.get("authorId").asText()).isEqualTo("peer");
        assertThat(note.get("withheld").asBoolean()).isTrue();
        assertThat(note.get("text").asText()).isEqualTo("peer note — confidential");
        JsonNode request = state.body().get("state").get("disclosures").get(0);
        assertThat(request.get("withheld").asBoolean()).isTrue();
        assertThat(request.get("whatIsAsked").asText()).isEqualTo("peer note — confidential");
        assertThat(request.get("holderId").asText()).isEqualTo("peer");

        Scenarios.grant(psychiatrist, caseId, "ROLE", "AUDITOR", LocalDate.now(org.dyad.web.support.TestClockConfig.UNIT_ZONE).plusDays(10));
        Api.Response agreed = auditor.get("/api/audit/cases/" + caseId + "/state");
        assertThat(agreed.raw().body()).contains(secret).contains(asked);
        assertThat(agreed.body().get("state").get("sessions").get(0).get("notes").get(0).get("withheld").asBoolean()).isFalse();
        assertThat(auditor.get("/api/audit/access-log?caseId=" + caseId).raw().body())
                .contains("\"channel\":\"REPLAY\"").contains("note by peer");
    }
}
