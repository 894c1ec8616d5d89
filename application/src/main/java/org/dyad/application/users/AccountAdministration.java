package org.dyad.application.users;

import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.dyad.application.shared.InvalidInput;
import org.dyad.domain.shared.DomainRuleViolation;
import org.springframework.stereotype.Service;

import java.util.List;

/** Admins create staff accounts and units. Passwords are stored only as hashes. */
@Service
public class AccountAdministration {

    public record NewAccount(String userId, String displayName, AccountRole role, String unit, String password) {
    }

    private final AccessPolicy policy;
    private final UserDirectory users;
    private final UnitDirectory units;
    private final PasswordHasher hasher;

    public AccountAdministration(AccessPolicy policy, UserDirectory users, UnitDirectory units, PasswordHasher hasher) {
        this.policy = policy;
        this.users = users;
        this.units = units;
        this.hasher = hasher;
    }

    public UserAccount createAccount(Viewer viewer, NewAccount request) {
        requireAdmin(viewer);
        if (request.role().isClinicalStaff() && (request.unit() == null || units.find(request.unit()).isEmpty())) {
            throw new InvalidInput("unit", "Clinical staff belong to a unit's team; there is no unit '" + request.unit() + "'.");
        }
        if (!request.role().isClinicalStaff() && request.unit() != null) {
            throw new InvalidInput("unit", "Only clinical staff belong to a unit's team.");
        }
        UserAccount account = new UserAccount(request.userId(), request.displayName(), request.role(), request.unit(),
                hasher.hash(request.password()), true);
        if (!users.createIfAbsent(account)) {
            throw new DomainRuleViolation("There is already an account '" + request.userId() + "'.");
        }
        return account;
    }

    public List<UserAccount> accounts(Viewer viewer) {
        requireAdmin(viewer);
        return users.all();
    }

    public Unit createUnit(Viewer viewer, Unit unit) {
        requireAdmin(viewer);
        if (!units.createIfAbsent(unit)) {
            throw new DomainRuleViolation("There is already a unit '" + unit.unitId() + "'.");
        }
        return unit;
    }

    public List<Unit> units(Viewer viewer) {
        requireAdmin(viewer);
        return units.all();
    }

    private void requireAdmin(Viewer viewer) {
        if (!policy.mayAdminister(viewer)) {
            throw new NotPermitted("Only admins manage accounts and units.");
        }
    }
}
