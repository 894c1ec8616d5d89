package org.dyad.application.shared;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs what tells others about a change (screens, waiting commands) once the unit of work that made the change has
 * committed, or, for those waiting to read a view, once its views are written: a processor's view writes go out
 * with its batch, so telling earlier would send readers to old views.
 */
public final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);
    private static final String VIEWS_WRITTEN = AfterCommit.class.getName() + "#views-written";
    private static final String WRITTEN_LATER = AfterCommit.class.getName() + "#written-later";

    private AfterCommit() {
    }

    public static void run(Runnable announcement) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(u -> announce(u, announcement));
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

    /**
     * The current unit of work's views are written after it commits, while the processor goes on with its next
     * batch: what would run after commit, or once its views are written, runs once the returned action is run,
     * which says they are written. Never run, should the write fail: the batch is then handled again.
     */
    public static Runnable viewsWrittenLater() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<Runnable> waitingForViews = root.getResource(VIEWS_WRITTEN);
        WrittenLater later = new WrittenLater(waitingForViews == null ? new ArrayList<>() : waitingForViews);
        root.resources().put(WRITTEN_LATER, later);
        return later::written;
    }

    /** The current unit of work's list under {@code key}; the first call has {@code afterCommit} given it on commit. */
    private static <T> List<T> gathered(String key, Consumer<List<T>> afterCommit) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key, k -> {
            List<T> list = new ArrayList<>();
            root.afterCommit(u -> announce(u, () -> afterCommit.accept(list)));
            return list;
        });
    }

    private static void announce(UnitOfWork<?> committed, Runnable announcement) {
        WrittenLater later = committed.root().getResource(WRITTEN_LATER);
        if (later == null) {
            announcement.run();
        } else {
            later.run(announcement);
        }
    }

    /**
     * Announcements held until a unit of work's views are written, those waiting to read a view first; those that
     * come after that run at once.
     */
    private static final class WrittenLater {
        private final List<Runnable> waitingForViews;
        /** Null once written. Guarded by this. */
        private List<Runnable> waiting = new ArrayList<>();

        WrittenLater(List<Runnable> waitingForViews) {
            this.waitingForViews = waitingForViews;
        }

        void run(Runnable announcement) {
            synchronized (this) {
                if (waiting != null) {
                    waiting.add(announcement);
                    return;
                }
            }
            announcement.run();
        }

        /** On the thread that wrote the views: an announcement that fails does not undo the write. */
        void written() {
            List<Runnable> first = List.copyOf(waitingForViews);
            waitingForViews.clear();
            first.forEach(WrittenLater::announce);
            List<Runnable> due;
            synchronized (this) {
                due = waiting;
                waiting = null;
            }
            due.forEach(WrittenLater::announce);
        }

        private static void announce(Runnable announcement) {
            try {
                announcement.run();
            } catch (RuntimeException e) {
                log.warn("An announcement after the views were written failed", e);
            }
        }
    }

    private static void runAll(List<Runnable> announcements) {
        List<Runnable> due = List.copyOf(announcements);
        announcements.clear();
        due.forEach(Runnable::run);
    }
}
