package org.dyad.application.shared;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Lets a command's caller wait until a read model shows its change (read-your-writes). Projections on this node say
 * which view reached which version once their batch's views are written, so a waiter is woken by its own view's
 * change without reading the store again; polling the store covers a processor that runs on another node (sooner
 * when another process may be writing to the store).
 */
@Component
public class ReadModelFreshness {

    /** This node's projection usually reports the change sooner: reading the store at once was a wasted read. */
    private static final Duration FIRST_READ = Duration.ofMillis(10);
    /**
     * When this process is the store's only writer, its own projections report every change, and a read only
     * guards against a report that never comes.
     */
    private static final Duration FIRST_READ_ONLY_WRITER = Duration.ofMillis(250);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int REMEMBERED_VIEWS = 10_000;

    private final long firstReadNanos;
    private final long pollNanos;
    private final ReentrantLock lock = new ReentrantLock();
    /** view id → its waiters, guarded by {@link #lock}: a change wakes only those waiting for its view. */
    private final Map<String, Waiters> waiting = new HashMap<>();
    /** view id → the newest version this node's projections stored, for recently changed views; guarded by lock. */
    private final Map<String, Long> stored = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_VIEWS;
        }
    };

    private static final class Waiters {
        final Condition changed;
        int count;

        Waiters(Condition changed) {
            this.changed = changed;
        }
    }

    @Autowired
    public ReadModelFreshness(StoreWriters writers) {
        this(writers.single() ? FIRST_READ_ONLY_WRITER : FIRST_READ, POLL);
    }

    ReadModelFreshness(Duration firstRead, Duration poll) {
        this.firstReadNanos = firstRead.toNanos();
        this.pollNanos = poll.toNanos();
    }

    /** The views were cleared for a rebuild: the versions stored before say nothing about them now. */
    public void forgetAll() {
        lock.lock();
        try {
            stored.clear();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The view {@code viewId} was stored at {@code version}; told to the waiters once the current unit of work's
     * views are written ({@link AfterCommit#runOnceViewsWritten}).
     */
    public void changed(String viewId, long version) {
        AfterCommit.runOnceViewsWritten(() -> {
            lock.lock();
            try {
                stored.merge(viewId, version, Math::max);
                Waiters waiters = waiting.get(viewId);
                if (waiters != null) {
                    waiters.changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        });
    }

    /**
     * True when view {@code viewId} reached {@code version} within {@code timeout}: as this node's projections report
     * it, or as {@code storedVersion} reads it from the store (first after a short while, then every poll: the
     * view may be projected on another node).
     */
    public boolean await(String viewId, LongSupplier storedVersion, long version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextRead = System.nanoTime() + firstReadNanos;
        lock.lock();
        Waiters waiters = waiting.computeIfAbsent(viewId, id -> new Waiters(lock.newCondition()));
        waiters.count++;
        try {
            // Changes are recorded and signalled under the lock, held from this check until the wait begins.
            while (stored.getOrDefault(viewId, Long.MIN_VALUE) < version) {
                long now = System.nanoTime();
                if (now - nextRead >= 0) {
                    long read;
                    lock.unlock();
                    try {
                        read = storedVersion.getAsLong();
                    } finally {
                        lock.lock();
                    }
                    if (read >= version) {
                        return true;
                    }
                    nextRead = System.nanoTime() + pollNanos;
                    continue;
                }
                long left = deadline - now;
                if (left <= 0) {
                    return false;
                }
                waiters.changed.awaitNanos(Math.max(1, Math.min(left, nextRead - now)));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (--waiters.count == 0) {
                waiting.remove(viewId);
            }
            lock.unlock();
        }
    }

    /** Views someone waits for now. */
    int waitedForViews() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }
}
