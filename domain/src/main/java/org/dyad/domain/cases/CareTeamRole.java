package org.dyad.domain.cases;

/** The role a staff member holds on one person's care team. */
public enum CareTeamRole {
    PSYCHIATRIST,
    PEER_SPECIALIST,
    NURSE,
    THERAPIST,
    SOCIAL_WORKER,
    CASE_MANAGER
}
