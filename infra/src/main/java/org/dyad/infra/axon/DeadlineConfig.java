package org.dyad.infra.axon;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.Duration;

/** Legal clocks as durable deadlines; polling starts once Axon has started and stops before it stops. */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfig {

    @Bean(destroyMethod = "shutdown")
    public MongoDeadlineManager deadlineManager(MongoDatabase database, org.axonframework.config.Configuration axon,
                                                Serializer serializer, TransactionManager transactions, Clock clock,
                                                @Value("${dyad.deadlines.poll-ms:250}") long pollMs) {
        return new MongoDeadlineManager(database, new ConfigurationScopeAwareProvider(axon), serializer, transactions,
                clock, Duration.ofMillis(pollMs));
    }

    @Bean
    DeadlinePolling deadlinePolling(MongoDeadlineManager deadlines) {
        return new DeadlinePolling(deadlines);
    }

    static class DeadlinePolling {
        private final MongoDeadlineManager deadlines;

        DeadlinePolling(MongoDeadlineManager deadlines) {
            this.deadlines = deadlines;
        }

        @EventListener(ContextRefreshedEvent.class)
        void start() {
            deadlines.start();
        }

        @EventListener(ContextClosedEvent.class)
        void stop() {
            deadlines.shutdown();
        }
    }
}
