package org.dyad.web.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A real STOMP client, as a wall screen would use: one user, one board subscription. */
public final class BoardScreen implements AutoCloseable {

    /** Every board message as it arrived: whole boards, and for a screen taking changes, the changes. */
    public final List<JsonNode> boards = new CopyOnWriteArrayList<>();
    public final List<String> errors = new CopyOnWriteArrayList<>();
    public final CompletableFuture<Void> receipt = new CompletableFuture<>();
    private final WebSocketStompClient client;
    private final ThreadPoolTaskScheduler scheduler;
    private StompSession session;
    /** The board as this screen shows it: the newest whole board with every change since applied. */
    private ObjectNode shown;

    private BoardScreen(WebSocketStompClient client, ThreadPoolTaskScheduler scheduler) {
        this.client = client;
        this.scheduler = scheduler;
    }

    /** Connects as {@code user} and subscribes to the unit's board; {@code knownVersion} may be null. */
    public static BoardScreen open(int port, String user, String unit, Long knownVersion) throws Exception {
        return subscribe(port, user, "demo", "/user/queue/boards/" + unit, knownVersion, false, null);
    }

    /**
     * Subscribes with {@code changes: true}, so that after a whole board it is sent what changed. {@code held}, a
     * board this user read before (or null), is what the screen shows and tells the server it holds.
     */
    public static BoardScreen openTakingChanges(int port, String user, String unit, JsonNode held) throws Exception {
        return subscribe(port, user, "demo", "/user/queue/boards/" + unit,
                held == null ? null : held.get("version").asLong(), true, held);
    }

    public static BoardScreen openWithPassword(int port, String user, String password, String unit) throws Exception {
        return subscribe(port, user, password, "/user/queue/boards/" + unit, null, false, null);
    }

    /** Follows one case as an open case page does: each message is the case's new revision. */
    public static BoardScreen follow(int port, String user, String caseId) throws Exception {
        return subscribe(port, user, "demo", "/user/queue/cases/" + caseId, null, false, null);
    }

    private static BoardScreen subscribe(int port, String user, String password, String destination, Long knownVersion,
                                         boolean takesChanges, JsonNode held) throws Exception {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.initialize();
        // Tomcat's client refuses text messages over 8 KiB by default; a unit's board is larger.
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(4 * 1024 * 1024);
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient(container));
        client.setInboundMessageSizeLimit(4 * 1024 * 1024);
        client.setMessageConverter(new MappingJackson2MessageConverter());
        client.setTaskScheduler(scheduler);
        BoardScreen screen = new BoardScreen(client, scheduler);
        screen.shown = held == null ? null : (ObjectNode) held.deepCopy();

        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        screen.session = client.connectAsync("ws://localhost:" + port + "/ws", handshake, new StompHeaders(),
                screen.new Handler()).get(10, TimeUnit.SECONDS);

        StompHeaders subscribe = new StompHeaders();
        subscribe.setDestination(destination);
        subscribe.setReceipt("sub-" + destination);
        if (knownVersion != null) {
            subscribe.add("version", knownVersion.toString());
        }
        if (takesChanges) {
            subscribe.add("changes", "true");
        }
        StompSession.Subscription subscription = screen.session.subscribe(subscribe, screen.new Handler());
        subscription.addReceiptTask(() -> screen.receipt.complete(null));
        return screen;
    }

    /** The board this screen shows: whole boards may arrive out of order, so an older one is ignored. */
    public synchronized JsonNode latest() {
        return shown == null ? null : shown.deepCopy();
    }

    /** The changes received, without the whole boards. */
    public List<JsonNode> changes() {
        return boards.stream().filter(board -> board.has("since")).toList();
    }

    private synchronized void show(JsonNode message) {
        long version = message.get("version").asLong();
        if (shown != null && version <= shown.get("version").asLong()) {
            return;
        }
        if (!message.has("since")) {
            shown = (ObjectNode) message.deepCopy();
            return;
        }
        long held = shown == null ? -1 : shown.get("version").asLong();
        if (message.get("since").asLong() != held) {
            errors.add("changes since " + message.get("since") + " arrived while holding " + held);
            return;
        }
        Map<String, JsonNode> rows = new HashMap<>();
        shown.get("rows").forEach(row -> rows.put(row.get("caseId").asText(), row));
        message.get("removed").forEach(caseId -> rows.remove(caseId.asText()));
        message.get("rows").forEach(row -> rows.put(row.get("caseId").asText(), row));
        ArrayNode ordered = shown.arrayNode();
        rows.values().stream()
                .sorted(Comparator.comparing((JsonNode row) -> row.get("preferredName").asText(), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(row -> row.get("caseId").asText()))
                .forEach(ordered::add);
        shown.put("version", version);
        shown.set("rows", ordered);
    }

    public boolean showsCase(String caseId) {
        JsonNode board = latest();
        if (board == null) {
            return false;
        }
        for (JsonNode row : board.get("rows")) {
            if (row.get("caseId").asText().equals(caseId)) {
                return true;
            }
        }
        return false;
    }

    public JsonNode row(String caseId) {
        for (JsonNode row : latest().get("rows")) {
            if (row.get("caseId").asText().equals(caseId)) {
                return row;
            }
        }
        return null;
    }

    @Override
    public void close() {
        if (session != null && session.isConnected()) {
            session.disconnect();
        }
        client.stop();
        scheduler.shutdown();
    }

    private final class Handler extends StompSessionHandlerAdapter {
        @Override
        public Type getPayloadType(StompHeaders headers) {
            return JsonNode.class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            if (headers.getFirst("message") != null && headers.getDestination() == null) {
                errors.add(headers.getFirst("message"));
                return;
            }
            JsonNode message = (JsonNode) payload;
            boards.add(message);
            if (message.has("version")) {
                show(message);
            }
        }

        @Override
        public void handleException(StompSession s, StompCommand command, StompHeaders headers, byte[] payload,
                                    Throwable exception) {
            errors.add(String.valueOf(exception));
        }

        @Override
        public void handleTransportError(StompSession s, Throwable exception) {
            errors.add("transport: " + exception);
        }
    }
}
