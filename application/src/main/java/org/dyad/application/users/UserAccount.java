package org.dyad.application.users;

/** A login. {@code unit} is the team a staff member belongs to; null for auditors, admins and persons served. */
public record UserAccount(String userId, String displayName, AccountRole role, String unit, String passwordHash,
                          boolean enabled) {

    /** Never prints the password hash. */
    @Override
    public String toString() {
        return "UserAccount[" + userId + ", " + role + (unit == null ? "" : ", " + unit) + "]";
    }
}
