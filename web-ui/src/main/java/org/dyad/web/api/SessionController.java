package org.dyad.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dyad.application.access.Viewer;
import org.dyad.application.cotreatment.SessionService;
import org.dyad.application.cotreatment.SessionView;
import org.dyad.domain.shared.Sensitivity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/cases/{caseId}/sessions")
@Tag(name = "Co-treatment sessions", description = "The peer and the psychiatrist with the person at the same time")
class SessionController {

    record Schedule(@NotNull OffsetDateTime scheduledFor, @Size(max = 200) String place) {
    }

    record At(@Schema(description = "When it happened (clinical time); defaults to now, never in the future")
              OffsetDateTime at) {
    }

    record Attendance(@Schema(description = "\"person\" for the person served, or a staff login")
                      @Size(max = 100) String participant,
                      @Schema(description = "Instead of participant: someone the person brought (family, friend, advocate)")
                      @Size(max = 200) String supporterName,
                      OffsetDateTime at) {
    }

    record Note(@NotBlank @Size(max = 20_000) String text,
                @Schema(description = "PEER_CONFIDENTIAL (a peer's default), PSYCHIATRIC (a psychiatrist's default), SUD_PART2, GENERAL")
                Sensitivity category) {
    }

    record Amendment(@NotBlank @Size(max = 20_000) String text, @NotBlank @Size(max = 2000) String reason) {
    }

    record Reason(@Size(max = 2000) String reason) {
    }

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @PostMapping
    @Operation(summary = "Schedule a co-treatment session with the case's dyad and the person")
    ResponseEntity<Map<String, String>> schedule(Viewer viewer, @PathVariable String caseId,
                                                 @Valid @RequestBody Schedule body) {
        String id = sessions.schedule(viewer, caseId, body.scheduledFor().toInstant(), body.place());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(id))
                .body(Map.of("id", id));
    }

    @GetMapping
    @Operation(summary = "The case's sessions, earliest first")
    List<SessionView> list(Viewer viewer, @PathVariable String caseId) {
        return sessions.list(viewer, caseId, "REST");
    }

    @GetMapping("/{sessionId}")
    @Operation(summary = "One session: attendance, what it turned out to be, each clinician's note, the peer's differing view")
    SessionView get(Viewer viewer, @PathVariable String caseId, @PathVariable String sessionId) {
        return sessions.get(viewer, caseId, sessionId, "REST");
    }

    @PostMapping("/{sessionId}/reschedule")
    @Operation(summary = "Move a session that has not started")
    ResponseEntity<Void> reschedule(Viewer viewer, @PathVariable String caseId, @PathVariable String sessionId,
                                    @Valid @RequestBody Schedule body) {
        sessions.reschedule(viewer, caseId, sessionId, body.scheduledFor().toInstant(), body.place());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{sessionId}/cancel")
    @Operation(summary = "Cancel a session that has not started")
    ResponseEntity<Void> cancel(Viewer viewer, @PathVariable String caseId, @PathVariable String sessionId,
                                @Valid @RequestBody(required = false) Reason body) {
        sessions.cancel(viewer, caseId, sessionId, body == null ? null : body.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{sessionId}/start")
    @Operation(summary = "Start the session")
    ResponseEntity<Void> start(Viewer viewer, @PathVariable String caseId, @PathVariable String sessionId,
                               @Valid @RequestBody(required = false) At body) {
        sessions.start(viewer, caseId, sessionId, at(body == null ? null : body.at()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{sessionId}/join")
    @Operation(summary = "Someone joins the session")
    ResponseEntity<Void> join(Viewer viewer, @PathVariable String caseId, @PathVariable String sessionId,
                              @Valid @RequestBody Attendance body) {
        sessions.join(viewer, caseId, sessionId, body.participant(), body.supporterName(), at(body.at()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{sessionId}/leave")
    @Operation(summary = "Someone leaves the session")
    ResponseEntity<Void> leave(Viewer viewer, @PathVariable String caseId, @PathVariable String sessionId,
                               @Valid @RequestBody Attendance body) {
        sessions.leave(viewer, caseId, sessionId, body.participant(), body.supporterName(), at(body.at()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{sessionId}/end")
    @Operation(summary = "End the session; the record says whether it was co-treatment or what it was instead")
    ResponseEntity<Void> end(Viewer viewer, @PathVariable String caseId, @PathVariable String sessionId,
                             @Valid @RequestBody(required = false) At body) {
        sessions.end(viewer, caseId, sessionId, at(body == null ? null : body.at()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{sessionId}/notes")
    @Operation(summary = "Write or rewrite your own unsigned note")
    ResponseEntity<Void> writeNote(Viewer viewer, @PathVariable String caseId, @PathVariable String sessionId,
                                   @Valid @RequestBody Note body) {
        sessions.writeNote(viewer, caseId, sessionId, body.text(), body.category());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{sessionId}/notes/sign")
    @Operation(summary = "Sign your own note")
    ResponseEntity<Void> signNote(Viewer viewer, @PathVariable String caseId, @PathVariable String sessionId) {
        sessions.signNote(viewer, caseId, sessionId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{sessionId}/notes/amend")
    @Operation(summary = "Amend your own signed note, with a reason")
    ResponseEntity<Void> amendNote(Viewer viewer, @PathVariable String caseId, @PathVariable String sessionId,
                                   @Valid @RequestBody Amendment body) {
        sessions.amendNote(viewer, caseId, sessionId, body.text(), body.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{sessionId}/notes/{authorId}/co-sign")
    @Operation(summary = "Always refused with an explanation: each clinician signs only their own note")
    ResponseEntity<Void> coSign(Viewer viewer, @PathVariable String caseId, @PathVariable String sessionId,
                                @PathVariable String authorId) {
        sessions.coSign(viewer, caseId, sessionId, authorId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{sessionId}/differing-view")
    @Operation(summary = "The peer records their own view, beside the psychiatrist's note")
    ResponseEntity<Void> differingView(Viewer viewer, @PathVariable String caseId, @PathVariable String sessionId,
                                       @Valid @RequestBody Note body) {
        sessions.recordDifferingView(viewer, caseId, sessionId, body.text(), body.category());
        return ResponseEntity.noContent().build();
    }

    private static Instant at(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
