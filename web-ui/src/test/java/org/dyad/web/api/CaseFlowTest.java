package org.dyad.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.dyad.web.support.Api;
import org.dyad.web.support.DyadWebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DyadWebTest
class CaseFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    Api psychiatrist;
    Api nurse;

    @BeforeEach
    void signIn() {
        psychiatrist = Api.as(port, "psychiatrist");
        nurse = Api.as(port, "nurse");
    }

    @Test
    void aPsychiatristOpensACaseFormsADyadAndTheBoardShowsIt() {
        Api.Response created = psychiatrist.post("/api/cases", """
                {"preferredName": "Robin Flow", "pronouns": "she/her", "dateOfBirth": "1984-02-29",
                 "setting": "INPATIENT", "unit": "north"}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(created.header("Location")).endsWith("/api/cases/" + id);

        JsonNode opened = psychiatrist.get("/api/cases/" + id).body();
        assertThat(opened.get("preferredName").asText()).isEqualTo("Robin Flow");
        assertThat(opened.get("access").asText()).isEqualTo("FULL");
        assertThat(opened.get("careTeam")).extracting(m -> m.get("userId").asText()).containsExactly("psychiatrist");

        assertThat(psychiatrist.post("/api/cases/" + id + "/care-team", "{\"userId\": \"peer\"}").status()).isEqualTo(204);
        assertThat(psychiatrist.post("/api/cases/" + id + "/dyad",
                "{\"peerId\": \"peer\", \"psychiatristId\": \"psychiatrist\"}").status()).isEqualTo(204);

        JsonNode dyad = psychiatrist.get("/api/cases/" + id).body().get("dyad");
        assertThat(dyad.get("peerName").asText()).isEqualTo("Jordan Reyes");
        assertThat(dyad.get("psychiatristName").asText()).isEqualTo("Dr. Amara Okafor");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode row = rowOn(psychiatrist.get("/api/boards/north").body(), id);
            assertThat(row).isNotNull();
            assertThat(row.get("dyad").get("peerId").asText()).isEqualTo("peer");
        });
    }

    @Test
    void theCareTeamSeesThePersonsOwnWordsAndOtherUnitStaffSeeOnlyASummary() {
        String id = psychiatrist.openCase("Sage Words", "north");
        assertThat(psychiatrist.post("/api/cases/" + id + "/goals", """
                {"whatMattersMost": "My kids, and sleeping again.", "goals": ["sleep six hours"],
                 "personalMedicine": ["cooking dinner"]}""").status()).isEqualTo(204);
        assertThat(psychiatrist.post("/api/cases/" + id + "/advance-directive", """
                {"refusedTreatments": ["haloperidol"], "viewsOnRestraintAndSeclusion": "Never restrain me."}""").status())
                .isEqualTo(204);

        JsonNode full = psychiatrist.get("/api/cases/" + id).body();
        assertThat(full.get("goals").get("whatMattersMost").asText()).isEqualTo("My kids, and sleeping again.");
        assertThat(full.get("advanceDirective").get("refusedTreatments").get(0).asText()).isEqualTo("haloperidol");

        Api.Response summary = nurse.get("/api/cases/" + id);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.body().get("access").asText()).isEqualTo("SUMMARY");
        assertThat(summary.body().get("goals").isNull()).isTrue();
        assertThat(summary.body().get("advanceDirective").isNull()).isTrue();
        assertThat(summary.raw().body()).doesNotContain("haloperidol", "My kids");

        assertThat(Api.as(port, "psychiatrist2").get("/api/cases/" + id).status()).isEqualTo(403);
        assertThat(Api.as(port, "auditor").get("/api/cases/" + id).status()).isEqualTo(403);
        assertThat(Api.as(port, "admin").get("/api/cases/" + id).status()).isEqualTo(403);
        assertThat(Api.as(port, "person").get("/api/cases/" + id).status()).isEqualTo(404);
        assertThat(Api.anonymous(port).get("/api/cases/" + id).status()).isEqualTo(401);
    }

    @Test
    void aRestrictedRecordIsHiddenFromColleaguesByRoleAlone() {
        String id = psychiatrist.openCase("Quinn Colleague", "north");
        assertThat(psychiatrist.post("/api/cases/" + id + "/restrict", "{\"reason\": \"also on staff\"}").status())
                .isEqualTo(204);

        assertThat(nurse.get("/api/cases/" + id).status()).isEqualTo(404);
        assertThat(rowOn(nurse.get("/api/boards/north").body(), id)).isNull();
        assertThat(nurse.get("/api/cases?unit=north").raw().body()).doesNotContain(id);
        assertThat(nurse.post("/api/cases/" + id + "/care-team", "{\"userId\": \"nurse\"}").status()).isEqualTo(404);

        assertThat(psychiatrist.get("/api/cases/" + id).status()).isEqualTo(200);
        assertThat(rowOn(psychiatrist.get("/api/boards/north").body(), id)).isNotNull();
    }

    @Test
    void theOpenedCasesPersonSeesTheirOwnRecord() {
        Api person = Api.as(port, "person");
        Api.Response mine = person.get("/api/cases");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).isNotEmpty();
        String ownCase = mine.body().get(0).get("id").asText();
        assertThat(person.get("/api/cases/" + ownCase).body().get("access").asText()).isEqualTo("FULL");
        assertThat(person.post("/api/cases/" + ownCase + "/goals", "{\"whatMattersMost\": \"Being heard.\"}").status())
                .isEqualTo(204);
        assertThat(person.post("/api/cases/" + ownCase + "/dyad",
                "{\"peerId\": \"peer\", \"psychiatristId\": \"psychiatrist\"}").status()).isEqualTo(403);
        assertThat(person.get("/api/boards/north").status()).isEqualTo(403);
    }

    @Test
    void everyEventCarriesTheAuthenticatedActorNotWhatTheBodyClaims() {
        Api.Response created = psychiatrist.post("/api/cases", """
                {"preferredName": "Meta Data", "dateOfBirth": "1970-01-01", "setting": "OUTPATIENT", "unit": "north",
                 "actorId": "someone-else", "actorRole": "ADMIN"}""");
        String id = created.body().get("id").asText();
        assertThat(psychiatrist.post("/api/cases/" + id + "/care-team", "{\"userId\": \"peer\"}").status()).isEqualTo(204);
        assertThat(Api.as(port, "peer").post("/api/cases/" + id + "/goals", "{\"goals\": [\"a job I like\"]}").status())
                .isEqualTo(204);

        List<? extends DomainEventMessage<?>> events = StreamSupport.stream(
                java.util.Spliterators.spliteratorUnknownSize(eventStore.readEvents(id), 0), false).toList();
        assertThat(events).hasSize(4);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getMetaData()).containsKeys("actorId", "actorRole", "correlationId", "traceId");
            assertThat(e.getMetaData().get("actorId")).isNotEqualTo("someone-else");
        });
        assertThat(events.get(0).getMetaData().get("actorId")).isEqualTo("psychiatrist");
        assertThat(events.get(0).getMetaData().get("actorRole")).isEqualTo("PSYCHIATRIST");
        assertThat(events.get(0).getMetaData().get("correlationId")).isEqualTo(events.get(1).getMetaData().get("correlationId"));
        assertThat(events.get(3).getMetaData().get("actorId")).isEqualTo("peer");
        assertThat(events.get(3).getMetaData().get("actorRole")).isEqualTo("PEER_SPECIALIST");
    }

    @Test
    void badInputIsRejectedNamingTheFieldAndNothingIsStored() {
        int before = psychiatrist.get("/api/cases?unit=north").body().size();

        Api.Response missing = psychiatrist.post("/api/cases", "{\"pronouns\": \"he/him\", \"unit\": \"north\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fields(missing)).contains("preferredName", "dateOfBirth", "setting");

        Api.Response badEnum = psychiatrist.post("/api/cases", """
                {"preferredName": "X", "dateOfBirth": "1990-01-01", "setting": "HOME", "unit": "north"}""");
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(fields(badEnum)).containsExactly("setting");

        Api.Response badDate = psychiatrist.post("/api/cases", """
                {"preferredName": "X", "dateOfBirth": "12/01/1990", "setting": "INPATIENT", "unit": "north"}""");
        assertThat(fields(badDate)).containsExactly("dateOfBirth");

        Api.Response future = psychiatrist.post("/api/cases", """
                {"preferredName": "X", "dateOfBirth": "2999-01-01", "setting": "INPATIENT", "unit": "north"}""");
        assertThat(fields(future)).containsExactly("dateOfBirth");

        Api.Response unknownUnit = psychiatrist.post("/api/cases", """
                {"preferredName": "X", "dateOfBirth": "1990-01-01", "setting": "INPATIENT", "unit": "atlantis"}""");
        assertThat(unknownUnit.status()).isEqualTo(400);
        assertThat(fields(unknownUnit)).containsExactly("unit");

        assertThat(psychiatrist.post("/api/cases", "not json").status()).isEqualTo(400);
        assertThat(Api.as(port, "psychiatrist").get("/api/cases").status()).isEqualTo(400);

        assertThat(psychiatrist.get("/api/cases?unit=north").body().size()).isEqualTo(before);

        String id = psychiatrist.openCase("Field Names", "north");
        Api.Response unknownMember = psychiatrist.post("/api/cases/" + id + "/care-team", "{\"userId\": \"nobody\"}");
        assertThat(unknownMember.status()).isEqualTo(400);
        assertThat(fields(unknownMember)).containsExactly("userId");
        Api.Response wrongRole = psychiatrist.post("/api/cases/" + id + "/care-team",
                "{\"userId\": \"nurse\", \"role\": \"PSYCHIATRIST\"}");
        assertThat(fields(wrongRole)).containsExactly("role");
        Api.Response futureAdmission = psychiatrist.post("/api/cases/" + id + "/admit", "{\"occurredAt\": \"2999-01-01T00:00:00Z\"}");
        assertThat(fields(futureAdmission)).containsExactly("occurredAt");
        assertThat(psychiatrist.get("/api/cases/" + id).body().get("careTeam")).hasSize(1);
        assertThat(psychiatrist.get("/api/cases/" + id).body().get("admitted").asBoolean()).isFalse();
    }

    @Test
    void aBrokenRuleOfTheFieldIsAConflictSaidInPlainWords() {
        String id = psychiatrist.openCase("Rule Keeper", "north");
        Api.Response noPeer = psychiatrist.post("/api/cases/" + id + "/dyad",
                "{\"peerId\": \"peer\", \"psychiatristId\": \"psychiatrist\"}");
        assertThat(noPeer.status()).isEqualTo(409);
        assertThat(noPeer.body().get("detail").asText()).contains("peer specialist on this care team");

        assertThat(psychiatrist.post("/api/cases/" + id + "/discharge", null).status()).isEqualTo(409);
        assertThat(psychiatrist.post("/api/cases/" + id + "/admit", null).status()).isEqualTo(204);
        Api.Response twice = psychiatrist.post("/api/cases/" + id + "/admit", null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("detail").asText()).contains("already admitted");

        assertThat(psychiatrist.get("/api/cases/unknown-id").status()).isEqualTo(404);
    }

    @Test
    void closedCasesLeaveTheBoard() {
        String id = psychiatrist.openCase("Closing Time", "north");
        await().atMost(Duration.ofSeconds(5)).until(() -> rowOn(psychiatrist.get("/api/boards/north").body(), id) != null);
        assertThat(psychiatrist.post("/api/cases/" + id + "/close", "{\"reason\": \"moved away\"}").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> rowOn(psychiatrist.get("/api/boards/north").body(), id) == null);
        assertThat(psychiatrist.get("/api/cases/" + id).body().get("closed").asBoolean()).isTrue();
        assertThat(psychiatrist.post("/api/cases/" + id + "/goals", "{\"goals\": [\"x\"]}").status()).isEqualTo(409);
    }

    @Test
    void theOpenApiDescriptionCoversEveryEndpointAndItsErrors() {
        Api.Response docs = Api.anonymous(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().get("paths");
        assertThat(paths.has("/api/cases")).isTrue();
        assertThat(paths.has("/api/cases/{id}/dyad")).isTrue();
        assertThat(paths.has("/api/boards/{unit}")).isTrue();
        JsonNode open = paths.get("/api/cases").get("post").get("responses");
        assertThat(open.has("400")).isTrue();
        assertThat(open.has("409")).isTrue();
        assertThat(Api.anonymous(port).get("/actuator/health").body().get("status").asText()).isEqualTo("UP");
    }

    private static List<String> fields(Api.Response response) {
        assertThat(response.status()).isEqualTo(400);
        return StreamSupport.stream(response.body().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText()).distinct().toList();
    }

    static JsonNode rowOn(JsonNode board, String caseId) {
        for (JsonNode row : board.get("rows")) {
            if (row.get("caseId").asText().equals(caseId)) {
                return row;
            }
        }
        return null;
    }
}
