package org.dyad.infra.axon.eventstore;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class RecentAppendsTest {

    private static List<Document> documents(long from, long toInclusive) {
        return LongStream.rangeClosed(from, toInclusive).mapToObj(id -> new Document("_id", id)).toList();
    }

    private static List<Long> ids(List<Document> documents) {
        return documents.stream().map(d -> ((Number) d.get("_id")).longValue()).toList();
    }

    @Test
    void aRunStopsAtTheFirstIdNotHeldAndAtItsLimit() {
        RecentAppends recent = new RecentAppends(100);
        recent.stored(documents(1, 5));
        recent.stored(documents(7, 9));
        assertThat(ids(recent.after(0, 10))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(ids(recent.after(2, 2))).containsExactly(3L, 4L);
        assertThat(recent.after(5, 10)).isEmpty();
        assertThat(ids(recent.after(6, 10))).containsExactly(7L, 8L, 9L);
        assertThat(recent.after(9, 10)).isEmpty();
    }

    @Test
    void theOldestGoFirstPastTheCapacity() {
        RecentAppends recent = new RecentAppends(4);
        recent.stored(documents(1, 6));
        assertThat(recent.after(0, 10)).isEmpty();
        assertThat(recent.after(1, 10)).isEmpty();
        assertThat(ids(recent.after(2, 10))).containsExactly(3L, 4L, 5L, 6L);
    }
}
