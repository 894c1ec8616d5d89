package org.dyad.infra.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Legal clocks of restrictive interventions. In memory for now: a restart loses scheduled deadlines. */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfig {

    @Bean
    public DeadlineManager deadlineManager(org.axonframework.config.Configuration axon, TransactionManager transactions) {
        return SimpleDeadlineManager.builder()
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .transactionManager(transactions)
                .build();
    }
}
