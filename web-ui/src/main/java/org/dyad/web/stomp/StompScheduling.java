package org.dyad.web.stomp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The STOMP threads, as beans so that the context shuts them down: a failed start leaves no thread keeping the JVM
 * alive. The client channels get pools of their own; left alone, Spring Boot would run both on the only
 * {@code AsyncTaskExecutor} bean, the one-thread heartbeat scheduler, and every frame to every screen would wait
 * its turn on that thread.
 */
@Configuration(proxyBeanMethods = false)
class StompScheduling {

    private static final int CHANNEL_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);

    @Bean
    ThreadPoolTaskScheduler stompHeartbeats() {
        ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
        heartbeats.setPoolSize(1);
        heartbeats.setThreadNamePrefix("stomp-heartbeat-");
        heartbeats.setDaemon(true);
        return heartbeats;
    }

    @Bean
    ThreadPoolTaskExecutor stompInbound() {
        return channelPool("stomp-in-");
    }

    @Bean
    ThreadPoolTaskExecutor stompOutbound() {
        return channelPool("stomp-out-");
    }

    private static ThreadPoolTaskExecutor channelPool(String prefix) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(CHANNEL_THREADS);
        pool.setMaxPoolSize(CHANNEL_THREADS);
        pool.setAllowCoreThreadTimeOut(true);
        pool.setThreadNamePrefix(prefix);
        pool.setDaemon(true);
        return pool;
    }
}
