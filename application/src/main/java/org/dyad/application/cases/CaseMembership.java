package org.dyad.application.cases;

/** What access to a case turns on: whose case it is, who is on its care team, its unit and whether it is restricted. */
public interface CaseMembership {

    String getPersonServedUserId();

    boolean hasMember(String userId);

    boolean isRestricted();

    String getUnit();

    default boolean isPersonServed(String userId) {
        return getPersonServedUserId() != null && getPersonServedUserId().equals(userId);
    }
}
