package org.dyad.application.shared;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Runs what tells others about a change (screens, waiting commands) once the unit of work that made the change has
 * committed: a processor's view writes go out with its batch, so telling earlier would send readers to old views.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable announcement) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(u -> announcement.run());
        } else {
            announcement.run();
        }
    }
}
