package org.dyad.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dyad.web.support.Api;
import org.dyad.web.support.DyadWebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edit one byte of a stored event, delete one, swap two: verification names the right event each time.
 * Each test puts the case's events back as they were, so that later rebuilds in the shared context read an intact store.
 */
@DyadWebTest
class TamperEvidenceTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    Api psychiatrist;
    Api auditor;
    String caseId;
    List<Document> untouched;

    @BeforeEach
    void aCaseWithAHistory() {
        psychiatrist = Api.as(port, "psychiatrist");
        auditor = Api.as(port, "auditor");
        caseId = psychiatrist.openCase("Tamper Proof", "north");
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/care-team", "{\"userId\": \"peer\"}").status()).isEqualTo(204);
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/dyad",
                "{\"peerId\": \"peer\", \"psychiatristId\": \"psychiatrist\"}").status()).isEqualTo(204);
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/goals", "{\"goals\": [\"walk the dog daily\"]}").status())
                .isEqualTo(204);
        untouched = events().find(Filters.eq("aggregateIdentifier", caseId)).into(new ArrayList<>());
    }

    @AfterEach
    void putTheRecordBack() {
        events().deleteMany(Filters.eq("aggregateIdentifier", caseId));
        events().insertMany(untouched);
    }

    @Test
    void anUntouchedRecordVerifies() {
        JsonNode result = verify();
        assertThat(result.get("verified").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("eventsChecked").asInt()).isEqualTo(5);
        assertThat(Api.as(port, "psychiatrist").get("/api/audit/cases/" + caseId + "/verify").status()).isEqualTo(403);
    }

    @Test
    void oneAlteredByteInAPayloadIsNamed() {
        Document event = events().find(at(4)).first();
        Object payload = event.get("serializedPayload");
        assertThat(payload).as("stored payload form").isInstanceOf(String.class);
        String altered = ((String) payload).replace("walk the dog daily", "walk the dog dailY");
        assertThat(altered).isNotEqualTo(payload);
        events().updateOne(at(4), Updates.set("serializedPayload", altered));

        JsonNode broken = verify().get("firstBroken");
        assertThat(broken.get("aggregateId").asText()).isEqualTo(caseId);
        assertThat(broken.get("sequenceNumber").asLong()).isEqualTo(4);
        assertThat(broken.get("problem").asText()).contains("altered");
    }

    @Test
    void aDeletedEventIsNamed() {
        events().deleteOne(at(2));
        JsonNode broken = verify().get("firstBroken");
        assertThat(broken.get("sequenceNumber").asLong()).isEqualTo(3);
        assertThat(broken.get("problem").asText()).contains("expected event 2");
    }

    @Test
    void twoSwappedEventsAreNamed() {
        events().updateOne(at(2), Updates.set("sequenceNumber", -2L));
        events().updateOne(at(3), Updates.set("sequenceNumber", 2L));
        events().updateOne(at(-2), Updates.set("sequenceNumber", 3L));
        JsonNode result = verify();
        assertThat(result.get("verified").asBoolean()).isFalse();
        assertThat(result.get("firstBroken").get("sequenceNumber").asLong()).isEqualTo(2);
    }

    private JsonNode verify() {
        Api.Response response = auditor.get("/api/audit/cases/" + caseId + "/verify");
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return response.body();
    }

    private MongoCollection<Document> events() {
        return database.getCollection("events");
    }

    private Bson at(long sequence) {
        return Filters.and(Filters.eq("aggregateIdentifier", caseId), Filters.eq("sequenceNumber", sequence));
    }
}
