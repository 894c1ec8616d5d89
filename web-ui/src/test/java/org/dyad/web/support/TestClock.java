package org.dyad.web.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The machine's time plus an offset tests can move forward, so legal clocks run out without waiting. */
public class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    public TestClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock other = new TestClock(zone);
        other.offset = offset;
        return other;
    }
}
