package org.dyad.web.consent;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.web.support.Api;
import org.dyad.web.support.BoardScreen;
import org.dyad.web.support.DyadWebTest;
import org.dyad.web.support.Scenarios;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every cell of viewers × sensitivity categories × consent states × channels: the peer writes one note of each
 * category on four cases whose consent is absent, active, expired or revoked. The expected outcome comes from this
 * test's own reading of the rules, not from the policy under test. Zero leaks.
 */
@DyadWebTest
class AccessMatrixTest {

    enum ConsentState { NONE, ACTIVE, EXPIRED, REVOKED }

    enum Outcome { READS, PLACEHOLDER, REFUSED }

    static final List<String> CATEGORIES = List.of("PEER_CONFIDENTIAL", "PSYCHIATRIC", "SUD_PART2", "GENERAL");

    /** Viewer → how they relate to the cases: author, care team, person, unit staff off the team, other unit, auditor. */
    static final Map<String, String> VIEWERS = new LinkedHashMap<>();

    static {
        VIEWERS.put("peer", "author");
        VIEWERS.put("psychiatrist", "team");
        VIEWERS.put("nurse", "team");
        VIEWERS.put("person", "person");
        VIEWERS.put("matrix-nurse-off", "unit");
        VIEWERS.put("psychiatrist2", "otherUnit");
        VIEWERS.put("auditor", "auditor");
    }

    @LocalServerPort
    int port;

    /** The rules, said once more in the test's own words. */
    static Outcome expected(String relation, String category, ConsentState consent) {
        return switch (relation) {
            case "author", "person" -> Outcome.READS;
            case "team" -> switch (category) {
                case "GENERAL", "PSYCHIATRIC" -> Outcome.READS;
                default -> consent == ConsentState.ACTIVE ? Outcome.READS : Outcome.PLACEHOLDER;
            };
            default -> Outcome.REFUSED;
        };
    }

