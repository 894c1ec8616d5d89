package org.dyad.infra.axon.eventstore;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTest {

    private static final int BATCH = 3;

    private final List<String> fetchedOn = new CopyOnWriteArrayList<>();

    /** Events 1..last, a batch of three at a time after the token's index. */
    private Function<TrackingToken, List<? extends TrackedEventData<?>>> store(long last, CountDownLatch secondFetch) {
        return token -> {
            fetchedOn.add(Thread.currentThread().getName());
            long after = token == null ? 0 : ((GlobalSequenceTrackingToken) token).getGlobalIndex();
            if (after == BATCH) {
                secondFetch.countDown();
            }
            return LongStream.rangeClosed(after + 1, Math.min(last, after + BATCH)).mapToObj(ReadAheadTest::event)
                    .toList();
        };
    }

    private static TrackedEventData<?> event(long index) {
        TrackedEventData<?> event = Mockito.mock(TrackedEventData.class);
        Mockito.<TrackingToken>when(event.trackingToken()).thenReturn(new GlobalSequenceTrackingToken(index));
        return event;
    }

    private static long indexOf(TrackedEventData<?> event) {
        return ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
    }

    @Test
    void theNextBatchIsFetchedWhileTheReaderHandlesThisOneAndEveryEventComesOnceInOrder() throws Exception {
        CountDownLatch secondFetch = new CountDownLatch(1);
        try (Stream<TrackedEventData<?>> stream = ReadAhead.stream(null, store(10, secondFetch),
                TrackedEventData::trackingToken)) {
            Iterator<TrackedEventData<?>> events = stream.iterator();
            List<Long> read = new ArrayList<>();
            read.add(indexOf(events.next()));
            // The reader holds the first event of the first batch; the second batch is on its way already.
            assertThat(secondFetch.await(10, TimeUnit.SECONDS)).isTrue();
            events.forEachRemaining(e -> read.add(indexOf(e)));
            assertThat(read).containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
        }
        assertThat(fetchedOn.get(0)).isEqualTo(Thread.currentThread().getName());
        assertThat(fetchedOn.subList(1, fetchedOn.size())).isNotEmpty().allMatch("event-read-ahead"::equals);
    }

    @Test
    void severalBatchesAreFetchedAheadButNoMoreThanTheDepth() {
        try (Stream<TrackedEventData<?>> stream = ReadAhead.stream(null,
                store(100, new CountDownLatch(1)), TrackedEventData::trackingToken)) {
            Iterator<TrackedEventData<?>> events = stream.iterator();
            List<Long> read = new ArrayList<>();
            read.add(indexOf(events.next()));
            // The reader still holds the first batch: the depth's batches after it are fetched, and no more.
            await().atMost(Duration.ofSeconds(10)).until(() -> fetchedOn.size() == 1 + ReadAhead.DEPTH);
            await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1))
                    .until(() -> fetchedOn.size() == 1 + ReadAhead.DEPTH);
            events.forEachRemaining(e -> read.add(indexOf(e)));
            assertThat(read).containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
        }
    }

    @Test
    void aFailedReadAheadFailsTheReaderWithItsOwnException() {
        IllegalStateException broken = new IllegalStateException("store unreachable");
        Function<TrackingToken, List<? extends TrackedEventData<?>>> failingSecond = token -> {
            if (token != null) {
                throw broken;
            }
            return List.of(event(1), event(2));
        };
        try (Stream<TrackedEventData<?>> stream = ReadAhead.stream(null, failingSecond,
                TrackedEventData::trackingToken)) {
            Iterator<TrackedEventData<?>> events = stream.iterator();
            assertThat(indexOf(events.next())).isEqualTo(1);
            assertThat(indexOf(events.next())).isEqualTo(2);
            assertThatThrownBy(events::hasNext).isSameAs(broken);
        }
    }
}
