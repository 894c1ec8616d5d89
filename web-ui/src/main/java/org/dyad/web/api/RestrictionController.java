package org.dyad.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.dyad.application.access.Viewer;
import org.dyad.application.restriction.InterventionView;
import org.dyad.application.restriction.RestrictionService;
import org.dyad.domain.restriction.InjuredParty;
import org.dyad.domain.restriction.InterventionKind;
import org.dyad.domain.restriction.OrderType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RestController
@RequestMapping("/api/cases/{caseId}/restrictions")
@Tag(name = "Restraint and seclusion", description = "Each restrictive intervention with its legal clocks, the person's voice and the debrief")
class RestrictionController {

    private static final String CLINICAL_TIME = "When it happened (clinical time); defaults to now, never in the future";

    record OrderRequest(@NotBlank @Size(max = 100) String prescriberId,
                        @Schema(description = "THIS_EPISODE (the only kind allowed; default); STANDING and AS_NEEDED are refused")
                        OrderType type,
                        @Schema(description = "When the order was written; defaults to the start (or now, for a renewal)")
                        OffsetDateTime orderedAt,
                        @Schema(description = "Shorter than the legal limit if wanted; at most 240, 120 or 60 by age")
                        @Positive @Max(1440) Integer validForMinutes,
                        @Schema(description = "The prescriber saw and evaluated the person in person before writing it")
                        boolean inPersonEvaluation) {
    }

    record Start(@NotNull InterventionKind kind, boolean softTwoPointWristRestraint,
                 @NotBlank @Size(max = 4000) String imminentRisk,
                 @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> alternativesTried,
                 @NotNull @Valid OrderRequest order,
                 @Schema(description = CLINICAL_TIME) OffsetDateTime startedAt) {
    }

    record Evaluation(@NotBlank @Size(max = 8000) String findings, @Schema(description = CLINICAL_TIME) OffsetDateTime at) {
    }

    record Observation(@NotBlank @Size(max = 4000) String observation, @Schema(description = CLINICAL_TIME) OffsetDateTime at) {
    }

    record Measures(@NotEmpty Set<@NotNull InterventionKind> measures, @Schema(description = CLINICAL_TIME) OffsetDateTime at) {
    }

    record At(@Schema(description = CLINICAL_TIME) OffsetDateTime at) {
    }

    record Injury(@NotNull InjuredParty injured, @NotBlank @Size(max = 4000) String description,
                  @Schema(description = CLINICAL_TIME) OffsetDateTime at) {
    }

    record Death(@Schema(description = CLINICAL_TIME) OffsetDateTime at,
                 @Schema(description = "Restraint or seclusion may have contributed (matters for a death within a week after)")
                 boolean measureMayHaveContributed) {
    }

    record Debrief(@NotBlank @Size(max = 100) String peerId,
                   @Size(max = 8000) String personsAccount, @Size(max = 8000) String whatWouldHaveHelped,
                   @NotBlank @Size(max = 8000) String teamAccount, @NotBlank @Size(max = 8000) String whatToChange,
                   @Schema(description = CLINICAL_TIME) OffsetDateTime at) {
    }

    record PersonsAccount(@Size(max = 8000) String account, @Size(max = 8000) String whatWouldHaveHelped) {
    }

    private final RestrictionService restrictions;

    RestrictionController(RestrictionService restrictions) {
        this.restrictions = restrictions;
    }

