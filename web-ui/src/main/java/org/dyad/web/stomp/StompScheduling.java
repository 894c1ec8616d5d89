package org.dyad.web.stomp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** A bean, so the context shuts it down: a failed start leaves no thread keeping the JVM alive. */
@Configuration(proxyBeanMethods = false)
class StompScheduling {

    @Bean
    ThreadPoolTaskScheduler stompHeartbeats() {
        ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
        heartbeats.setPoolSize(1);
        heartbeats.setThreadNamePrefix("stomp-heartbeat-");
        heartbeats.setDaemon(true);
        return heartbeats;
    }
}
