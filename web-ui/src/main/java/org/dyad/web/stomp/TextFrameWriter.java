package org.dyad.web.stomp;

import jakarta.websocket.Session;
import org.apache.tomcat.websocket.Constants;
import org.apache.tomcat.websocket.WsRemoteEndpointImplBase;
import org.apache.tomcat.websocket.WsSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

import java.io.IOException;
import java.io.Writer;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;

/**
 * Sends whole text frames without encoding them again. The STOMP encoder has already made the frame's UTF-8 bytes;
 * given the decoded {@code String}, Tomcat would encode it once more, through a fresh 8,192-character buffer for
 * each message, which under load was most of what the app allocated and the largest single cost of pushing boards
 * to screens. The bytes go to Tomcat's own blocking frame writer as one text frame, as {@code sendText} would
 * send them. Spring sends one message at a time per session ({@code ConcurrentWebSocketSessionDecorator}), so
 * no other data frame can interleave. Where that writer cannot be reached, the container's message writer is used.
 */
final class TextFrameWriter extends WebSocketSessionDecorator {

    private static final Logger log = LoggerFactory.getLogger(TextFrameWriter.class);

    /** {@code (WsSession) -> WsRemoteEndpointImplBase}, or null. */
    private static final MethodHandle REMOTE_ENDPOINT;
    /** {@code WsRemoteEndpointImplBase.sendMessageBlock(byte opCode, ByteBuffer payload, boolean last)}, or null. */
    private static final MethodHandle SEND_FRAME;

    static {
        MethodHandle remoteEndpoint;
        MethodHandle sendFrame;
        try {
            remoteEndpoint = MethodHandles.privateLookupIn(WsSession.class, MethodHandles.lookup())
                    .findGetter(WsSession.class, "wsRemoteEndpoint", WsRemoteEndpointImplBase.class);
            sendFrame = MethodHandles.privateLookupIn(WsRemoteEndpointImplBase.class, MethodHandles.lookup())
                    .findVirtual(WsRemoteEndpointImplBase.class, "sendMessageBlock",
                            MethodType.methodType(void.class, byte.class, ByteBuffer.class, boolean.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Tomcat's frame writer is out of reach; text frames are encoded again ({})", e.toString());
            remoteEndpoint = null;
            sendFrame = null;
        }
        REMOTE_ENDPOINT = remoteEndpoint;
        SEND_FRAME = sendFrame;
    }

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

    /** Whether whole text frames go out as the bytes they were encoded to (false: Tomcat encodes them again). */
    static boolean sendsEncodedBytes() {
        return SEND_FRAME != null;
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        if (message instanceof TextMessage text && text.isLast() && getDelegate() instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof Session session) {
            if (SEND_FRAME != null && session instanceof WsSession tomcatSession) {
                sendFrame(tomcatSession, text.asBytes());
                return;
            }
            try (Writer writer = session.getBasicRemote().getSendWriter()) {
                writer.write(text.getPayload());
            }
            return;
        }
        super.sendMessage(message);
    }

    private static void sendFrame(WsSession session, byte[] utf8) throws IOException {
        try {
            WsRemoteEndpointImplBase endpoint = (WsRemoteEndpointImplBase) REMOTE_ENDPOINT.invokeExact(session);
            SEND_FRAME.invokeExact(endpoint, Constants.OPCODE_TEXT, ByteBuffer.wrap(utf8), true);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException(e);
        }
    }
}
