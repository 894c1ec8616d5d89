package org.dyad.application.cases;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets a command's caller wait until the case view shows its own change (read-your-writes).
 * Woken by this node's projection; polls storage too, for when another node holds the processor.
 */
@Component
public class CaseViewFreshness implements CaseViewListener {

    private static final long POLL_MILLIS = 50;

    private final CaseViews views;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    public CaseViewFreshness(CaseViews views) {
        this.views = views;
    }

    @Override
    public void caseViewChanged(CaseView view) {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True when the view reached {@code version} within {@code timeout}. */
    public boolean await(String caseId, long version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<CaseView> view = views.find(caseId);
            if (view.isPresent() && view.get().getVersion() >= version) {
                return true;
            }
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
    }
}
