package org.dyad.web.api;

import ca.uhn.fhir.context.FhirContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dyad.application.access.Viewer;
import org.dyad.application.fhir.CaseExport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

@RestController
@Tag(name = "FHIR", description = "A case's record as FHIR R4 resources, filtered for the viewer like every other channel")
class FhirController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    /** Building a FhirContext scans every model class: once per application; it is thread-safe. */
    @Configuration(proxyBeanMethods = false)
    static class FhirContextConfig {
        @Bean
        FhirContext fhirContext() {
            return FhirContext.forR4();
        }
    }

    private final CaseExport export;
    private final FhirContext fhir;

    FhirController(CaseExport export, FhirContext fhir) {
        this.export = export;
        this.fhir = fhir;
    }

    @GetMapping("/api/fhir/cases/{caseId}")
    @Operation(summary = "The case as a FHIR R4 collection Bundle: Patient, CareTeam, Encounter per session with its notes, "
            + "Consent, AuditEvent for disclosures (and, for auditors, sensitive reads), Provenance; security labels on "
            + "sensitive content, the policy's placeholder where the viewer may not read it")
    @ApiResponse(responseCode = "200", description = "A FHIR R4 Bundle of type collection",
            content = @Content(mediaType = "application/fhir+json", schema = @Schema(type = "object")))
    ResponseEntity<byte[]> export(Viewer viewer, @PathVariable String caseId) {
        String json = fhir.newJsonParser().encodeResourceToString(export.export(viewer, caseId));
        // Set here, so the type stays application/fhir+json whichever JSON type the client accepts.
        return ResponseEntity.ok().contentType(FHIR_JSON).body(json.getBytes(StandardCharsets.UTF_8));
    }
}
