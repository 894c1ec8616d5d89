package org.dyad.web.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.ZoneId;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

    public static final ZoneId UNIT_ZONE = ZoneId.of("America/New_York");

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock(UNIT_ZONE);
    }
}
