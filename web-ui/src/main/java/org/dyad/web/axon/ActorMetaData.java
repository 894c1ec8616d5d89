package org.dyad.web.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.dyad.application.access.Viewer;
import org.dyad.application.shared.ReadModelBatch;
import org.dyad.web.security.Viewers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every command is stamped with the authenticated actor's id and role from the security context; the events it
 * causes inherit them, with Axon's correlation and trace ids and any reason given. Request bodies never set these.
 * Batches that only keep read models carry none on ({@link ReadModelBatch}).
 */
@Configuration(proxyBeanMethods = false)
public class ActorMetaData {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String REASON = "reason";
    static final String SYSTEM = "system";

    @Bean
    public static CorrelationDataProvider messageOriginProvider() {
        return ReadModelBatch.skippingReadModelBatches(new MessageOriginProvider());
    }

    @Bean
    public static CorrelationDataProvider actorCorrelation() {
        return ReadModelBatch.skippingReadModelBatches(
                new SimpleCorrelationDataProvider(ACTOR_ID, ACTOR_ROLE, REASON));
    }

    /** Separate from the providers above, which the command bus itself needs while it is being built. */
    @Component
    static class CommandStamping {
        CommandStamping(CommandBus commandBus) {
            commandBus.registerDispatchInterceptor(new ActorInterceptor());
        }
    }

    static final class ActorInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                Viewer actor = Viewers.of(SecurityContextHolder.getContext().getAuthentication()).orElse(null);
                Map<String, String> stamp = actor == null
                        ? Map.of(ACTOR_ID, SYSTEM, ACTOR_ROLE, SYSTEM.toUpperCase())
                        : Map.of(ACTOR_ID, actor.userId(), ACTOR_ROLE, actor.role().name());
                return command.andMetaData(stamp);
            };
        }
    }
}
