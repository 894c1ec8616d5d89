package org.dyad.web.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Duration;
import java.time.ZoneId;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

    public static final ZoneId UNIT_ZONE = ZoneId.of("America/New_York");

    /** {@code dyad.test.clock-ahead}: start this far ahead, as if that much time passed while the application was down. */
    @Bean
    @Primary
    TestClock testClock(@Value("${dyad.test.clock-ahead:PT0S}") Duration ahead) {
        TestClock clock = new TestClock(UNIT_ZONE);
        clock.advance(ahead);
        return clock;
    }
}
