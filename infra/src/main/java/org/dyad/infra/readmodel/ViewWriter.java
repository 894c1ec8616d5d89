package org.dyad.infra.readmodel;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
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

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final ExecutorService thread;
    private volatile PendingViews.Writes inFlight;
    private volatile Thread writing;
    /** Set by the processor's thread only. */
    private volatile CompletableFuture<Void> last = DONE;

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

    /** For the processor: returns once the writes handed over are done; throws, once, what they threw. */
    public void awaitWritten() {
        CompletableFuture<Void> pending = await();
        RuntimeException failure = failure(pending);
        if (failure != null) {
            synchronized (this) {
                if (last == pending) {
                    last = DONE;
                }
            }
            throw failure;
        }
    }

    /** Returns once the writes handed over are done; a failure stays for the processor to see. */
    void awaitQuietly() {
        await();
    }

    private CompletableFuture<Void> await() {
        CompletableFuture<Void> pending = last;
        if (Thread.currentThread() == writing) {
            return DONE; // an announcement run after a write: the write is done
        }
        failure(pending);
        return pending;
    }

    private static RuntimeException failure(CompletableFuture<Void> done) {
        try {
            done.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (CancellationException e) {
            return e;
        }
    }

    /** True until the writes handed over last are done. */
    public boolean writing() {
        return !last.isDone();
    }

    /** Throws, once, what writes handed over threw, if they are done and failed; does not wait for them. */
    public void throwIfFailed() {
        if (last.isCompletedExceptionally()) {
            awaitWritten();
        }
    }

    /**
     * For the processor: after the writes handed over before, writes these and then runs {@code then}, on the
     * writer's thread.
     */
    public void writeBehind(PendingViews.Writes writes, Runnable then) {
        awaitWritten();
        inFlight = writes;
        CompletableFuture<Void> next = CompletableFuture.runAsync(() -> {
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
        last = next;
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
