package org.dyad.web.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Small stories several tests set up the same way. */
public final class Scenarios {

    private Scenarios() {
    }

    /** A consent for every category, for treatment, to one recipient; returns its id. */
    public static String grant(Api api, String caseId, String kind, String id, LocalDate until) {
        Api.Response granted = api.post("/api/cases/" + caseId + "/consents", """
                {"discloser": "the care team", "recipients": [{"kind": "%s", "id": "%s"}],
                 "categories": ["PEER_CONFIDENTIAL", "PSYCHIATRIC", "SUD_PART2", "GENERAL"],
                 "purposes": ["TREATMENT"], "expiresOn": "%s", "signedBy": "the person", "signedOn": "%s",
                 "rightToRevokeAcknowledged": true}""".formatted(kind, id, until, LocalDate.now(org.dyad.web.support.TestClockConfig.UNIT_ZONE)));
        assertThat(granted.status()).as(granted.raw().body()).isEqualTo(201);
        return granted.body().get("id").asText();
    }

    /** A started session on the case in which the peer has written one note of {@code category}. */
    public static String sessionWithPeerNote(Api psychiatrist, Api peer, String caseId, String category, String text) {
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Api.Response created = psychiatrist.post("/api/cases/" + caseId + "/sessions", "{\"scheduledFor\": \"" + at + "\"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String sessionId = created.body().get("id").asText();
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/sessions/" + sessionId + "/start", "{\"at\": \"" + at + "\"}")
                .status()).isEqualTo(204);
        Api.Response note = peer.post("/api/cases/" + caseId + "/sessions/" + sessionId + "/notes",
                "{\"text\": \"" + text + "\", \"category\": \"" + category + "\"}");
        assertThat(note.status()).as(note.raw().body()).isEqualTo(204);
        return sessionId;
    }

    /** The body that starts a seclusion ordered by the psychiatrist; {@code startedAt} null for now. */
    public static String seclusion(String startedAt) {
        return """
                {"kind": "SECLUSION", "imminentRisk": "threw a chair at a window",
                 "alternativesTried": ["offered the comfort room", "talked with the peer"],
                 "order": {"prescriberId": "psychiatrist"}%s}""".formatted(startedAt == null ? "" : ", \"startedAt\": \"" + startedAt + "\"");
    }
}
