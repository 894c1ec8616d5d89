package org.dyad.bench;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * STOMP screens on the north board (psychiatrist, peer and nurse in turn), subscribed with a receipt and holding the
 * board, each keeping what it received and when; closing disconnects them. {@link #match} times every (command,
 * screen) pair: from just before the command's HTTP request to the first message on that screen whose row for the
 * case shows a {@code lastActivity} at or after the send (the event's timestamp is taken on the server after the
 * send; coalesced pushes count for every command they include).
 */
final class BoardScreens implements AutoCloseable {

    private static final String DESTINATION = "/user/queue/boards/north";
    private static final String[] USERS = {"psychiatrist", "peer", "nurse"};

    final List<Screen> screens = new ArrayList<>();
    final ConcurrentLinkedQueue<String> transportErrors = new ConcurrentLinkedQueue<>();
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final WebSocketStompClient stomp;

    private BoardScreens() {
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("stomp-client-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(4 * 1024 * 1024);
        stomp = new WebSocketStompClient(new StandardWebSocketClient(container));
        stomp.setMessageConverter(new ByteArrayMessageConverter() {
            @Override
            protected boolean supportsMimeType(MessageHeaders headers) {
                return true; // the JSON boards are kept as bytes
            }
        });
        stomp.setTaskScheduler(scheduler);
        stomp.setInboundMessageSizeLimit(4 * 1024 * 1024);
    }

    /** {@code count} screens on the app at {@code port}, taking changes as the board page does or whole boards. */
    static BoardScreens connect(int port, int count, boolean takeChanges) throws Exception {
        BoardScreens board = new BoardScreens();
        try {
            board.connectAll(port, count, takeChanges);
            return board;
        } catch (Exception | Error e) {
            board.close();
            throw e;
        }
    }

    @Override
    public void close() {
        for (Screen screen : screens) {
            StompSession session = screen.session;
            if (session != null && session.isConnected()) {
                try {
                    session.disconnect();
                } catch (RuntimeException ignored) {
                    // closing anyway
                }
            }
        }
        stomp.stop();
        scheduler.shutdown();
    }

    /** A board as it arrived; parsed only after the run, so that the measuring screens leave the cores to the app. */
    record Arrival(long nanos, long wallMillis, byte[] payload) {
    }

    private record Received(long nanos, long wallMillis, long version, Map<String, Long> lastActivityMillis) {
    }

    /**
     * What the screens received, each distinct payload kept once: screens of one user are mostly sent the same
     * bytes, and a long run would otherwise hold (and parse) every copy.
     */
    static final class Payloads {
        private final Map<ByteBuffer, byte[]> interned = new ConcurrentHashMap<>();
        private final Map<byte[], Parsed> parsed = new IdentityHashMap<>();
        private final Map<String, Long> instants = new HashMap<>();

        byte[] intern(byte[] payload) {
            byte[] known = interned.putIfAbsent(ByteBuffer.wrap(payload), payload);
            return known == null ? payload : known;
        }

        synchronized Parsed parsed(byte[] payload) {
            return parsed.computeIfAbsent(payload, bytes -> {
                JsonNode board = tree(bytes);
                Map<String, Long> activity = new HashMap<>();
                for (JsonNode row : board.path("rows")) {
                    JsonNode at = row.get("lastActivity");
                    if (at != null && at.isTextual()) {
                        activity.put(row.get("caseId").asText(),
                                instants.computeIfAbsent(at.asText(), text -> Instant.parse(text).toEpochMilli()));
                    }
                }
                return new Parsed(board.path("version").asLong(), activity);
            });
        }

        static JsonNode tree(byte[] payload) {
            try {
                return Api.JSON.readTree(payload);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("A board message is not JSON", e);
            }
        }
    }

    /** A board message's version, and each row's last activity by case id. */
    private record Parsed(long version, Map<String, Long> lastActivityMillis) {
    }

    static final class Screen {
        final String user;
        final List<Arrival> messages = Collections.synchronizedList(new ArrayList<>());
        /** Parsed arrivals, in order: the first {@code parsed.size()} of {@link #messages}. */
        private final List<Received> parsed = new ArrayList<>();
        final CountDownLatch firstBoard = new CountDownLatch(1);
        final Payloads payloads;
        volatile StompSession session;

        Screen(String user, Payloads payloads) {
            this.user = user;
            this.payloads = payloads;
        }

        long bytesReceived() {
            synchronized (messages) {
                return messages.stream().mapToLong(m -> m.payload().length).sum();
            }
        }

        List<Received> snapshot() {
            List<Arrival> arrived;
            synchronized (messages) {
                arrived = new ArrayList<>(messages.subList(parsed.size(), messages.size()));
            }
            for (Arrival arrival : arrived) {
                Parsed message = payloads.parsed(arrival.payload());
                parsed.add(new Received(arrival.nanos(), arrival.wallMillis(), message.version(),
                        message.lastActivityMillis()));
            }
            return new ArrayList<>(parsed);
        }
    }

    /** A command whose arrival on the screens is timed; {@link #sending} stamps it just before its request. */
    static final class Command {
        final String caseId;
        final boolean measured;
        volatile long t0Nanos;
        volatile long t0Millis;
        volatile long endNanos;
        volatile int status;

        Command(String caseId, boolean measured) {
            this.caseId = caseId;
            this.measured = measured;
        }

        void sending() {
            t0Millis = System.currentTimeMillis();
            t0Nanos = System.nanoTime();
        }

        void answered(int status) {
            endNanos = System.nanoTime();
            this.status = status;
        }
    }

    private void connectAll(int port, int count, boolean takeChanges) throws Exception {
        String url = "ws://127.0.0.1:" + port + "/ws";
        ExecutorService connectors = Executors.newFixedThreadPool(8);
        Payloads payloads = new Payloads();
        try {
            List<CompletableFuture<Void>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Screen screen = new Screen(USERS[i % USERS.length], payloads);
                screens.add(screen);
                int index = i;
                pending.add(CompletableFuture.runAsync(() -> {
                    try {
                        connect(url, screen, index, takeChanges);
                    } catch (Exception e) {
                        throw new IllegalStateException("screen " + index + " (" + screen.user + "): " + e, e);
                    }
                }, connectors));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            connectors.shutdown();
        }
    }

    private void connect(String url, Screen screen, int index, boolean takeChanges) throws Exception {
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("Authorization", Api.basic(screen.user));
        StompSession session = stomp.connectAsync(url, handshake, new StompHeaders(), new StompSessionHandlerAdapter() {
            @Override
            public void handleException(StompSession s, StompCommand command, StompHeaders headers, byte[] payload,
                                        Throwable exception) {
                transportErrors.add("screen " + index + ": " + exception);
            }

            @Override
            public void handleTransportError(StompSession s, Throwable exception) {
                transportErrors.add("screen " + index + ": " + exception);
            }
        }).get(30, TimeUnit.SECONDS);
        screen.session = session;

        StompHeaders subscribe = new StompHeaders();
        subscribe.setDestination(DESTINATION);
        subscribe.setReceipt("board-" + index);
        if (takeChanges) {
            subscribe.add("changes", "true");
        }
        CountDownLatch receipt = new CountDownLatch(1);
        StompSession.Receiptable receiptable = session.subscribe(subscribe, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                long nanos = System.nanoTime();
                long wallMillis = System.currentTimeMillis();
                screen.messages.add(new Arrival(nanos, wallMillis, screen.payloads.intern((byte[]) payload)));
                screen.firstBoard.countDown();
            }
        });
        receiptable.addReceiptTask(receipt::countDown);
        if (!receipt.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no RECEIPT for the board subscription");
        }
        if (!screen.firstBoard.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no board after subscribing");
        }
    }

    /** {@code latencies}: send to screen (ns); {@code fromEvent}: the event's own timestamp to screen (ms, wall clock). */
    record Match(long[] latencies, long[] fromEvent, int missing) {
    }

    /** {@link #match}, again every half second until no pair is missing or {@code drainSeconds} have passed. */
    Match awaitMatch(List<Command> commands, int drainSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        Match match;
        do {
            Thread.sleep(500);
            match = match(commands);
        } while (match.missing > 0 && System.nanoTime() < deadline);
        return match;
    }

    /** Every measured, answered command on every screen. */
    Match match(List<Command> commands) {
        List<Long> latencies = new ArrayList<>();
        List<Long> fromEvent = new ArrayList<>();
        int missing = 0;
        List<List<Received>> received = screens.stream().map(Screen::snapshot).toList();
        for (Command command : commands) {
            if (!command.measured || command.status != 204) {
                continue;
            }
            for (List<Received> messages : received) {
                long latency = -1;
                for (Received message : messages.subList(firstArrivedAtOrAfter(messages, command.t0Nanos), messages.size())) {
                    Long at = message.lastActivityMillis.get(command.caseId);
                    if (message.nanos >= command.t0Nanos && at != null && at >= command.t0Millis) {
                        latency = message.nanos - command.t0Nanos;
                        fromEvent.add((message.wallMillis - at) * 1_000_000L);
                        break;
                    }
                }
                if (latency < 0) {
                    missing++;
                } else {
                    latencies.add(latency);
                }
            }
        }
        return new Match(Stats.toArray(latencies), Stats.toArray(fromEvent), missing);
    }

    /** Messages are kept in the order they arrived, so their arrival times only grow. */
    private static int firstArrivedAtOrAfter(List<Received> messages, long nanos) {
        int low = 0;
        int high = messages.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (messages.get(middle).nanos() < nanos) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
