package org.dyad.web.consent;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.web.support.Api;
import org.dyad.web.support.DyadWebTest;
import org.dyad.web.support.Scenarios;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@DyadWebTest
class DisclosureFlowTest {

    @LocalServerPort
    int port;

    @Test
    void aPeerSharesOnlyUnderThePersonsConsentAndEverySharingIsAccountedFor() {
        Api psychiatrist = Api.as(port, "psychiatrist");
        Api peer = Api.as(port, "peer");
        Api person = Api.as(port, "person");
        String caseId = person.get("/api/cases").body().get(0).get("id").asText();

        String asked = request(psychiatrist, caseId, "SUD_PART2", "TREATMENT", "What did they say about drinking?");
        assertThat(boardRow(peer, caseId).get("openDisclosureRequests").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(boardRow(psychiatrist, caseId).get("openDisclosureRequests").asInt()).isZero();
        assertThat(boardRow(peer, caseId).has("openRequestsByHolder") && !boardRow(peer, caseId).get("openRequestsByHolder").isNull())
                .as("who else is asked is never revealed").isFalse();

        assertThat(requestSeenBy(peer, caseId, asked).get("coveredByConsent").asBoolean()).isFalse();
        Api.Response withoutConsent = peer.post(path(caseId, asked, "share"), "{\"whatIsShared\": \"Two drinks a week.\"}");
        assertThat(withoutConsent.status()).isEqualTo(409);
        assertThat(withoutConsent.body().get("detail").asText()).contains("not consented");

        String consentId = Scenarios.grant(person, caseId, "STAFF", "psychiatrist", LocalDate.now(org.dyad.web.support.TestClockConfig.UNIT_ZONE).plusDays(90));
        assertThat(requestSeenBy(peer, caseId, asked).get("coveredByConsent").asBoolean()).isTrue();
        assertThat(peer.post(path(caseId, asked, "share"), "{\"whatIsShared\": \"Two drinks a week.\"}").status()).isEqualTo(204);

        JsonNode accounting = person.get("/api/me/accounting").body();
        JsonNode entry = null;
        for (JsonNode e : accounting) {
            if (e.get("disclosureId").asText().equals(asked)) {
                entry = e;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("recipientId").asText()).isEqualTo("psychiatrist");
        assertThat(entry.get("purpose").asText()).isEqualTo("TREATMENT");
        assertThat(entry.get("whatWasShared").asText()).isEqualTo("Two drinks a week.");
        assertThat(entry.get("consentId").asText()).isEqualTo(consentId);
        assertThat(entry.get("redisclosureNotice").asText()).contains("42 CFR part 2");
        // On the care team, the nurse sees that it was shared but not what: the consent names only the psychiatrist.
        String nursesView = Api.as(port, "nurse").get("/api/cases/" + caseId + "/disclosures/accounting").raw().body();
        assertThat(nursesView).contains(asked).contains("protected (42 CFR Part 2)").doesNotContain("Two drinks a week.");
        assertThat(psychiatrist.get("/api/cases/" + caseId + "/disclosures/accounting").raw().body()).contains("Two drinks a week.");

        assertThat(person.post("/api/cases/" + caseId + "/consents/" + consentId + "/revoke", null).status()).isEqualTo(204);
        String again = request(psychiatrist, caseId, "SUD_PART2", "TREATMENT", "Anything new?");
        Api.Response afterRevocation = peer.post(path(caseId, again, "share"), "{\"whatIsShared\": \"More.\"}");
        assertThat(afterRevocation.status()).isEqualTo(409);
        assertThat(person.get("/api/me/consents").body().toString()).contains("REVOKED");
    }

    @Test
    void aDeclineNeedsNoReasonIsShownAsRespectedAndCannotBeOverridden() {
        Api psychiatrist = Api.as(port, "psychiatrist");
        Api peer = Api.as(port, "peer");
        String caseId = Api.as(port, "person").get("/api/cases").body().get(0).get("id").asText();
        String asked = request(psychiatrist, caseId, "PEER_CONFIDENTIAL", "CARE_COORDINATION", "What worries them most?");

        assertThat(peer.post(path(caseId, asked, "decline"), null).status()).isEqualTo(204);
        JsonNode mine = psychiatrist.get("/api/cases/" + caseId + "/disclosures").body();
        JsonNode declined = null;
        for (JsonNode d : mine) {
            if (d.get("disclosureId").asText().equals(asked)) {
                declined = d;
            }
        }
        assertThat(declined.get("status").asText()).isEqualTo("DECLINED");
        assertThat(declined.get("outcomeInWords").asText()).isEqualTo("held in confidence");

        assertThat(peer.post(path(caseId, asked, "share"), "{\"whatIsShared\": \"x\"}").status()).isEqualTo(409);
        Api.Response override = psychiatrist.post(path(caseId, asked, "decline"), null);
        assertThat(override.status()).isEqualTo(409);
        assertThat(override.body().get("detail").asText()).contains("Only the person holding the information");
    }

    @Test
    void badInputOnEveryNewEndpointNamesTheFieldAndStoresNothing() {
        Api psychiatrist = Api.as(port, "psychiatrist");
        Api person = Api.as(port, "person");
        String caseId = person.get("/api/cases").body().get(0).get("id").asText();
        int consentsBefore = person.get("/api/me/consents").body().size();

        Api.Response noRevocationRight = person.post("/api/cases/" + caseId + "/consents", """
                {"discloser": "x", "recipients": [{"kind": "ROLE", "id": "NURSE"}], "categories": ["GENERAL"],
                 "purposes": ["TREATMENT"], "expiresOn": "2030-01-01", "signedBy": "me", "signedOn": "%s",
                 "rightToRevokeAcknowledged": false}""".formatted(LocalDate.now(org.dyad.web.support.TestClockConfig.UNIT_ZONE)));
        assertThat(fields(noRevocationRight)).containsExactly("rightToRevokeAcknowledged");
        Api.Response noExpiry = person.post("/api/cases/" + caseId + "/consents", """
                {"discloser": "x", "recipients": [{"kind": "ROLE", "id": "NURSE"}], "categories": ["GENERAL"],
                 "purposes": ["TREATMENT"], "signedBy": "me", "signedOn": "%s", "rightToRevokeAcknowledged": true}"""
                .formatted(LocalDate.now(org.dyad.web.support.TestClockConfig.UNIT_ZONE)));
        assertThat(fields(noExpiry)).containsExactly("expiresOn");
        Api.Response empty = person.post("/api/cases/" + caseId + "/consents", "{}");
        assertThat(fields(empty)).contains("discloser", "recipients", "categories", "purposes", "signedBy", "signedOn");
        Api.Response badCategory = person.post("/api/cases/" + caseId + "/consents", """
                {"categories": ["SECRETS"]}""");
        assertThat(fields(badCategory)).containsExactly("categories[0]");
        assertThat(person.get("/api/me/consents").body().size()).isEqualTo(consentsBefore);

        Api.Response noHolder = psychiatrist.post("/api/cases/" + caseId + "/disclosures",
                "{\"category\": \"GENERAL\", \"purpose\": \"TREATMENT\", \"whatIsAsked\": \"x\"}");
        assertThat(fields(noHolder)).containsExactly("holderId");
        Api.Response strangerHolder = psychiatrist.post("/api/cases/" + caseId + "/disclosures",
                "{\"holderId\": \"peer2\", \"category\": \"GENERAL\", \"purpose\": \"TREATMENT\", \"whatIsAsked\": \"x\"}");
        assertThat(fields(strangerHolder)).containsExactly("holderId");
        Api.Response badPurpose = psychiatrist.post("/api/cases/" + caseId + "/disclosures",
                "{\"holderId\": \"peer\", \"category\": \"GENERAL\", \"purpose\": \"CURIOSITY\", \"whatIsAsked\": \"x\"}");
        assertThat(fields(badPurpose)).containsExactly("purpose");
        String asked = request(psychiatrist, caseId, "GENERAL", "TREATMENT", "x");
        assertThat(fields(Api.as(port, "peer").post(path(caseId, asked, "share"), "{}"))).containsExactly("whatIsShared");

        assertThat(Api.as(port, "nurse").get("/api/me/accounting").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/cases/" + caseId + "/consents").status()).isEqualTo(401);
        assertThat(Api.as(port, "psychiatrist2").get("/api/cases/" + caseId + "/consents").status()).isEqualTo(403);
    }

    private static String request(Api api, String caseId, String category, String purpose, String what) {
        Api.Response created = api.post("/api/cases/" + caseId + "/disclosures", """
                {"holderId": "peer", "category": "%s", "purpose": "%s", "whatIsAsked": "%s"}"""
                .formatted(category, purpose, what));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static JsonNode requestSeenBy(Api api, String caseId, String disclosureId) {
        for (JsonNode d : api.get("/api/cases/" + caseId + "/disclosures").body()) {
            if (d.get("disclosureId").asText().equals(disclosureId)) {
                return d;
            }
        }
        throw new AssertionError("no request " + disclosureId);
    }

    private static JsonNode boardRow(Api api, String caseId) {
        for (JsonNode row : api.get("/api/boards/north").body().get("rows")) {
            if (row.get("caseId").asText().equals(caseId)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + caseId);
    }

    private static java.util.List<String> fields(Api.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
        java.util.List<String> names = new java.util.ArrayList<>();
        response.body().get("errors").forEach(e -> names.add(e.get("field").asText()));
        return names.stream().distinct().toList();
    }

    private static String path(String caseId, String disclosureId, String verb) {
        return "/api/cases/" + caseId + "/disclosures/" + disclosureId + "/" + verb;
    }
}
