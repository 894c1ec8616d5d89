package org.dyad.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dyad.application.access.Viewer;
import org.dyad.application.decision.DecisionService;
import org.dyad.application.decision.DecisionView;
import org.dyad.domain.decision.ChosenBy;
import org.dyad.domain.decision.OptionKind;
import org.dyad.domain.shared.Sensitivity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Shared decisions", description = "Options, not directives; only the person chooses")
class DecisionController {

    record Open(@Schema(description = "The decision in the person's words", example = "What to do about sleep")
                @NotBlank @Size(max = 500) String question) {
    }

    record NewOption(@NotNull OptionKind kind,
                     @NotBlank @Size(max = 500) String whatItIs,
                     @Size(max = 4000) String benefits,
                     @Size(max = 4000) String harms,
                     @Size(max = 4000) String whatItAsksOfMe) {
    }

    record Preferences(@Size(max = 4000) String whatMattersMost, @Size(max = 4000) String preferences) {
    }

    record View(@NotBlank @Size(max = 4000) String view,
                @Schema(description = "GENERAL (default: for the person and the team), PEER_CONFIDENTIAL, PSYCHIATRIC, SUD_PART2")
                Sensitivity category) {
    }

    record Choice(@Schema(description = "The option chosen; leave out with notNow") String optionId,
                  @Schema(description = "\"Not now, I want more time\"") Boolean notNow,
                  @Schema(description = "The choice in the person's own words") @Size(max = 4000) String inTheirWords,
                  @Schema(description = "PERSON (default) or PAD_PROXY") ChosenBy chosenBy,
                  @Schema(description = "The proxy's name, as in the advance directive") @Size(max = 200) String chooserName,
                  @Schema(description = "A clinician typing the choice attests the chooser is present and chose")
                  Boolean attestChooserPresent) {
    }

    record Reason(@Size(max = 2000) String reason) {
    }

    record Collaborate(@NotNull @Min(0) @Max(9) Integer explainedIssues,
                       @NotNull @Min(0) @Max(9) Integer listenedToWhatMatters,
                       @NotNull @Min(0) @Max(9) Integer includedWhatMatters) {
    }

    private final DecisionService decisions;

    DecisionController(DecisionService decisions) {
        this.decisions = decisions;
    }

    @PostMapping("/api/cases/{caseId}/decisions")
    @Operation(summary = "Open a decision the person faces")
    ResponseEntity<Map<String, String>> open(Viewer viewer, @PathVariable String caseId, @Valid @RequestBody Open body) {
        String id = decisions.open(viewer, caseId, body.question());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(id))
                .body(Map.of("id", id));
    }

    @GetMapping("/api/cases/{caseId}/decisions")
    @Operation(summary = "The case's decisions")
    List<DecisionView> list(Viewer viewer, @PathVariable String caseId) {
        return decisions.list(viewer, caseId);
    }

    @GetMapping("/api/cases/{caseId}/decisions/{decisionId}")
    @Operation(summary = "One decision: the options side by side, the person's preferences, both views, the answers")
    DecisionView get(Viewer viewer, @PathVariable String caseId, @PathVariable String decisionId) {
        return decisions.get(viewer, caseId, decisionId);
    }

    @PostMapping("/api/cases/{caseId}/decisions/{decisionId}/options")
    @Operation(summary = "Put an option on the table")
    ResponseEntity<Map<String, String>> propose(Viewer viewer, @PathVariable String caseId,
                                                @PathVariable String decisionId, @Valid @RequestBody NewOption body) {
        String id = decisions.propose(viewer, caseId, decisionId, new DecisionService.NewOption(body.kind(),
                body.whatItIs(), body.benefits(), body.harms(), body.whatItAsksOfMe()));
        return ResponseEntity.status(201).body(Map.of("id", id));
    }

    @DeleteMapping("/api/cases/{caseId}/decisions/{decisionId}/options/{optionId}")
    @Operation(summary = "Take an option off the table")
    ResponseEntity<Void> withdraw(Viewer viewer, @PathVariable String caseId, @PathVariable String decisionId,
                                  @PathVariable String optionId, @RequestParam(required = false) String reason) {
        decisions.withdraw(viewer, caseId, decisionId, optionId, reason);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cases/{caseId}/decisions/{decisionId}/present")
    @Operation(summary = "Give the options to the person: at least two, never medication alone")
    ResponseEntity<Void> present(Viewer viewer, @PathVariable String caseId, @PathVariable String decisionId) {
        decisions.present(viewer, caseId, decisionId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cases/{caseId}/decisions/{decisionId}/preferences")
    @Operation(summary = "The person's preferences and what matters most, in their own words")
    ResponseEntity<Void> preferences(Viewer viewer, @PathVariable String caseId, @PathVariable String decisionId,
                                     @Valid @RequestBody Preferences body) {
        decisions.recordPreferences(viewer, caseId, decisionId, body.whatMattersMost(), body.preferences());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cases/{caseId}/decisions/{decisionId}/views")
    @Operation(summary = "The psychiatrist's or the peer's own view, recorded separately")
    ResponseEntity<Void> view(Viewer viewer, @PathVariable String caseId, @PathVariable String decisionId,
                              @Valid @RequestBody View body) {
        decisions.recordView(viewer, caseId, decisionId, body.view(), body.category());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cases/{caseId}/decisions/{decisionId}/choose")
    @Operation(summary = "Record the person's choice, or \"not now\"; a clinician must attest the person is present and chose")
    ResponseEntity<Void> choose(Viewer viewer, @PathVariable String caseId, @PathVariable String decisionId,
                                @Valid @RequestBody Choice body) {
        decisions.choose(viewer, caseId, decisionId, new DecisionService.Choice(body.optionId(),
                Boolean.TRUE.equals(body.notNow()), body.inTheirWords(), body.chosenBy(), body.chooserName(),
                Boolean.TRUE.equals(body.attestChooserPresent())));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cases/{caseId}/decisions/{decisionId}/revisit")
    @Operation(summary = "Open an answered decision again")
    ResponseEntity<Void> revisit(Viewer viewer, @PathVariable String caseId, @PathVariable String decisionId,
                                 @Valid @RequestBody(required = false) Reason body) {
        decisions.revisit(viewer, caseId, decisionId, body == null ? null : body.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cases/{caseId}/decisions/{decisionId}/collaborate")
    @Operation(summary = "The person's CollaboRATE answers (three items, 0-9)")
    ResponseEntity<Void> collaborate(Viewer viewer, @PathVariable String caseId, @PathVariable String decisionId,
                                     @Valid @RequestBody Collaborate body) {
        decisions.recordCollaborate(viewer, caseId, decisionId, body.explainedIssues(), body.listenedToWhatMatters(),
                body.includedWhatMatters());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/me/decisions")
    @Operation(summary = "The person served's own decisions, those waiting for them first")
    List<DecisionView> mine(Viewer viewer) {
        return decisions.mine(viewer);
    }
}