    @PostMapping
    @Operation(summary = "Start a restrictive intervention: the imminent risk, the alternatives tried, and an order for this episode")
    ResponseEntity<Map<String, String>> start(Viewer viewer, @PathVariable String caseId, @Valid @RequestBody Start body) {
        OrderRequest o = body.order();
        String id = restrictions.start(viewer, caseId, new RestrictionService.NewIntervention(body.kind(),
                body.softTwoPointWristRestraint(), body.imminentRisk(), body.alternativesTried(),
                new RestrictionService.NewOrder(o.prescriberId(), o.type(), instant(o.orderedAt()), o.validForMinutes(),
                        o.inPersonEvaluation()), instant(body.startedAt())));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(id))
                .body(Map.of("id", id));
    }

    @GetMapping
    @Operation(summary = "The case's restrictive interventions, latest first")
    List<InterventionView> list(Viewer viewer, @PathVariable String caseId) {
        return restrictions.list(viewer, caseId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One episode: orders, clocks, evaluation, monitoring, measures over time, debrief, the person's account")
    InterventionView get(Viewer viewer, @PathVariable String caseId, @PathVariable String id) {
        return restrictions.get(viewer, caseId, id);
    }

    @PostMapping("/{id}/face-to-face")
    @Operation(summary = "Record the face-to-face evaluation (due within 1 hour of the start)")
    ResponseEntity<Void> faceToFace(Viewer viewer, @PathVariable String caseId, @PathVariable String id, @Valid @RequestBody Evaluation body) {
        restrictions.evaluateFaceToFace(viewer, caseId, id, body.findings(), instant(body.at()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/monitoring")
    @Operation(summary = "Record a monitoring entry")
    ResponseEntity<Void> monitor(Viewer viewer, @PathVariable String caseId, @PathVariable String id, @Valid @RequestBody Observation body) {
        restrictions.monitor(viewer, caseId, id, body.observation(), instant(body.at()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/renewals")
    @Operation(summary = "Renew the order (up to 24 h in all; after that only with an in-person evaluation)")
    ResponseEntity<Void> renew(Viewer viewer, @PathVariable String caseId, @PathVariable String id, @Valid @RequestBody OrderRequest o) {
        restrictions.renew(viewer, caseId, id, new RestrictionService.NewOrder(o.prescriberId(), o.type(),
                instant(o.orderedAt()), o.validForMinutes(), o.inPersonEvaluation()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/measures")
    @Operation(summary = "Change the measures in place, e.g. from restraint to seclusion")
    ResponseEntity<Void> measures(Viewer viewer, @PathVariable String caseId, @PathVariable String id, @Valid @RequestBody Measures body) {
        restrictions.changeMeasures(viewer, caseId, id, body.measures(), instant(body.at()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "End the episode; the debrief is then due within 24 hours")
    ResponseEntity<Void> end(Viewer viewer, @PathVariable String caseId, @PathVariable String id, @Valid @RequestBody(required = false) At body) {
        restrictions.end(viewer, caseId, id, body == null ? null : instant(body.at()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/injuries")
    @Operation(summary = "Record an injury to the person served or to staff")
    ResponseEntity<Void> injury(Viewer viewer, @PathVariable String caseId, @PathVariable String id, @Valid @RequestBody Injury body) {
        restrictions.recordInjury(viewer, caseId, id, body.injured(), body.description(), instant(body.at()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/death")
    @Operation(summary = "Record a death during or after the episode; says where and by when it must be reported")
    ResponseEntity<Void> death(Viewer viewer, @PathVariable String caseId, @PathVariable String id, @Valid @RequestBody Death body) {
        restrictions.recordDeath(viewer, caseId, id, instant(body.at()), body.measureMayHaveContributed());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/death-report")
    @Operation(summary = "Record that the death was reported (to CMS, or in the internal log)")
    ResponseEntity<Void> deathReport(Viewer viewer, @PathVariable String caseId, @PathVariable String id, @Valid @RequestBody(required = false) At body) {
        restrictions.recordDeathReport(viewer, caseId, id, body == null ? null : instant(body.at()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/debrief")
    @Operation(summary = "Record the debrief, held with the peer present: the person's account, the team's, what will change")
    ResponseEntity<Void> debrief(Viewer viewer, @PathVariable String caseId, @PathVariable String id, @Valid @RequestBody Debrief body) {
        restrictions.debrief(viewer, caseId, id, body.peerId(), body.personsAccount(), body.whatWouldHaveHelped(),
                body.teamAccount(), body.whatToChange(), instant(body.at()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/persons-account")
    @Operation(summary = "The person served adds their own account of what happened and what would have helped")
    ResponseEntity<Void> personsAccount(Viewer viewer, @PathVariable String caseId, @PathVariable String id, @Valid @RequestBody PersonsAccount body) {
        restrictions.addPersonsAccount(viewer, caseId, id, body.account(), body.whatWouldHaveHelped());
        return ResponseEntity.noContent().build();
    }

    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
