package org.dyad.web.stomp;

import org.dyad.application.access.Viewer;
import org.dyad.application.board.Board;
import org.dyad.application.board.BoardListener;
import org.dyad.application.board.BoardQueries;
import org.dyad.application.users.UserAccount;
import org.dyad.application.users.UserDirectory;
import org.dyad.web.security.Viewers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpSubscription;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeType;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Pushes each unit's board to every subscribed viewer, computed for that viewer by the access policy. Runs off
 * the event processor's thread; changes that pile up while a push runs are coalesced, since each push reads the
 * latest board and carries its version. With the simple broker a push also waits until the unit's last push was
 * handed to its screens, so that under load changes fold into fewer pushes instead of queueing behind them (with a
 * relay the messages leave this node, and nothing is waited for).
 */
@Component
public class BoardPusher implements BoardListener {

    private static final Logger log = LoggerFactory.getLogger(BoardPusher.class);
    private static final long MAX_WAIT_FOR_SCREENS_MILLIS = 250;

    private final BoardQueries boards;
    private final SimpMessagingTemplate messaging;
    private final SimpUserRegistry userRegistry;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /** unit → session id → the newest board version that session holds; a session is never sent it twice. */
    private final Map<String, Map<String, Long>> heldVersions = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "board-pusher");
        thread.setDaemon(true);
        return thread;
    });

    private final UserDirectory users;
    private final boolean waitForScreens;
    /** unit → its last push, while its messages may still be on their way. */
    private final Map<String, PushTicket> lastPush = new ConcurrentHashMap<>();

    public BoardPusher(BoardQueries boards, SimpMessagingTemplate messaging, SimpUserRegistry userRegistry,
                       UserDirectory users, StompRelay relay) {
        this.boards = boards;
        this.messaging = messaging;
        this.userRegistry = userRegistry;
        this.users = users;
        this.waitForScreens = !relay.enabled();
    }

    @Override
    public void boardChanged(String unit, long version) {
        if (pending.add(unit)) {
            executor.execute(() -> {
                awaitLastPush(unit);
                pending.remove(unit);
                pushToSubscribers(unit);
            });
        }
    }

    /** Changes that come meanwhile join the push this one is about to make. Bounded: a screen that is gone is not waited for. */
    private void awaitLastPush(String unit) {
        PushTicket last = lastPush.remove(unit);
        try {
            if (last != null && !last.awaitHanded(MAX_WAIT_FOR_SCREENS_MILLIS)) {
                log.debug("The last {} board push was not taken by every screen within {} ms", unit,
                        MAX_WAIT_FOR_SCREENS_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the current board to one STOMP session unless it already holds {@code knownVersion}. */
    void sendCurrent(String sessionId, Viewer viewer, String unit, Long knownVersion) {
        Board board = boards.boardFor(viewer, unit);
        if (knownVersion != null) {
            // A screen subscribing again in the same session may hold less than it was sent before.
            heldVersions.computeIfAbsent(unit, u -> new ConcurrentHashMap<>())
                    .merge(sessionId, knownVersion, Math::min);
        }
        if (knownVersion != null && knownVersion == board.version()) {
            claim(unit, sessionId, board.version());
        } else if (claim(unit, sessionId, board.version())) {
            SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
            headers.setSessionId(sessionId);
            headers.setLeaveMutable(true);
            // Addressed by session id, so the user's other screens are not sent a board they may already have.
            messaging.convertAndSendToUser(sessionId, "/queue/boards/" + unit, board, headers.getMessageHeaders());
        }
    }

    /**
     * Sends each subscribed session its viewer's board, addressed by session: a user's other sessions get nothing
     * (with a relay, a copy sent to a session without the subscription would wait in the broker for nobody).
     */
    private void pushToSubscribers(String unit) {
        String destination = BoardSubscriptions.BOARD_DESTINATION_PREFIX + unit;
        Map<Viewer, List<SimpSession>> sessions = new LinkedHashMap<>();
        for (SimpSubscription subscription : userRegistry.findSubscriptions(s -> destination.equals(s.getDestination()))) {
            SimpSession session = subscription.getSession();
            viewerOf(session.getUser()).ifPresent(v -> sessions.computeIfAbsent(v, k -> new ArrayList<>()).add(session));
        }
        Map<String, Long> held = heldVersions.computeIfAbsent(unit, u -> new ConcurrentHashMap<>());
        Set<String> subscribed = new HashSet<>();
        sessions.values().forEach(list -> list.forEach(session -> subscribed.add(session.getId())));
        held.keySet().retainAll(subscribed);
        if (sessions.isEmpty()) {
            return;
        }
        PushTicket ticket = new PushTicket();
        boards.boardsFor(unit, sessions.keySet()).forEach((viewer, board) -> {
            Message<?> converted = null;
            for (SimpSession session : sessions.get(viewer)) {
                if (!claim(unit, session.getId(), board.version())) {
                    continue;
                }
                try {
                    if (converted == null) {
                        // Serialized once per viewer, however many screens that viewer has open.
                        converted = messaging.getMessageConverter().toMessage(board, null);
                    }
                    SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
                    headers.setSessionId(session.getId());
                    headers.setContentType(converted.getHeaders().get(MessageHeaders.CONTENT_TYPE, MimeType.class));
                    headers.setLeaveMutable(true);
                    if (waitForScreens) {
                        headers.setHeader(PushTicket.HEADER, ticket);
                        ticket.sending();
                    }
                    messaging.send(userDestination(session.getUser().getName(), unit),
                            MessageBuilder.createMessage(converted.getPayload(), headers.getMessageHeaders()));
                } catch (RuntimeException e) {
                    log.warn("Could not push the {} board to {}", unit, viewer.userId(), e);
                }
            }
        });
        if (waitForScreens) {
            lastPush.put(unit, ticket);
        }
    }

    /** What {@code convertAndSendToUser} would address: the user's board queue, resolved per session. */
    private String userDestination(String userName, String unit) {
        return messaging.getUserDestinationPrefix() + userName.replace("/", "%2F") + "/queue/boards/" + unit;
    }

    /** Records that the session gets {@code version}; false if it already holds that version or a newer one. */
    private boolean claim(String unit, String sessionId, long version) {
        boolean[] newer = new boolean[1];
        heldVersions.computeIfAbsent(unit, u -> new ConcurrentHashMap<>()).compute(sessionId, (id, heldVersion) -> {
            newer[0] = heldVersion == null || heldVersion < version;
            return newer[0] ? version : heldVersion;
        });
        return newer[0];
    }

    /** A screen on another node comes without its principal: its account is looked up by name then. */
    private Optional<Viewer> viewerOf(SimpUser user) {
        Optional<Viewer> local = Viewers.of(user.getPrincipal());
        if (local.isPresent() || user.getPrincipal() != null) {
            return local;
        }
        return users.find(user.getName()).filter(UserAccount::enabled)
                .map(account -> new Viewer(account.userId(), account.role(), account.unit()));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
