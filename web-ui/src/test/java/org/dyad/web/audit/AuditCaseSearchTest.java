package org.dyad.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.application.demo.DemoData;
import org.dyad.web.support.Api;
import org.dyad.web.support.DyadWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditors find cases across units by name or id; a restricted record only by its exact id. */
@DyadWebTest
class AuditCaseSearchTest {

    @LocalServerPort
    int port;

    @Test
    void anAuditorFindsCasesByNameOrIdButARestrictedRecordOnlyByItsId() {
        Api auditor = Api.as(port, "auditor");
        assertThat(names(auditor.get("/api/audit/cases?q=eli%20sand"))).containsExactly("Eli Sandoval");
        assertThat(names(auditor.get("/api/audit/cases?q=a&unit=south"))).isNotEmpty()
                .allSatisfy(name -> assertThat(name.toLowerCase()).contains("a"));
        assertThat(auditor.get("/api/audit/cases").body().size()).isGreaterThanOrEqualTo(23);

        String restrictedId = DemoData.stableId("north-5");
        assertThat(names(auditor.get("/api/audit/cases?q=Fen%20Abara"))).isEmpty();
        assertThat(ids(auditor.get("/api/audit/cases"))).doesNotContain(restrictedId);
        JsonNode byId = auditor.get("/api/audit/cases?q=" + restrictedId).body();
        assertThat(byId).hasSize(1);
        assertThat(byId.get(0).get("restricted").asBoolean()).isTrue();

        assertThat(Api.as(port, "psychiatrist").get("/api/audit/cases?q=a").status()).isEqualTo(403);
        assertThat(Api.as(port, "admin").get("/api/audit/cases").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/audit/cases").status()).isEqualTo(401);
    }

    private static List<String> names(Api.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.body().forEach(c -> names.add(c.get("preferredName").asText()));
        return names;
    }

    private static List<String> ids(Api.Response response) {
        List<String> ids = new ArrayList<>();
        response.body().forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }
}
