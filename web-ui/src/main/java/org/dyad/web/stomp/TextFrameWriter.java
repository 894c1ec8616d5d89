package org.dyad.web.stomp;

import jakarta.websocket.Session;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

import java.io.IOException;
import java.io.Writer;

/**
 * Sends whole text frames through the container's message writer. Given a {@code String}, Tomcat encodes it to
 * UTF-8 one character at a time through a buffer without an array; its writer hands the encoder a char array, which
 * takes the fast path. Under load that encoding was the largest single cost of pushing boards to screens. The
 * frames on the wire are the same text frames (a long one split into continuation frames, as before).
 */
final class TextFrameWriter extends WebSocketSessionDecorator {

    private TextFrameWriter(WebSocketSession session) {
        super(session);
    }

    /** Wraps the handler so that the session it is given on connecting sends through the writer. */
    static WebSocketHandler decorating(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                super.afterConnectionEstablished(new TextFrameWriter(session));
            }
        };
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        if (message instanceof TextMessage text && text.isLast() && getDelegate() instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof Session session) {
            try (Writer writer = session.getBasicRemote().getSendWriter()) {
                writer.write(text.getPayload());
            }
            return;
        }
        super.sendMessage(message);
    }
}
