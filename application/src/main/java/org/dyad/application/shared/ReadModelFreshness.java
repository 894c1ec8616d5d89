package org.dyad.application.shared;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Lets a command's caller wait until a read model shows its change (read-your-writes). Projections on this node
 * signal every store; polling covers a processor that runs on another node.
 */
@Component
public class ReadModelFreshness {

    private static final long POLL_MILLIS = 50;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    public void changed() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True when {@code storedVersion} reached {@code version} within {@code timeout}. */
    public boolean await(LongSupplier storedVersion, long version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (storedVersion.getAsLong() < version) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            lock.lock();
            try {
                changed.await(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, POLL_MILLIS), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                lock.unlock();
            }
        }
        return true;
    }
}
