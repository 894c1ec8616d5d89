package org.dyad.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.web.support.Api;
import org.dyad.web.support.DyadWebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A long replay loads in pages with its total; the whole replay downloads as one file with its verification. */
@DyadWebTest
class ReplayPagingTest {

    @LocalServerPort
    int port;

    Api auditor;
    String caseId;

    @BeforeEach
    void aCaseWithTenEvents() {
        Api psychiatrist = Api.as(port, "psychiatrist");
        auditor = Api.as(port, "auditor");
        caseId = psychiatrist.openCase("Paged Replay", "north");
        for (int i = 0; i < 8; i++) {
            assertThat(psychiatrist.post("/api/cases/" + caseId + "/goals", "{\"goals\": [\"step " + i + "\"]}").status())
                    .isEqualTo(204);
        }
    }

    @Test
    void pagesAddUpToTheWholeTimelineAndSayItsTotal() {
        Api.Response whole = auditor.get(events(""));
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).hasSize(10);
        assertThat(whole.header("X-Total-Count")).isEqualTo("10");

        List<JsonNode> paged = new ArrayList<>();
        for (int offset = 0; offset < 10; offset += 3) {
            Api.Response page = auditor.get(events("?offset=" + offset + "&limit=3"));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("X-Total-Count")).isEqualTo("10");
            assertThat(page.body().size()).isEqualTo(Math.min(3, 10 - offset));
            page.body().forEach(paged::add);
        }
        List<JsonNode> all = new ArrayList<>();
        whole.body().forEach(all::add);
        assertThat(paged).isEqualTo(all);
        assertThat(auditor.get(events("?limit=4")).body()).hasSize(4);
        assertThat(auditor.get(events("?offset=10&limit=5")).body()).isEmpty();

        assertThat(field(auditor.get(events("?offset=0&limit=0")))).isEqualTo("limit");
        assertThat(field(auditor.get(events("?limit=1001")))).isEqualTo("limit");
        assertThat(field(auditor.get(events("?offset=-1&limit=5")))).isEqualTo("offset");
        assertThat(field(auditor.get(events("?offset=first")))).isEqualTo("offset");
        assertThat(Api.as(port, "psychiatrist").get(events("?offset=0&limit=5")).status()).isEqualTo(403);
    }

    @Test
    void theExportIsADownloadOfTheRedactedTimelineWithItsVerificationAndWhoExportedItWhen() {
        Instant before = Instant.now();
        Api.Response export = auditor.get("/api/audit/cases/" + caseId + "/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).startsWith("attachment").contains("filename=\"dyad-case-" + caseId);
        JsonNode file = export.body();
        assertThat(file.get("format").asText()).isEqualTo("dyad-replay-export/1");
        assertThat(file.get("caseId").asText()).isEqualTo(caseId);
        assertThat(file.get("exportedBy").get("userId").asText()).isEqualTo("auditor");
        assertThat(file.get("exportedBy").get("role").asText()).isEqualTo("AUDITOR");
        assertThat(Instant.parse(file.get("exportedAt").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(file.get("verification").get("verified").asBoolean()).isTrue();
        assertThat(file.get("verification").get("eventsChecked").asInt()).isEqualTo(10);
        assertThat(file.get("events").asInt()).isEqualTo(10);
        assertThat(file.get("timeline")).isEqualTo(auditor.get(events("")).body());
        assertThat(Api.as(port, "psychiatrist").get("/api/audit/cases/" + caseId + "/export").status()).isEqualTo(403);
        assertThat(auditor.get("/api/audit/cases/no-such-case/export").status()).isEqualTo(404);
    }

    private String events(String query) {
        return "/api/audit/cases/" + caseId + "/events" + query;
    }

    private static String field(Api.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
        return response.body().get("errors").get(0).get("field").asText();
    }
}
