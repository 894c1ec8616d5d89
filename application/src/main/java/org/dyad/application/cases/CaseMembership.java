package org.dyad.application.cases;

/** What access to a case turns on: whose case it is, who is on its care team, its unit and whether it is restricted. */
public interface CaseMembership {

    boolean isPersonServed(String userId);

    boolean hasMember(String userId);

    boolean isRestricted();

    String getUnit();
}
