package org.dyad.web.stomp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A STOMP broker (RabbitMQ with its STOMP plugin) that carries board and case updates between nodes. Unset host:
 * one node, Spring's simple in-memory broker.
 */
@ConfigurationProperties(prefix = "dyad.stomp.relay")
public record StompRelay(String host, Integer port, String login, String passcode, String virtualHost) {

    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    int portOrDefault() {
        return port == null ? 61613 : port;
    }

    String loginOrDefault() {
        return login == null || login.isBlank() ? "guest" : login;
    }

    String passcodeOrDefault() {
        return passcode == null ? "guest" : passcode;
    }
}
