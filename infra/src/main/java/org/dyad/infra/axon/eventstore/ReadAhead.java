package org.dyad.infra.axon.eventstore;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
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
 * A tracking reader's stream of stored events (as stored, or as messages: {@code tokenOf} gives each one's token)
 * that fetches the next batches on another thread while the reader
 * handles the one before, so that a processor catching up (a rebuild) reads and projects at the same time. Each
 * batch is fetched from the last token of the one before, as the plain stream would; only earlier. Up to
 * {@value #DEPTH} batches are fetched ahead: a processor takes several at once and handles them together.
 */
final class ReadAhead<E> extends Spliterators.AbstractSpliterator<E> {

    private static final ExecutorService READERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "event-read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    static final int DEPTH = 8;

    private final Function<TrackingToken, List<? extends E>> fetch;
    private final Function<E, TrackingToken> tokenOf;
    private final Executor executor;
    private TrackingToken lastToken;
    private Iterator<? extends E> batch = Collections.emptyIterator();
    /** Each fetched from the end of the one before it; one that comes back empty ends those after it. */
    private final Deque<CompletableFuture<List<? extends E>>> ahead = new ArrayDeque<>();

    private ReadAhead(TrackingToken from, Function<TrackingToken, List<? extends E>> fetch,
                      Function<E, TrackingToken> tokenOf, Executor executor) {
        super(Long.MAX_VALUE, NONNULL | ORDERED | DISTINCT);
        this.lastToken = from;
        this.fetch = fetch;
        this.tokenOf = tokenOf;
        this.executor = executor;
    }

    static <E> Stream<E> stream(TrackingToken from, Function<TrackingToken, List<? extends E>> fetch,
                                Function<E, TrackingToken> tokenOf) {
        ReadAhead<E> reader = new ReadAhead<>(from, fetch, tokenOf, READERS);
        return StreamSupport.stream(reader, false).onClose(reader::close);
    }

    @Override
    public boolean tryAdvance(Consumer<? super E> action) {
        if (!batch.hasNext()) {
            List<? extends E> fetched = ahead.isEmpty() ? fetch.apply(lastToken) : await(ahead.poll());
            if (fetched.isEmpty()) {
                close(); // the head: the next call asks the store again
                return false;
            }
            CompletableFuture<List<? extends E>> last =
                    ahead.isEmpty() ? CompletableFuture.completedFuture(fetched) : ahead.peekLast();
            while (ahead.size() < DEPTH) {
                last = last.thenApplyAsync(this::fetchAfter, executor);
                ahead.add(last);
            }
            batch = fetched.iterator();
        }
        E event = batch.next();
        lastToken = tokenOf.apply(event);
        action.accept(event);
        return true;
    }

    private List<? extends E> fetchAfter(List<? extends E> before) {
        return before.isEmpty() ? before : fetch.apply(tokenOf.apply(before.get(before.size() - 1)));
    }

    private void close() {
        ahead.forEach(future -> future.cancel(false));
        ahead.clear();
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
