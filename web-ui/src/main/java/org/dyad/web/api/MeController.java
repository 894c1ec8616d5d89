package org.dyad.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.dyad.application.users.AccountRole;
import org.dyad.application.users.UserDirectory;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;

@RestController
@Tag(name = "Me and staff")
class MeController {

    record Me(String userId, String displayName, AccountRole role, String unit, String csrfHeader, String csrfToken) {
    }

    record StaffMember(String userId, String displayName, AccountRole role, String unit) {
    }

    private final UserDirectory users;

    MeController(UserDirectory users) {
        this.users = users;
    }

    @GetMapping("/api/me")
    @Operation(summary = "Who you are signed in as, and the CSRF token pages send with changes")
    Me me(Viewer viewer, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Me(viewer.userId(), users.displayName(viewer.userId()), viewer.role(), viewer.unit(),
                csrf == null ? null : csrf.getHeaderName(), csrf == null ? null : csrf.getToken());
    }

    @GetMapping("/api/staff")
    @Operation(summary = "Clinical staff who can join care teams, optionally of one unit")
    List<StaffMember> staff(Viewer viewer, @RequestParam(required = false) String unit) {
        if (!viewer.role().isClinicalStaff()) {
            throw new NotPermitted("Only clinical staff see the staff list.");
        }
        return users.all().stream()
                .filter(u -> u.role().isClinicalStaff() && u.enabled())
                .filter(u -> unit == null || unit.equals(u.unit()))
                .map(u -> new StaffMember(u.userId(), u.displayName(), u.role(), u.unit()))
                .sorted(Comparator.comparing(StaffMember::displayName))
                .toList();
    }
}
