package org.dyad.web.quality;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.web.support.Api;
import org.dyad.web.support.DyadWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** HBIPS from charted events through REST, on a unit of its own so the figures can be worked out by hand. */
@DyadWebTest
class HbipsFlowTest {

    @LocalServerPort
    int port;

    @Test
    void aChartedStayAndEpisodeGiveTheHandComputedRatesAsJsonAndCsv() {
        Api admin = Api.as(port, "admin");
        assertThat(admin.post("/api/admin/units", "{\"unitId\": \"west\", \"name\": \"West unit\"}").status()).isEqualTo(201);
        assertThat(admin.post("/api/admin/users", """
                {"userId": "nurse-west", "displayName": "Bo Lindahl", "role": "NURSE", "unit": "west",
                 "password": "long-enough"}""").status()).isEqualTo(201);
        Api nurse = Api.withPassword(port, "nurse-west", "long-enough");
        String caseId = nurse.openCase("Wes", "west");
        String base = "/api/cases/" + caseId;
        // All charted afterwards, in New York time (EDT, UTC−4).
        assertThat(nurse.post(base + "/admit", "{\"occurredAt\": \"2026-10-05T14:00:00Z\"}").status()).isEqualTo(204);
        assertThat(nurse.post(base + "/leave", "{\"occurredAt\": \"2026-10-07T22:00:00Z\"}").status()).isEqualTo(204);
        assertThat(nurse.post(base + "/return", "{\"occurredAt\": \"2026-10-08T16:00:00Z\"}").status()).isEqualTo(204);
        Api.Response started = nurse.post(base + "/restrictions", """
                {"kind": "MECHANICAL_RESTRAINT", "imminentRisk": "trying to break the window", "alternativesTried": ["talking"],
                 "order": {"prescriberId": "psychiatrist"}, "startedAt": "2026-10-06T12:00:00Z"}""");
        assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
        String episode = base + "/restrictions/" + started.body().get("id").asText();
        assertThat(nurse.post(episode + "/measures", "{\"measures\": [\"SECLUSION\"], \"at\": \"2026-10-06T12:20:30Z\"}").status()).isEqualTo(204);
        assertThat(nurse.post(episode + "/end", "{\"at\": \"2026-10-06T12:50:00Z\"}").status()).isEqualTo(204);
        assertThat(nurse.post(base + "/discharge", "{\"occurredAt\": \"2026-10-10T15:00:00Z\"}").status()).isEqualTo(204);
        assertThat(nurse.get(episode).body().get("startLate").asBoolean()).isTrue();

        // Local midnights ending 5, 6, 7, 8, 9 Oct: 5 inpatient days; away at the one ending 7 Oct: 1 leave day.
        // Hours = (5 − 1) × 24 = 96. Restraint 20 min 30 s → 21 min; seclusion 29 min 30 s → 30 min.
        // HBIPS-2 = (21 / 60) / 0.096 = 3.6458…; HBIPS-3 = 0.5 / 0.096 = 5.2083…
        Api auditor = Api.as(port, "auditor");
        JsonNode rows = auditor.get("/api/quality/hbips?unit=west&from=2026-10&to=2026-10").body();
        assertThat(rows).hasSize(4);
        JsonNode adults = StreamSupport.stream(rows.spliterator(), false)
                .filter(r -> r.get("stratum").asText().equals("AGES_18_TO_64")).findFirst().orElseThrow();
        assertThat(adults.get("month").asText()).isEqualTo("2026-10");
        assertThat(adults.get("physicalRestraintMinutes").asLong()).isEqualTo(21);
        assertThat(adults.get("seclusionMinutes").asLong()).isEqualTo(30);
        assertThat(adults.get("inpatientDays").asLong()).isEqualTo(5);
        assertThat(adults.get("leaveDays").asLong()).isEqualTo(1);
        assertThat(adults.get("physicalRestraintRate").asDouble()).isCloseTo(21 / 60.0 / 0.096, within(1e-9));
        assertThat(adults.get("seclusionRate").asDouble()).isCloseTo(0.5 / 0.096, within(1e-9));

        Api.Response csv = nurse.get("/api/quality/hbips?unit=west&from=2026-09&to=2026-10", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.raw().body().split("\n");
        assertThat(lines).hasSize(9);
        assertThat(lines[0]).isEqualTo("month,stratum,physicalRestraintMinutes,seclusionMinutes,inpatientDays,leaveDays,physicalRestraintRate,seclusionRate");
        assertThat(csv.raw().body()).contains("2026-10,AGES_18_TO_64,21,30,5,1,3.64583").contains("2026-09,AGES_18_TO_64,0,0,0,0,,");
    }

    @Test
    void unitFiguresAreForTheUnitsStaffAndAuditorsAndBadMonthsAreNamed() {
        assertThat(Api.as(port, "person").get("/api/quality/hbips?unit=north&from=2026-01&to=2026-02").status()).isEqualTo(403);
        assertThat(Api.as(port, "peer2").get("/api/quality/hbips?unit=north&from=2026-01&to=2026-02").status()).isEqualTo(403);
        assertThat(Api.as(port, "nurse").get("/api/quality/hbips?unit=north&from=2026-01&to=2026-02").status()).isEqualTo(200);
        Api.Response bad = Api.as(port, "auditor").get("/api/quality/hbips?unit=north&from=2026-13&to=2026-12");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw().body()).contains("from");
        Api.Response backwards = Api.as(port, "auditor").get("/api/quality/hbips?unit=north&from=2026-12&to=2026-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().get("errors").get(0).get("field").asText()).isEqualTo("to");
        assertThat(Api.as(port, "auditor").get("/api/quality/hbips?unit=nowhere&from=2026-01&to=2026-01").status()).isEqualTo(400);
    }
}
