package org.dyad.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dyad.application.access.Viewer;
import org.dyad.application.restriction.CoercionService;
import org.dyad.application.restriction.CoercionView;
import org.dyad.domain.restriction.CoercionKind;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/cases/{caseId}/coercion-events")
@Tag(name = "Soft coercion", description = "Leverage, threats and involuntary measures, recorded by the team, the peer or the person")
class CoercionController {

    record Entry(@NotNull CoercionKind kind, @NotBlank @Size(max = 8000) String whatHappened,
                 @Schema(description = "When it happened (clinical time); defaults to now, never in the future")
                 OffsetDateTime occurredAt) {
    }

    record Account(@NotBlank @Size(max = 8000) String account) {
    }

    private final CoercionService coercion;

    CoercionController(CoercionService coercion) {
        this.coercion = coercion;
    }

    @PostMapping
    @Operation(summary = "Record soft coercion (care team, peer, or the person served)")
    ResponseEntity<Map<String, String>> record(Viewer viewer, @PathVariable String caseId, @Valid @RequestBody Entry body) {
        String id = coercion.record(viewer, caseId, body.kind(), body.whatHappened(), RestrictionController.instant(body.occurredAt()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(id))
                .body(Map.of("id", id));
    }

    @GetMapping
    @Operation(summary = "The case's soft-coercion ledger, latest first")
    List<CoercionView> list(Viewer viewer, @PathVariable String caseId) {
        return coercion.list(viewer, caseId);
    }

    @PostMapping("/{id}/persons-account")
    @Operation(summary = "The person served adds their account")
    ResponseEntity<Void> account(Viewer viewer, @PathVariable String caseId, @PathVariable String id, @Valid @RequestBody Account body) {
        coercion.addPersonsAccount(viewer, caseId, id, body.account());
        return ResponseEntity.noContent().build();
    }
}
