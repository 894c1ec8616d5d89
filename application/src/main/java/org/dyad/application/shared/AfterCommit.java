package org.dyad.application.shared;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs what tells others about a change (screens, waiting commands) once the unit of work that made the change has
 * committed, or, for those waiting to read a view, once its views are written: a processor's view writes go out
 * with its batch, so telling earlier would send readers to old views.
 */
public final class AfterCommit {

    private static final String VIEWS_WRITTEN = AfterCommit.class.getName() + "#views-written";

    private AfterCommit() {
    }

    public static void run(Runnable announcement) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(u -> announcement.run());
        } else {
            announcement.run();
        }
    }

    /**
     * Gathers {@code change} with the others of its {@code topic} in this unit of work (a processor's whole batch);
     * once it has committed, {@code announcement} gets them all, in order, in one call. Without a unit of work it
     * gets this one at once. The announcement of a topic's first change in a unit of work is the one that runs.
     */
    public static <T> void gather(String topic, T change, Consumer<List<T>> announcement) {
        if (!CurrentUnitOfWork.isStarted()) {
            announcement.accept(List.of(change));
            return;
        }
        gathered(AfterCommit.class.getName() + "#" + topic, announcement).add(change);
    }

    /**
     * For someone waiting to read a view: runs {@code announcement} once this unit of work's views are written
     * ({@link #viewsWritten()}), which a processor's batch says before it stores its token, one store round trip
     * before it commits; if nothing says so, after commit. Without a unit of work it runs at once. Should the batch
     * fail after its views are written, they stay written and its retry writes the same.
     */
    public static void runOnceViewsWritten(Runnable announcement) {
        if (!CurrentUnitOfWork.isStarted()) {
            announcement.run();
            return;
        }
        gathered(VIEWS_WRITTEN, AfterCommit::runAll).add(announcement);
    }

    /** The current unit of work's views are written: runs what {@link #runOnceViewsWritten} held for that. */
    public static void viewsWritten() {
        if (CurrentUnitOfWork.isStarted()) {
            List<Runnable> waiting = CurrentUnitOfWork.get().root().getResource(VIEWS_WRITTEN);
            if (waiting != null) {
                runAll(waiting);
            }
        }
    }

    /** The current unit of work's list under {@code key}; the first call has {@code afterCommit} given it on commit. */
    private static <T> List<T> gathered(String key, Consumer<List<T>> afterCommit) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key, k -> {
            List<T> list = new ArrayList<>();
            root.afterCommit(u -> afterCommit.accept(list));
            return list;
        });
    }

    private static void runAll(List<Runnable> announcements) {
        List<Runnable> due = List.copyOf(announcements);
        announcements.clear();
        due.forEach(Runnable::run);
    }
}
