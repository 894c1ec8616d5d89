package org.dyad.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.dyad.application.access.Viewer;
import org.dyad.application.consent.ConsentService;
import org.dyad.application.consent.ConsentView;
import org.dyad.application.shared.InvalidInput;
import org.dyad.domain.consent.Purpose;
import org.dyad.domain.consent.Recipient;
import org.dyad.domain.consent.RecipientKind;
import org.dyad.domain.shared.Sensitivity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RestController
@Tag(name = "Consent", description = "The person decides what is shared, with whom, why and until when (42 CFR Part 2 §2.31)")
class ConsentController {

    record RecipientBody(@NotNull RecipientKind kind,
                         @Schema(description = "A staff login, a role (e.g. PSYCHIATRIST) or an organisation's name")
                         @NotBlank @Size(max = 200) String id) {
    }

    record Grant(@Schema(description = "Who may disclose, e.g. \"Jordan Reyes, peer specialist\"")
                 @NotBlank @Size(max = 200) String discloser,
                 @NotEmpty @Size(max = 20) List<@Valid RecipientBody> recipients,
                 @NotEmpty Set<Sensitivity> categories,
                 @NotEmpty Set<Purpose> purposes,
                 @Schema(description = "The purpose in the person's words") @Size(max = 1000) String purposeInTheirWords,
                 @Schema(description = "Until this date (exclusive); or give expiresUpon") LocalDate expiresOn,
                 @Schema(description = "Until this event, e.g. \"my discharge\"") @Size(max = 200) String expiresUpon,
                 @NotBlank @Size(max = 200) String signedBy,
                 @NotNull @PastOrPresent LocalDate signedOn,
                 @Schema(description = "The person was told, and understands, they may revoke this at any time")
                 @NotNull @AssertTrue(message = "must be acknowledged") Boolean rightToRevokeAcknowledged) {
    }

    private final ConsentService consents;

    ConsentController(ConsentService consents) {
        this.consents = consents;
    }

    @PostMapping("/api/cases/{caseId}/consents")
    @Operation(summary = "Grant a consent; every §2.31 element is required, and a missing one is named")
    ResponseEntity<Map<String, String>> grant(Viewer viewer, @PathVariable String caseId, @Valid @RequestBody Grant body) {
        if (body.expiresOn() == null && (body.expiresUpon() == null || body.expiresUpon().isBlank())) {
            throw new InvalidInput("expiresOn", "Say until when: a date (expiresOn) or an event (expiresUpon).");
        }
        String id = consents.grant(viewer, caseId, new ConsentService.NewConsent(body.discloser(),
                body.recipients().stream().map(r -> new Recipient(r.kind(), r.id())).toList(), body.categories(),
                body.purposes(), body.purposeInTheirWords(), body.expiresOn(), body.expiresUpon(), body.signedBy(),
                body.signedOn(), body.rightToRevokeAcknowledged()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(id))
                .body(Map.of("id", id));
    }

    @GetMapping("/api/cases/{caseId}/consents")
    @Operation(summary = "The case's consents, newest first")
    List<ConsentView> list(Viewer viewer, @PathVariable String caseId) {
        return consents.list(viewer, caseId);
    }

    @PostMapping("/api/cases/{caseId}/consents/{consentId}/revoke")
    @Operation(summary = "Revoke a consent; it takes effect at once, on every screen")
    ResponseEntity<Void> revoke(Viewer viewer, @PathVariable String caseId, @PathVariable String consentId) {
        consents.revoke(viewer, caseId, consentId);
        return ResponseEntity.noContent().build();
    }

    record Because(@Schema(description = "The event the consent ran until, which has now happened")
                   @NotBlank @Size(max = 200) String because) {
    }

    @PostMapping("/api/cases/{caseId}/consents/{consentId}/expire")
    @Operation(summary = "Record that the event a consent ran until has happened; it ends at once")
    ResponseEntity<Void> expire(Viewer viewer, @PathVariable String caseId, @PathVariable String consentId,
                                @Valid @RequestBody Because body) {
        consents.expireUpon(viewer, caseId, consentId, body.because());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/me/consents")
    @Operation(summary = "The person served's own consents")
    List<ConsentView> mine(Viewer viewer) {
        return consents.mine(viewer);
    }
}
