package org.dyad.application.shared;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Lets a command's caller wait until a read model shows its change (read-your-writes). Projections on this node
 * signal every store; polling covers a processor that runs on another node.
 */
@Component
public class ReadModelFreshness {

    private static final Duration POLL = Duration.ofMillis(50);

    private final long pollNanos;

    public ReadModelFreshness() {
        this(POLL);
    }

    ReadModelFreshness(Duration poll) {
        this.pollNanos = poll.toNanos();
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Counts signals, so a signal that comes while a waiter reads the stored version is not missed. */
    private long generation;

    /** Wakes the waiters once the current unit of work (if any) has committed. */
    public void changed() {
        AfterCommit.run(this::signal);
    }

    private void signal() {
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True when {@code storedVersion} reached {@code version} within {@code timeout}. */
    public boolean await(LongSupplier storedVersion, long version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = generation();
            if (storedVersion.getAsLong() >= version) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            lock.lock();
            try {
                if (generation == seen) {
                    changed.awaitNanos(Math.min(left, pollNanos));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                lock.unlock();
            }
        }
    }

    private long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }
}
