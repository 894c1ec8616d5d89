package org.dyad.infra.axon.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class StoredEventEntryTest {

    @Test
    void readsEveryTimestampAxonWritesAsAxonDoes() {
        SplittableRandom random = new SplittableRandom(20261203);
        long from = Instant.parse("1970-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2199-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            String written = DateTimeUtils.formatInstant(Instant.ofEpochMilli(random.nextLong(from, to)));
            assertThat(StoredEventEntry.parseTimestamp(written)).as(written)
                    .isEqualTo(DateTimeUtils.parseInstant(written));
        }
    }

    @Test
    void readsOtherShapesTheWayAxonDoes() {
        for (String written : new String[]{"2026-12-03T04:18:53Z", "2026-12-03T04:18:53.123456Z",
                "2026-12-03T05:18:53.123+01:00", "2024-02-29T23:59:59.999Z"}) {
            assertThat(StoredEventEntry.parseTimestamp(written)).as(written)
                    .isEqualTo(DateTimeUtils.parseInstant(written));
        }
    }
}
