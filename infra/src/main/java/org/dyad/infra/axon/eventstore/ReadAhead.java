package org.dyad.infra.axon.eventstore;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A tracking reader's stream of stored events that fetches the next batch on another thread while the reader
 * handles the one before, so that a processor catching up (a rebuild) reads and projects at the same time. A batch
 * is fetched from the last token of the one before, as the plain stream would; only earlier.
 */
final class ReadAhead extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

    private static final ExecutorService READERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "event-read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    private final Function<TrackingToken, List<? extends TrackedEventData<?>>> fetch;
    private final Executor executor;
    private TrackingToken lastToken;
    private Iterator<? extends TrackedEventData<?>> batch = Collections.emptyIterator();
    private CompletableFuture<List<? extends TrackedEventData<?>>> next;

    private ReadAhead(TrackingToken from, Function<TrackingToken, List<? extends TrackedEventData<?>>> fetch,
                      Executor executor) {
        super(Long.MAX_VALUE, NONNULL | ORDERED | DISTINCT);
        this.lastToken = from;
        this.fetch = fetch;
        this.executor = executor;
    }

    static Stream<TrackedEventData<?>> stream(TrackingToken from,
                                              Function<TrackingToken, List<? extends TrackedEventData<?>>> fetch) {
        ReadAhead reader = new ReadAhead(from, fetch, READERS);
        return StreamSupport.stream(reader, false).onClose(reader::close);
    }

    @Override
    public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
        if (!batch.hasNext()) {
            List<? extends TrackedEventData<?>> fetched = next == null ? fetch.apply(lastToken) : await(next);
            next = null;
            if (fetched.isEmpty()) {
                return false;
            }
            TrackingToken end = fetched.get(fetched.size() - 1).trackingToken();
            next = CompletableFuture.supplyAsync(() -> fetch.apply(end), executor);
            batch = fetched.iterator();
        }
        TrackedEventData<?> event = batch.next();
        lastToken = event.trackingToken();
        action.accept(event);
        return true;
    }

    private void close() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new EventStoreException("Interrupted while reading events ahead", e);
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new EventStoreException("Could not read events ahead", cause);
        }
    }
}
