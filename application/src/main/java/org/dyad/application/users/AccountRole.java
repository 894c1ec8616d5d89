package org.dyad.application.users;

import org.dyad.domain.cases.CareTeamRole;

import java.util.Optional;

/** What a user account is for. Clinical roles map to a care-team role; the others never sit on a team. */
public enum AccountRole {
    PSYCHIATRIST(CareTeamRole.PSYCHIATRIST),
    PEER_SPECIALIST(CareTeamRole.PEER_SPECIALIST),
    NURSE(CareTeamRole.NURSE),
    THERAPIST(CareTeamRole.THERAPIST),
    SOCIAL_WORKER(CareTeamRole.SOCIAL_WORKER),
    CASE_MANAGER(CareTeamRole.CASE_MANAGER),
    AUDITOR(null),
    ADMIN(null),
    PERSON_SERVED(null);

    private final CareTeamRole careTeamRole;

    AccountRole(CareTeamRole careTeamRole) {
        this.careTeamRole = careTeamRole;
    }

    public Optional<CareTeamRole> careTeamRole() {
        return Optional.ofNullable(careTeamRole);
    }

    public boolean isClinicalStaff() {
        return careTeamRole != null;
    }
}
