package org.dyad.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dyad.application.access.Viewer;
import org.dyad.application.disclosure.DisclosureService;
import org.dyad.application.disclosure.DisclosureView;
import org.dyad.domain.consent.Purpose;
import org.dyad.domain.shared.Sensitivity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Disclosures", description = "Requests for what a colleague holds: shared under consent, or declined without a reason")
class DisclosureController {

    record Request(@Schema(description = "Who holds the information, e.g. the peer") @NotBlank @Size(max = 100) String holderId,
                   @NotNull Sensitivity category,
                   @NotNull Purpose purpose,
                   @Schema(description = "What is asked for") @NotBlank @Size(max = 2000) String whatIsAsked) {
    }

    record Share(@Schema(description = "What is shared, as it will appear in the person's accounting")
                 @NotBlank @Size(max = 20_000) String whatIsShared) {
    }

    private final DisclosureService disclosures;

    DisclosureController(DisclosureService disclosures) {
        this.disclosures = disclosures;
    }

    @PostMapping("/api/cases/{caseId}/disclosures")
    @Operation(summary = "Ask a colleague on the care team for information they hold")
    ResponseEntity<Map<String, String>> request(Viewer viewer, @PathVariable String caseId,
                                                @Valid @RequestBody Request body) {
        String id = disclosures.request(viewer, caseId, body.holderId(), body.category(), body.purpose(), body.whatIsAsked());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(id))
                .body(Map.of("id", id));
    }

    @GetMapping("/api/cases/{caseId}/disclosures")
    @Operation(summary = "The requests you made or hold on this case")
    List<DisclosureView> list(Viewer viewer, @PathVariable String caseId) {
        return disclosures.list(viewer, caseId);
    }

    @PostMapping("/api/cases/{caseId}/disclosures/{disclosureId}/share")
    @Operation(summary = "Share: only when the person's consent in force covers the requester, the category and the purpose")
    ResponseEntity<Void> share(Viewer viewer, @PathVariable String caseId, @PathVariable String disclosureId,
                               @Valid @RequestBody Share body) {
        disclosures.share(viewer, caseId, disclosureId, body.whatIsShared());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cases/{caseId}/disclosures/{disclosureId}/decline")
    @Operation(summary = "Decline: no reason needed, and nobody can override it")
    ResponseEntity<Void> decline(Viewer viewer, @PathVariable String caseId, @PathVariable String disclosureId) {
        disclosures.decline(viewer, caseId, disclosureId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/cases/{caseId}/disclosures/accounting")
    @Operation(summary = "The accounting of disclosures: date, recipient, what, purpose; Part 2 items carry the §2.32 notice")
    List<DisclosureService.AccountingEntry> accounting(Viewer viewer, @PathVariable String caseId) {
        return disclosures.accounting(viewer, caseId);
    }

    @GetMapping("/api/me/accounting")
    @Operation(summary = "Who saw what: the person served's own accounting of disclosures")
    List<DisclosureService.AccountingEntry> mine(Viewer viewer) {
        return disclosures.myAccounting(viewer);
    }
}
