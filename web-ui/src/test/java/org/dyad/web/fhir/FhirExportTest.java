package org.dyad.web.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import org.dyad.application.demo.DemoData;
import org.dyad.web.support.Api;
import org.dyad.web.support.DyadWebTest;
import org.dyad.web.support.Scenarios;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The FHIR export: valid R4 for every viewer, and never more than the access policy lets that viewer read. */
@DyadWebTest
class FhirExportTest {

    private static final String PEER_CONFIDENTIAL = "peer note — confidential";
    private static final String PART_2 = "substance-use treatment record — protected (42 CFR Part 2)";

    private static FhirContext fhir;
    private static FhirValidator validator;

    @LocalServerPort
    int port;

    @BeforeAll
    static void buildTheValidatorOnce() {
        fhir = FhirContext.forR4();
        ValidationSupportChain offline = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir), new InMemoryTerminologyServerValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir));
        validator = fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(offline));
    }

    @Test
    void everyDemoCaseIsAValidBundleForAPsychiatristOnItsTeamAndForTheAuditor() {
        Api auditor = Api.as(port, "auditor");
        List<String> errors = new ArrayList<>();
        int validated = 0;
        for (String unit : List.of("north", "south")) {
            Api psychiatrist = Api.as(port, unit.equals("north") ? "psychiatrist" : "psychiatrist2");
            for (int i = 0; i < 12; i++) {
                String caseId = DemoData.stableId(unit + "-" + i);
                for (Api viewer : List.of(psychiatrist, auditor)) {
                    errors.addAll(errors(export(viewer, caseId), unit + "-" + i));
                    validated++;
                }
            }
        }
        assertThat(validated).isEqualTo(48);
        assertThat(errors("{\"resourceType\": \"Encounter\"}", "a probe")).as("the validator finds what is missing")
                .hasSize(2);
        assertThat(errors).as("validation errors").isEmpty();
    }

    @Test
    void aWrittenUpCaseShowsEachViewerOnlyWhatThePolicyLetsThemRead() {
        Api psychiatrist = Api.as(port, "psychiatrist");
        Api peer = Api.as(port, "peer");
        Api nurse = Api.as(port, "nurse");
        Api auditor = Api.as(port, "auditor");
        String caseId = psychiatrist.openCase("Noor Export", "north");
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/care-team", "{\"userId\": \"peer\"}").status()).isEqualTo(204);
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/care-team", "{\"userId\": \"nurse\"}").status()).isEqualTo(204);
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/dyad",
                "{\"peerId\": \"peer\", \"psychiatristId\": \"psychiatrist\"}").status()).isEqualTo(204);
        String toPsychiatrist = Scenarios.grant(psychiatrist, caseId, "STAFF", "psychiatrist", LocalDate.now(org.dyad.web.support.TestClockConfig.UNIT_ZONE).plusDays(30));
        String toNurses = Scenarios.grant(psychiatrist, caseId, "ROLE", "NURSE", LocalDate.now(org.dyad.web.support.TestClockConfig.UNIT_ZONE).plusDays(30));
        assertThat(psychiatrist.post("/api/cases/" + caseId + "/consents/" + toNurses + "/revoke", null).status()).isEqualTo(204);

        String confidence = "peer-confidence " + UUID.randomUUID();
        String partTwo = "part-two " + UUID.randomUUID();
        String sessionId = Scenarios.sessionWithPeerNote(psychiatrist, peer, caseId, "PEER_CONFIDENTIAL", confidence);
        String session = "/api/cases/" + caseId + "/sessions/" + sessionId;
        for (String who : List.of("person", "peer", "psychiatrist")) {
            assertThat(psychiatrist.post(session + "/join", "{\"participant\": \"" + who + "\"}").status()).isEqualTo(204);
        }
        assertThat(psychiatrist.post(session + "/end", null).status()).isEqualTo(204);
        assertThat(psychiatrist.post(session + "/notes", "{\"text\": \"" + partTwo + "\", \"category\": \"SUD_PART2\"}")
                .status()).isEqualTo(204);
        assertThat(psychiatrist.post(session + "/notes/sign", null).status()).isEqualTo(204);
        assertThat(peer.post(session + "/notes/sign", null).status()).isEqualTo(204);
        assertThat(peer.post(session + "/differing-view", "{\"text\": \"They want to wait on medication.\"}").status())
                .isEqualTo(204);
        String shared = disclosure(psychiatrist, caseId, "SUD_PART2", "TREATMENT");
        assertThat(peer.post("/api/cases/" + caseId + "/disclosures/" + shared + "/share",
                "{\"whatIsShared\": \"shared-under-consent\"}").status()).isEqualTo(204);
        String declined = disclosure(psychiatrist, caseId, "PEER_CONFIDENTIAL", "CARE_COORDINATION");
        assertThat(peer.post("/api/cases/" + caseId + "/disclosures/" + declined + "/decline", null).status()).isEqualTo(204);

        Exported byPsychiatrist = exported(psychiatrist, caseId);
        Exported byNurse = exported(nurse, caseId);
        Exported byAuditor = exported(auditor, caseId);
        Exported byPeer = exported(peer, caseId);

        assertThat(byPsychiatrist.text()).contains(confidence, partTwo, "shared-under-consent");
        assertThat(byPeer.text()).contains(confidence);
        for (Exported withoutConsent : List.of(byNurse, byAuditor)) {
            assertThat(withoutConsent.text()).doesNotContain(confidence, partTwo, "shared-under-consent");
            assertThat(withoutConsent.note("peer specialist's note").getDescription()).isEqualTo(PEER_CONFIDENTIAL);
            assertThat(codes(withoutConsent.note("peer specialist's note"))).contains("REDACTED", "BH", "R");
            assertThat(withoutConsent.note("psychiatrist's note").getDescription()).isEqualTo(PART_2);
        }
        assertThat(codes(byPsychiatrist.note("psychiatrist's note"))).contains("ETH", "42CFRPart2", "NORDSCLCD", "R")
                .doesNotContain("REDACTED");
        assertThat(codes(byNurse.note("psychiatrist's note"))).contains("ETH", "42CFRPart2");

        assertThat(byPsychiatrist.all(AuditEvent.class)).hasSize(2);
        assertThat(byPsychiatrist.all(AuditEvent.class)).extracting(AuditEvent::getOutcomeDesc)
                .containsExactlyInAnyOrder("shared with the person's consent", "held in confidence");
        assertThat(byPeer.text()).as("the holder reads what they were asked").contains("asked-PEER_CONFIDENTIAL");
        assertThat(byNurse.all(AuditEvent.class)).as("a decline stays between the two colleagues").hasSize(1);
        assertThat(codes(byNurse.all(AuditEvent.class).get(0))).contains("42CFRPart2", "ETH");
        assertThat(byAuditor.all(AuditEvent.class)).extracting(AuditEvent::getOutcomeDesc)
                .contains("shared with the person's consent", "held in confidence");
        assertThat(byAuditor.all(AuditEvent.class)).as("the psychiatrist's FHIR read of the peer's note")
                .anyMatch(e -> e.getEntity().stream().anyMatch(entity -> entity.getDetail().stream()
                        .anyMatch(d -> d.getValue().primitiveValue().equals("FHIR"))));
        assertThat(auditor.get("/api/audit/access-log?caseId=" + caseId).raw().body()).contains("\"channel\":\"FHIR\"");

        assertThat(byNurse.all(Consent.class)).extracting(c -> c.getStatus().toCode())
                .containsExactlyInAnyOrder("active", "inactive");
        Encounter encounter = byNurse.all(Encounter.class).get(0);
        assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(encounter.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("CO_TREATMENT");
        assertThat(byNurse.bundle().getMeta().getSecurity()).extracting(Coding::getCode).containsExactly("R");
        assertThat(toPsychiatrist).isNotBlank();
    }

    @Test
    void someoneOutsideTheCaseGetsTheSameAnswerAsFromTheCaseEndpoints() {
        String personsOwn = DemoData.stableId("north-0");
        String outpatient = DemoData.stableId("north-2");
        String restricted = DemoData.stableId("north-5");
        record Attempt(String user, String caseId, int status) {
        }
        for (Attempt attempt : List.of(new Attempt("psychiatrist2", personsOwn, 403), new Attempt("admin", personsOwn, 403),
                new Attempt("person", DemoData.stableId("north-1"), 404), new Attempt("nurse", restricted, 404),
                new Attempt("nurse", outpatient, 403))) {
            Api api = Api.as(port, attempt.user());
            Api.Response refused = api.get("/api/fhir/cases/" + attempt.caseId());
            assertThat(refused.status()).as(attempt.toString()).isEqualTo(attempt.status())
                    .isEqualTo(api.get("/api/cases/" + attempt.caseId() + "/sessions").status());
            assertThat(refused.raw().body()).doesNotContain("resourceType");
        }
        assertThat(Api.anonymous(port).get("/api/fhir/cases/" + personsOwn).status()).isEqualTo(401);
        assertThat(Api.as(port, "psychiatrist").get("/api/fhir/cases/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(errors(export(Api.as(port, "person"), personsOwn), "the person's own")).isEmpty();
    }

    @Test
    void theApiDescriptionOffersTheExportAsFhirJson() {
        Api.Response docs = Api.anonymous(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().at("/paths/~1api~1fhir~1cases~1{caseId}/get/responses/200/content").has("application/fhir+json"))
                .isTrue();
    }

    private record Exported(Bundle bundle, String text) {
        <T extends Resource> List<T> all(Class<T> type) {
            return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                    .map(type::cast).toList();
        }

        DocumentReference note(String kind) {
            return all(DocumentReference.class).stream().filter(d -> d.getType().getText().equals(kind)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind));
        }
    }

    /** The bundle and everything a reader would see in it, the notes' attachments decoded. */
    private Exported exported(Api api, String caseId) {
        String json = export(api, caseId);
        assertThat(errors(json, caseId)).as("validation errors").isEmpty();
        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, json);
        String notes = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(DocumentReference.class::isInstance).map(DocumentReference.class::cast)
                .map(d -> new String(d.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
        return new Exported(bundle, json + "\n" + notes);
    }

    private String export(Api api, String caseId) {
        Api.Response response = api.get("/api/fhir/cases/" + caseId);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/fhir+json");
        return response.raw().body();
    }

    private static List<String> errors(String json, String what) {
        return validator.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> what + ": " + m.getSeverity() + " " + m.getLocationString() + " " + m.getMessage())
                .toList();
    }

    private static List<String> codes(Resource resource) {
        List<String> codes = new ArrayList<>(resource.getMeta().getSecurity().stream().map(Coding::getCode).toList());
        if (resource instanceof AuditEvent event) {
            event.getEntity().forEach(e -> e.getSecurityLabel().forEach(l -> codes.add(l.getCode())));
        }
        return codes;
    }

    private static String disclosure(Api requester, String caseId, String category, String purpose) {
        Api.Response created = requester.post("/api/cases/" + caseId + "/disclosures", """
                {"holderId": "peer", "category": "%s", "purpose": "%s", "whatIsAsked": "asked-%s"}"""
                .formatted(category, purpose, category));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.body().get("id").asText();
    }
}
