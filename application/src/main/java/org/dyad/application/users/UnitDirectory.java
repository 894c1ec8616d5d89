package org.dyad.application.users;

import java.util.List;
import java.util.Optional;

public interface UnitDirectory {

    Optional<Unit> find(String unitId);

    boolean createIfAbsent(Unit unit);

    List<Unit> all();
}