    @Test
    void everyViewerSeesExactlyWhatThePersonAllowedThroughEveryChannel() throws Exception {
        Api psychiatrist = Api.as(port, "psychiatrist");
        Api peer = Api.as(port, "peer");
        Api.as(port, "admin").post("/api/admin/users", """
                {"userId": "matrix-nurse-off", "displayName": "Off-team Nurse", "role": "NURSE", "unit": "north",
                 "password": "long-enough"}""");
        Map<String, Api> viewers = new LinkedHashMap<>();
        VIEWERS.keySet().forEach(user -> viewers.put(user, user.equals("matrix-nurse-off")
                ? Api.withPassword(port, user, "long-enough") : Api.as(port, user)));

        try (BoardScreen nurseBoard = BoardScreen.open(port, "nurse", "north", null);
             BoardScreen offTeamBoard = BoardScreen.openWithPassword(port, "matrix-nurse-off", "long-enough", "north")) {
            nurseBoard.receipt.get(5, TimeUnit.SECONDS);
            offTeamBoard.receipt.get(5, TimeUnit.SECONDS);

            record Cell(String caseId, String sessionId, String category, ConsentState consent, String text) {
            }
            List<Cell> cells = new ArrayList<>();
            String personsCase = viewers.get("person").get("/api/cases").body().get(0).get("id").asText();
            for (ConsentState state : ConsentState.values()) {
                String caseId = state == ConsentState.NONE ? personsCase : openCaseFor(psychiatrist, state);
                for (String category : CATEGORIES) {
                    String sessionId = Scenarios.sessionWithPeerNote(psychiatrist, peer, caseId, category,
                            "matrix-" + state + "-" + category + " words only the allowed may read");
                    cells.add(new Cell(caseId, sessionId, category, state,
                            "matrix-" + state + "-" + category + " words only the allowed may read"));
                }
                grantAndEnd(caseId, state, psychiatrist);
            }

            int checked = 0;
            for (Cell cell : cells) {
                for (Map.Entry<String, String> viewer : VIEWERS.entrySet()) {
                    String relation = viewer.getValue();
                    // The person's own case stands in for "no consent"; the other three are not theirs.
                    if (relation.equals("person") && cell.consent() != ConsentState.NONE) {
                        relation = "stranger";
                    }
                    Outcome want = expected(relation, cell.category(), cell.consent());
                    Api.Response read = viewers.get(viewer.getKey())
                            .get("/api/cases/" + cell.caseId() + "/sessions/" + cell.sessionId());
                    String body = read.raw().body();
                    String where = viewer.getKey() + " × " + cell.category() + " × " + cell.consent();
                    switch (want) {
                        case READS -> {
                            assertThat(read.status()).as(where).isEqualTo(200);
                            assertThat(body).as(where).contains(cell.text());
                        }
                        case PLACEHOLDER -> {
                            assertThat(read.status()).as(where).isEqualTo(200);
                            assertThat(body).as(where).doesNotContain(cell.text()).contains("\"withheld\":true");
                        }
                        case REFUSED -> {
                            assertThat(read.status()).as(where).isIn(403, 404);
                            assertThat(body).as(where).doesNotContain(cell.text());
                        }
                    }
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(CATEGORIES.size() * ConsentState.values().length * VIEWERS.size());

            // Every sensitive read by someone other than the author and the person is on the auditors' record.
            Cell confidentialUnderConsent = cells.stream().filter(c -> c.consent() == ConsentState.ACTIVE
                    && c.category().equals("PEER_CONFIDENTIAL")).findFirst().orElseThrow();
            JsonNode log = viewers.get("auditor").get("/api/audit/access-log?caseId=" + confidentialUnderConsent.caseId()).body();
            assertThat(log.toString()).contains("\"viewerId\":\"nurse\"", "\"viewerId\":\"psychiatrist\"",
                    "\"category\":\"PEER_CONFIDENTIAL\"", "\"channel\":\"REST\"", confidentialUnderConsent.sessionId());
            assertThat(log.toString()).doesNotContain("\"viewerId\":\"peer\"");
            assertThat(viewers.get("psychiatrist").get("/api/audit/access-log?caseId=" + confidentialUnderConsent.caseId())
                    .status()).isEqualTo(403);

            // STOMP: boards and case signals carry no note content to anyone, whatever the consent.
            await().atMost(Duration.ofSeconds(5)).until(() -> nurseBoard.latest() != null && offTeamBoard.latest() != null);
            for (Cell cell : cells) {
                assertThat(nurseBoard.boards.toString()).doesNotContain(cell.text());
                assertThat(offTeamBoard.boards.toString()).doesNotContain(cell.text());
            }
        }
    }

    @Test
    void revokingWhileAScreenIsOpenWithdrawsTheContentAtOnce() throws Exception {
        Api psychiatrist = Api.as(port, "psychiatrist");
        Api peer = Api.as(port, "peer");
        Api person = Api.as(port, "person");
        String caseId = person.get("/api/cases").body().get(0).get("id").asText();
        String text = "revocation-matrix: what the peer heard in confidence";
        String sessionId = Scenarios.sessionWithPeerNote(psychiatrist, peer, caseId, "PEER_CONFIDENTIAL", text);
        String consentId = Scenarios.grant(person, caseId, "ROLE", "PSYCHIATRIST", LocalDate.now(org.dyad.web.support.TestClockConfig.UNIT_ZONE).plusDays(30));
        assertThat(psychiatrist.get("/api/cases/" + caseId + "/sessions/" + sessionId).raw().body()).contains(text);

        try (BoardScreen casePage = BoardScreen.follow(port, "psychiatrist", caseId)) {
            casePage.receipt.get(5, TimeUnit.SECONDS);
            int before = casePage.boards.size();
            assertThat(person.post("/api/cases/" + caseId + "/consents/" + consentId + "/revoke", null).status()).isEqualTo(204);
            assertThat(psychiatrist.get("/api/cases/" + caseId + "/sessions/" + sessionId).raw().body()).doesNotContain(text);
            await().atMost(Duration.ofSeconds(1)).until(() -> casePage.boards.size() > before);
            assertThat(casePage.boards.toString()).doesNotContain(text);
        }
    }

    private String openCaseFor(Api psychiatrist, ConsentState state) {
        String caseId = psychiatrist.openCase("Matrix " + state, "north");
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/care-team", "{\"userId\": \"peer\"}").status()).isEqualTo(204);
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/care-team", "{\"userId\": \"nurse\"}").status()).isEqualTo(204);
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/dyad",
                "{\"peerId\": \"peer\", \"psychiatristId\": \"psychiatrist\"}").status()).isEqualTo(204);
        return caseId;
    }

    /** Consent for the team's roles to read every category for treatment; then left active, expired or revoked. */
    private void grantAndEnd(String caseId, ConsentState state, Api recorder) {
        if (state == ConsentState.NONE) {
            return;
        }
        Scenarios.grant(recorder, caseId, "ROLE", "PSYCHIATRIST", LocalDate.now(org.dyad.web.support.TestClockConfig.UNIT_ZONE).plusDays(30));
        Scenarios.grant(recorder, caseId, "ROLE", "NURSE", LocalDate.now(org.dyad.web.support.TestClockConfig.UNIT_ZONE).plusDays(30));
        if (state == ConsentState.EXPIRED) {
            for (JsonNode consent : recorder.get("/api/cases/" + caseId + "/consents").body()) {
                assertThat(recorder.post("/api/cases/" + caseId + "/consents/" + consent.get("consentId").asText() + "/expire",
                        "{\"because\": \"discharge\"}").status()).isEqualTo(204);
            }
        }
        if (state == ConsentState.REVOKED) {
            for (JsonNode consent : recorder.get("/api/cases/" + caseId + "/consents").body()) {
                assertThat(recorder.post("/api/cases/" + caseId + "/consents/" + consent.get("consentId").asText()
                        + "/revoke", null).status()).isEqualTo(204);
            }
        }
    }
}
