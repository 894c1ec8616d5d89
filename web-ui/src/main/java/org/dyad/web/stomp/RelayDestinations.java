package org.dyad.web.stomp;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * Adapts what goes to the relayed broker. RabbitMQ refuses a {@code /} inside a queue's name:
 * {@code /queue/boards/north-user1} becomes {@code /queue/boards%2Fnorth-user1}; clients keep their destinations,
 * and what comes back carries the original one. A message the server sends loses its session id: the relay would
 * otherwise send it over that client's own connection, which exists only on the node the client is connected to;
 * the resolved destination already names the session.
 */
final class RelayDestinations implements ChannelInterceptor {

    private static final String QUEUE = "/queue/";

    static String forBroker(String destination) {
        if (destination == null || !destination.startsWith(QUEUE)) {
            return destination;
        }
        return QUEUE + destination.substring(QUEUE.length()).replace("/", "%2F");
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        SimpMessageHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, SimpMessageHeaderAccessor.class);
        String destination = accessor == null ? SimpMessageHeaderAccessor.getDestination(message.getHeaders())
                : accessor.getDestination();
        String translated = forBroker(destination);
        // A user destination is still to be resolved, by its session id among other things.
        boolean fromServer = SimpMessageType.MESSAGE.equals(SimpMessageHeaderAccessor.getMessageType(message.getHeaders()))
                && SimpMessageHeaderAccessor.getSessionId(message.getHeaders()) != null
                && destination != null && !destination.startsWith("/user/");
        if (!fromServer && (translated == null || translated.equals(destination))) {
            return message;
        }
        SimpMessageHeaderAccessor copy = SimpMessageHeaderAccessor.wrap(message);
        copy.setDestination(translated);
        if (fromServer) {
            copy.setSessionId(null);
        }
        return MessageBuilder.createMessage(message.getPayload(), copy.getMessageHeaders());
    }
}
