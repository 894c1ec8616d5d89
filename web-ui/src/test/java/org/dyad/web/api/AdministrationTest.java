package org.dyad.web.api;

import org.dyad.web.support.Api;
import org.dyad.web.support.DyadWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DyadWebTest
class AdministrationTest {

    @LocalServerPort
    int port;

    @Test
    void anAdminCreatesAUnitAndAStaffMemberWhoCanThenSignInAndOpenCasesThere() {
        Api admin = Api.as(port, "admin");
        assertThat(admin.post("/api/admin/units", "{\"unitId\": \"east\", \"name\": \"East unit\"}").status()).isEqualTo(201);
        assertThat(admin.post("/api/admin/users", """
                {"userId": "peer-east", "displayName": "Kai Abernathy", "role": "PEER_SPECIALIST", "unit": "east",
                 "password": "long-enough"}""").status()).isEqualTo(201);

        Api.Response accounts = admin.get("/api/admin/users");
        assertThat(accounts.raw().body()).contains("peer-east").doesNotContain("passwordHash", "$2a$");

        Api newPeer = Api.withPassword(port, "peer-east", "long-enough");
        assertThat(newPeer.get("/api/boards/east").status()).isEqualTo(200);
        assertThat(newPeer.openCase("East Person", "east")).isNotBlank();
        assertThat(newPeer.get("/api/boards/north").status()).isEqualTo(403);
    }

    @Test
    void administrationIsForAdminsAndInputIsChecked() {
        Api admin = Api.as(port, "admin");
        assertThat(Api.as(port, "psychiatrist").get("/api/admin/users").status()).isEqualTo(403);
        assertThat(admin.get("/api/boards/north").status()).isEqualTo(403);

        Api.Response bad = admin.post("/api/admin/users", """
                {"userId": "Bad Id", "displayName": "", "role": "WIZARD", "password": "x"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("role");

        Api.Response weak = admin.post("/api/admin/users", """
                {"userId": "Bad Id", "displayName": "", "role": "NURSE", "unit": "north", "password": "x"}""");
        assertThat(weak.raw().body()).contains("userId", "displayName", "password");

        Api.Response noUnit = admin.post("/api/admin/users", """
                {"userId": "nurse-x", "displayName": "X", "role": "NURSE", "unit": "atlantis", "password": "long-enough"}""");
        assertThat(noUnit.status()).isEqualTo(400);
        assertThat(noUnit.body().get("errors").get(0).get("field").asText()).isEqualTo("unit");

        assertThat(admin.post("/api/admin/users", """
                {"userId": "nurse", "displayName": "Again", "role": "NURSE", "unit": "north", "password": "long-enough"}""")
                .status()).isEqualTo(409);
    }
}
