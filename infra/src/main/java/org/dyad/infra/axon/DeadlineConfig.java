package org.dyad.infra.axon;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Legal clocks as durable deadlines. Axon 4.13's auto-configuration defines no deadline manager of its own (only its
 * db-scheduler and JobRunr modules do); its {@code SpringConfigurer} takes this bean as the configuration's
 * {@code DeadlineManager}, aggregate handlers get it by type, and its lifecycle initializer starts and stops the
 * poller with Axon because the manager is an Axon {@code Lifecycle}.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfig {

    @Bean(destroyMethod = "shutdown")
    public MongoDeadlineManager deadlineManager(MongoDatabase database, org.axonframework.config.Configuration axon,
                                                Serializer serializer, TransactionManager transactions, Clock clock,
                                                @Value("${dyad.deadlines.poll-ms:250}") long pollMs,
                                                @Value("${dyad.deadlines.first-retry-ms:1000}") long firstRetryMs) {
        DeadlinePolling polling = DeadlinePolling.every(Duration.ofMillis(pollMs))
                .withFirstRetry(Duration.ofMillis(firstRetryMs));
        return new MongoDeadlineManager(database, new ConfigurationScopeAwareProvider(axon), serializer, transactions,
                clock, polling);
    }
}
