package org.dyad.web.stomp;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.user.UserRegistryMessageHandler;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP over WebSocket at {@code /ws}; the handshake carries the HTTP authentication. One node uses Spring's simple
 * broker; with {@code dyad.stomp.relay.host} set, a STOMP broker relay (RabbitMQ) carries the messages, and the
 * nodes tell each other who is subscribed, so the node that projects an event reaches screens on every node.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
@EnableConfigurationProperties(StompRelay.class)
public class WebSocketConfig implements WebSocketMessageBrokerConfigurer {

    /** How long a node's list of subscribers stays valid elsewhere; each node sends its list every half of it. */
    static final long USER_REGISTRY_EXPIRY_MILLIS = 4_000;

    private final BoardSubscriptions boardSubscriptions;
    private final ThreadPoolTaskScheduler heartbeats;
    private final StompRelay relay;
    private final ThreadPoolTaskExecutor inbound;
    private final ThreadPoolTaskExecutor outbound;

    public WebSocketConfig(BoardSubscriptions boardSubscriptions, ThreadPoolTaskScheduler stompHeartbeats,
                           StompRelay relay, ThreadPoolTaskExecutor stompInbound, ThreadPoolTaskExecutor stompOutbound) {
        this.boardSubscriptions = boardSubscriptions;
        this.heartbeats = stompHeartbeats;
        this.relay = relay;
        this.inbound = stompInbound;
        this.outbound = stompOutbound;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws");
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.addDecoratorFactory(TextFrameWriter::decorating);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        if (relay.enabled()) {
            registry.enableStompBrokerRelay("/queue", "/topic")
                    .setRelayHost(relay.host())
                    .setRelayPort(relay.portOrDefault())
                    .setClientLogin(relay.loginOrDefault())
                    .setClientPasscode(relay.passcodeOrDefault())
                    .setSystemLogin(relay.loginOrDefault())
                    .setSystemPasscode(relay.passcodeOrDefault())
                    .setVirtualHost(relay.virtualHost())
                    .setTaskScheduler(heartbeats)
                    .setUserDestinationBroadcast("/topic/unresolved-user-destination")
                    .setUserRegistryBroadcast("/topic/simp-user-registry");
            registry.configureBrokerChannel().interceptors(new RelayDestinations());
        } else {
            registry.enableSimpleBroker("/queue").setTaskScheduler(heartbeats).setHeartbeatValue(new long[]{10_000, 10_000});
        }
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.executor(inbound).interceptors(boardSubscriptions);
    }

    /** Counts off board pushes as their screens take them ({@link BoardPusher} waits for that between pushes). */
    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.executor(outbound).interceptors(new PushTicket.Counter());
    }

    /** Subscribers on other nodes become known within a couple of seconds instead of ten. */
    @Bean
    static BeanPostProcessor userRegistryExpiry() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof UserRegistryMessageHandler handler) {
                    handler.setRegistryExpirationPeriod(USER_REGISTRY_EXPIRY_MILLIS);
                }
                return bean;
            }
        };
    }
}
