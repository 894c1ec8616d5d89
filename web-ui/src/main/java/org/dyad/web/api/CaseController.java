package org.dyad.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.dyad.application.access.Viewer;
import org.dyad.application.cases.CaseDetails;
import org.dyad.application.cases.CaseQueries;
import org.dyad.application.cases.CaseService;
import org.dyad.application.shared.InvalidInput;
import org.dyad.application.users.AccountRole;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "Open a case, shape its care team and dyad, record the person's own words")
class CaseController {

    private final CaseService cases;
    private final CaseQueries queries;
    CaseController(CaseService cases, CaseQueries queries) {
        this.cases = cases;
        this.queries = queries;
    }

    @PostMapping
    @Operation(summary = "Open a case; whoever opens it joins its care team")
    ResponseEntity<Map<String, String>> open(Viewer viewer, @Valid @RequestBody CaseRequests.OpenCase body) {
        String id = cases.open(viewer, new CaseService.NewCase(body.preferredName(), body.pronouns(),
                body.dateOfBirth(), body.setting(), body.unit(), body.personServedUserId(),
                Boolean.TRUE.equals(body.restricted())));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(id))
                .body(Map.of("id", id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A case as you may see it: full for its care team and the person, a summary for the unit's other staff")
    CaseDetails get(Viewer viewer, @PathVariable String id) {
        return queries.get(viewer, id);
    }

    @GetMapping
    @Operation(summary = "The open cases of a unit you may see; a person served gets their own without a unit")
    List<CaseDetails> list(Viewer viewer, @RequestParam(required = false) String unit) {
        if (unit == null || unit.isBlank()) {
            if (viewer.role() == AccountRole.PERSON_SERVED) {
                return queries.mine(viewer);
            }
            throw new InvalidInput("unit", "Say which unit, e.g. ?unit=north.");
        }
        return queries.listUnit(viewer, unit);
    }

    @PostMapping("/{id}/care-team")
    @Operation(summary = "Add a staff member to the care team")
    ResponseEntity<Void> join(Viewer viewer, @PathVariable String id, @Valid @RequestBody CaseRequests.JoinCareTeam body) {
        cases.joinCareTeam(viewer, id, body.userId(), body.role());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/care-team/{userId}")
    @Operation(summary = "Take a staff member off the care team")
    ResponseEntity<Void> leave(Viewer viewer, @PathVariable String id, @PathVariable String userId,
                               @RequestParam(required = false) String reason) {
        cases.leaveCareTeam(viewer, id, userId, reason);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/dyad")
    @Operation(summary = "Pair a peer specialist and a psychiatrist from the care team as the case's dyad")
    ResponseEntity<Void> formDyad(Viewer viewer, @PathVariable String id, @Valid @RequestBody CaseRequests.FormDyad body) {
        cases.formDyad(viewer, id, body.peerId(), body.psychiatristId());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/dyad")
    @Operation(summary = "Dissolve the active dyad")
    ResponseEntity<Void> dissolveDyad(Viewer viewer, @PathVariable String id, @RequestParam(required = false) String reason) {
        cases.dissolveDyad(viewer, id, reason);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/goals")
    @Operation(summary = "Record the person's goals, what matters most and their personal medicine, in their own words")
    ResponseEntity<Void> goals(Viewer viewer, @PathVariable String id, @Valid @RequestBody CaseRequests.Goals body) {
        cases.recordGoals(viewer, id, body.whatMattersMost(), body.goals(), body.personalMedicine());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/advance-directive")
    @Operation(summary = "Record the person's psychiatric advance directive (PAD)")
    ResponseEntity<Void> advanceDirective(Viewer viewer, @PathVariable String id,
                                          @Valid @RequestBody CaseRequests.AdvanceDirectiveBody body) {
        cases.recordAdvanceDirective(viewer, id, body.toDirective());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/wrap")
    @Operation(summary = "Record the person's WRAP summary")
    ResponseEntity<Void> wrap(Viewer viewer, @PathVariable String id, @Valid @RequestBody CaseRequests.WrapBody body) {
        cases.recordWrapSummary(viewer, id, body.toWrap());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/admit")
    @Operation(summary = "Admit the person for an inpatient stay")
    ResponseEntity<Void> admit(Viewer viewer, @PathVariable String id, @Valid @RequestBody(required = false) CaseRequests.Stay body) {
        cases.admit(viewer, id, clinicalTime(body));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/discharge")
    @Operation(summary = "Discharge the person from their inpatient stay")
    ResponseEntity<Void> discharge(Viewer viewer, @PathVariable String id, @Valid @RequestBody(required = false) CaseRequests.Stay body) {
        cases.discharge(viewer, id, clinicalTime(body));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/leave")
    @Operation(summary = "The person leaves the unit on a pass and stays admitted (leave days are left out of HBIPS inpatient days)")
    ResponseEntity<Void> startLeave(Viewer viewer, @PathVariable String id, @Valid @RequestBody(required = false) CaseRequests.Stay body) {
        cases.startLeave(viewer, id, clinicalTime(body));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "The person returns from leave")
    ResponseEntity<Void> endLeave(Viewer viewer, @PathVariable String id, @Valid @RequestBody(required = false) CaseRequests.Stay body) {
        cases.endLeave(viewer, id, clinicalTime(body));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/restrict")
    @Operation(summary = "Restrict the record to its own care team and the person (e.g. the person is also staff)")
    ResponseEntity<Void> restrict(Viewer viewer, @PathVariable String id, @Valid @RequestBody(required = false) CaseRequests.Reason body) {
        cases.restrict(viewer, id, body == null ? null : body.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/lift-restriction")
    @Operation(summary = "Lift the record's restriction")
    ResponseEntity<Void> liftRestriction(Viewer viewer, @PathVariable String id, @Valid @RequestBody(required = false) CaseRequests.Reason body) {
        cases.liftRestriction(viewer, id, body == null ? null : body.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close the case")
    ResponseEntity<Void> close(Viewer viewer, @PathVariable String id, @Valid @RequestBody(required = false) CaseRequests.Reason body) {
        cases.close(viewer, id, body == null ? null : body.reason());
        return ResponseEntity.noContent().build();
    }

    private static Instant clinicalTime(CaseRequests.Stay body) {
        return body == null || body.occurredAt() == null ? null : body.occurredAt().toInstant();
    }
}
