package org.dyad.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dyad.application.access.Viewer;
import org.dyad.application.maintenance.ProjectionRebuild;
import org.dyad.application.users.AccountAdministration;
import org.dyad.application.users.AccountRole;
import org.dyad.application.users.Unit;
import org.dyad.application.users.UserAccount;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/admin")
@Tag(name = "Administration", description = "Accounts, units and read-model rebuilds; admins read no clinical content")
class AdminController {

    private static final String ID = "[a-z0-9][a-z0-9._-]{1,59}";

    record NewAccount(@NotBlank @Pattern(regexp = ID, message = "use 2-60 lower-case letters, digits, '.', '_' or '-'") String userId,
                      @NotBlank @Size(max = 200) String displayName,
                      @NotNull AccountRole role,
                      @Size(max = 60) String unit,
                      @NotBlank @Size(min = 8, max = 200, message = "use at least 8 characters") String password) {
    }

    record NewUnit(@NotBlank @Pattern(regexp = ID, message = "use 2-60 lower-case letters, digits, '.', '_' or '-'") String unitId,
                   @NotBlank @Size(max = 200) String name) {
    }

    record Account(String userId, String displayName, AccountRole role, String unit, boolean enabled) {
        static Account of(UserAccount a) {
            return new Account(a.userId(), a.displayName(), a.role(), a.unit(), a.enabled());
        }
    }

    private final AccountAdministration administration;
    private final ProjectionRebuild rebuild;

    AdminController(AccountAdministration administration, ProjectionRebuild rebuild) {
        this.administration = administration;
        this.rebuild = rebuild;
    }

    @PostMapping("/users")
    @Operation(summary = "Create an account; clinical staff join a unit's team")
    ResponseEntity<Map<String, String>> createAccount(Viewer viewer, @Valid @RequestBody NewAccount body) {
        UserAccount account = administration.createAccount(viewer, new AccountAdministration.NewAccount(
                body.userId(), body.displayName(), body.role(), body.unit(), body.password()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(account.userId()))
                .body(Map.of("id", account.userId()));
    }

    @GetMapping("/users")
    @Operation(summary = "Every account, without password hashes")
    List<Account> accounts(Viewer viewer) {
        return administration.accounts(viewer).stream().map(Account::of).toList();
    }

    @PostMapping("/units")
    @Operation(summary = "Create a unit")
    ResponseEntity<Map<String, String>> createUnit(Viewer viewer, @Valid @RequestBody NewUnit body) {
        Unit unit = administration.createUnit(viewer, new Unit(body.unitId(), body.name()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(unit.unitId()))
                .body(Map.of("id", unit.unitId()));
    }

    @GetMapping("/units")
    @Operation(summary = "Every unit")
    List<Unit> units(Viewer viewer) {
        return administration.units(viewer);
    }

    @GetMapping("/projections")
    @Operation(summary = "Where the read models' processor is against the store's last event, and whether it replays")
    ProjectionRebuild.Status projections(Viewer viewer) {
        return rebuild.status(viewer);
    }

    @PostMapping("/projections/rebuild")
    @Operation(summary = "Rebuild the read models from the first event; 202 at once, then follow GET /projections")
    ResponseEntity<ProjectionRebuild.Status> rebuildProjections(Viewer viewer) {
        return ResponseEntity.accepted().body(rebuild.rebuild(viewer));
    }
}
