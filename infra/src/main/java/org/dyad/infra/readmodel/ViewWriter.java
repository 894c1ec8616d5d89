package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Writes a processor's batch of view changes on a thread of its own while the processor goes on with the next
 * batch; one batch at a time, in order. Until a batch's writes are acknowledged, reads of its views inside the
 * next batch take them from the batch ({@link #known}), not from the store. A failed write is thrown to the next
 * caller of {@link #awaitWritten()}, which the processor's token store calls first in every call.
 */
@Component
public class ViewWriter implements DisposableBean {

    private final ExecutorService thread;
    private volatile PendingViews.Writes inFlight;
    private volatile Thread writing;
    /** Guarded by this. */
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    public ViewWriter() {
        this(Executors.newSingleThreadExecutor(task -> {
            Thread writer = new Thread(task, "view-writer");
            writer.setDaemon(true);
            return writer;
        }));
    }

    /** {@code thread}: runs one task at a time, in order. */
    public ViewWriter(ExecutorService thread) {
        this.thread = thread;
    }

    /** Returns once the writes handed over are done; throws, once, what they threw. */
    public synchronized void awaitWritten() {
        if (Thread.currentThread() == writing) {
            return; // an announcement run after a write: the write is done
        }
        try {
            last.join();
        } catch (CompletionException e) {
            last = CompletableFuture.completedFuture(null);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** True until the writes handed over last are done. */
    public synchronized boolean writing() {
        return !last.isDone();
    }

    /** Throws, once, what writes handed over threw, if they are done and failed; does not wait for them. */
    public synchronized void throwIfFailed() {
        if (last.isCompletedExceptionally()) {
            awaitWritten();
        }
    }

    /**
     * After the writes handed over before, writes these and then runs {@code then}, on the writer's thread.
     * The returned stage completes when both are done.
     */
    public synchronized CompletableFuture<Void> writeBehind(PendingViews.Writes writes, Runnable then) {
        awaitWritten();
        inFlight = writes;
        last = CompletableFuture.runAsync(() -> {
            writing = Thread.currentThread();
            try {
                try {
                    writes.write();
                } finally {
                    inFlight = null;
                }
                then.run();
            } finally {
                writing = null;
            }
        }, thread);
        return last;
    }

    /** What a batch still being written leaves of the view (empty inside: removed), or empty if it did not write it. */
    Optional<Optional<Document>> known(MongoCollection<Document> collection, String id) {
        PendingViews.Writes writes = inFlight;
        return writes == null ? Optional.empty() : writes.known(collection, id);
    }

    Map<String, Document> inFlight(MongoCollection<Document> collection) {
        PendingViews.Writes writes = inFlight;
        return writes == null ? Map.of() : writes.in(collection);
    }

    @Override
    public void destroy() {
        thread.shutdown();
    }
}
