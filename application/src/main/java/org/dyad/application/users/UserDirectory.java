package org.dyad.application.users;

import java.util.List;
import java.util.Optional;

/** Where accounts live. */
public interface UserDirectory {

    Optional<UserAccount> find(String userId);

    /** Stores the account unless one with the same id exists; true when stored. */
    boolean createIfAbsent(UserAccount account);

    List<UserAccount> all();

    default String displayName(String userId) {
        return find(userId).map(UserAccount::displayName).orElse(userId);
    }
}
