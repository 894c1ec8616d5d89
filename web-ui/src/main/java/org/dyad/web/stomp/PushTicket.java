package org.dyad.web.stomp;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The messages of one board push still on their way to their screens. Carried in each message's headers through
 * the simple broker; the outbound channel counts each one off once it is handed to its WebSocket session.
 */
final class PushTicket {

    static final String HEADER = "dyadPushTicket";

    private final AtomicInteger outstanding = new AtomicInteger();

    void sending() {
        outstanding.incrementAndGet();
    }

    private void handed() {
        if (outstanding.decrementAndGet() <= 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** True when every message was handed to its session within {@code millis}. */
    synchronized boolean awaitHanded(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (outstanding.get() > 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** On the client outbound channel: counts a ticket's message off after its session took it. */
    static final class Counter implements ExecutorChannelInterceptor {
        @Override
        public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
                                        Exception ex) {
            if (message.getHeaders().get(HEADER) instanceof PushTicket ticket) {
                ticket.handed();
            }
        }
    }
}
