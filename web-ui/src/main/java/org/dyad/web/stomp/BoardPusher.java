package org.dyad.web.stomp;

import org.dyad.application.access.Viewer;
import org.dyad.application.board.BoardListener;
import org.dyad.application.board.BoardQueries;
import org.dyad.application.board.BoardRead;
import org.dyad.application.users.UserAccount;
import org.dyad.application.users.UserDirectory;
import org.dyad.web.security.Viewers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.broker.OrderedMessageChannelDecorator;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpSubscription;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.util.MimeType;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Pushes each unit's board to every subscribed viewer, computed for that viewer by the access policy. A screen that
 * subscribed with {@code changes: true} is sent only what changed since the version it holds, while this node
 * still holds those changes, and the whole board otherwise. Runs off the event processor's thread; changes that
 * pile up while a push runs are coalesced, since each push reads the latest board and carries its version. With
 * the simple broker a push also waits until the unit's last push was handed to its screens, so that under load
 * changes fold into fewer pushes instead of queueing behind them (with a relay the messages leave this node, and
 * nothing is waited for).
 */
@Component
public class BoardPusher implements BoardListener {

    private static final Logger log = LoggerFactory.getLogger(BoardPusher.class);
    private static final Log ORDERING_LOG = LogFactory.getLog(BoardPusher.class);
    private static final long MAX_WAIT_FOR_SCREENS_MILLIS = 250;
    private static final long NONE = -1;
    private static final long NOT_NEWER = Long.MIN_VALUE;

    private final BoardQueries boards;
    private final SimpMessagingTemplate messaging;
    private final SimpUserRegistry userRegistry;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /** unit → session id → the newest board version that session holds; a session is never sent it twice. */
    private final Map<String, Map<String, Long>> heldVersions = new ConcurrentHashMap<>();
    /** unit → the sessions that asked for changes rather than whole boards. */
    private final Map<String, Set<String>> changeTakers = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "board-pusher");
        thread.setDaemon(true);
        return thread;
    });

    private final UserDirectory users;
    private final boolean waitForScreens;
    /** unit → its last push, while its messages may still be on their way. */
    private final Map<String, PushTicket> lastPush = new ConcurrentHashMap<>();

    private final ObjectProvider<MessageChannel> clientOutboundChannel;
    /** session id → its own ordered way to the client outbound channel (simple broker only). */
    private final Map<String, MessageChannel> toSession = new ConcurrentHashMap<>();

    public BoardPusher(BoardQueries boards, SimpMessagingTemplate messaging, SimpUserRegistry userRegistry,
                       UserDirectory users, StompRelay relay,
                       @Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutboundChannel) {
        this.boards = boards;
        this.messaging = messaging;
        this.userRegistry = userRegistry;
        this.users = users;
        this.waitForScreens = !relay.enabled();
        this.clientOutboundChannel = clientOutboundChannel;
    }

    /** One hand-over to the pushing thread for a batch's boards; a unit already waiting there is not queued again. */
    @Override
    public void boardsChanged(Map<String, Long> versions) {
        List<String> queued = new ArrayList<>(versions.size());
        for (String unit : versions.keySet()) {
            if (pending.add(unit)) {
                queued.add(unit);
            }
        }
        if (queued.isEmpty()) {
            return;
        }
        executor.execute(() -> {
            for (String unit : queued) {
                awaitLastPush(unit);
                pending.remove(unit);
                pushToSubscribers(unit);
            }
        });
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

    /**
     * Sends one STOMP session what it lacks: nothing if it holds {@code knownVersion} and that is current, else the
     * changes since the version it holds (if it takes changes and they are still held here) or the whole board.
     * Runs on the pushing thread, so that no push to the session overtakes it.
     */
    void sendCurrent(String sessionId, String subscriptionId, Viewer viewer, String unit, Long knownVersion,
                     boolean takesChanges) {
        executor.execute(() -> {
            try {
                sendCurrentNow(sessionId, subscriptionId, viewer, unit, knownVersion, takesChanges);
            } catch (RuntimeException e) {
                log.warn("Could not send the {} board to {}", unit, viewer.userId(), e);
            }
        });
    }

    private void sendCurrentNow(String sessionId, String subscriptionId, Viewer viewer, String unit,
                                Long knownVersion, boolean takesChanges) {
        Set<String> takers = changeTakers(unit);
        if (takesChanges) {
            takers.add(sessionId);
        } else {
            takers.remove(sessionId);
        }
        if (knownVersion != null) {
            // A screen subscribing again in the same session may hold less than it was sent before.
            heldVersions.computeIfAbsent(unit, u -> new ConcurrentHashMap<>())
                    .merge(sessionId, knownVersion, Math::min);
        }
        BoardRead read = boards.read(unit);
        if (!read.visibleTo(viewer)) {
            return;
        }
        long previous = claim(unit, sessionId, read.version());
        if (previous == NOT_NEWER || (knownVersion != null && knownVersion == read.version())) {
            return;
        }
        Object payload = takesChanges && previous != NONE
                ? read.changesFor(viewer, previous).<Object>map(delta -> delta).orElseGet(() -> read.boardFor(viewer).orElseThrow())
                : read.boardFor(viewer).orElseThrow();
        // With a relay, addressed to the session id as its user, so the user's other screens are not sent it.
        send(sessionId, subscriptionId, sessionId, unit, serialized(payload), null);
    }

    /**
     * Sends each subscribed session its viewer's board, or the changes since the version it holds, addressed by
     * session: a user's other sessions get nothing (with a relay, a copy sent to a session without the
     * subscription would wait in the broker for nobody). Each payload is serialized once per viewer and version.
     */
    private void pushToSubscribers(String unit) {
        String destination = BoardSubscriptions.BOARD_DESTINATION_PREFIX + unit;
        Map<Viewer, List<SimpSubscription>> sessions = new LinkedHashMap<>();
        for (SimpSubscription subscription : userRegistry.findSubscriptions(s -> destination.equals(s.getDestination()))) {
            viewerOf(subscription.getSession().getUser())
                    .ifPresent(v -> sessions.computeIfAbsent(v, k -> new ArrayList<>()).add(subscription));
        }
        Map<String, Long> held = heldVersions.computeIfAbsent(unit, u -> new ConcurrentHashMap<>());
        Set<String> subscribed = new HashSet<>();
        sessions.values().forEach(list -> list.forEach(subscription -> subscribed.add(subscription.getSession().getId())));
        held.keySet().retainAll(subscribed);
        Set<String> takers = changeTakers(unit);
        takers.retainAll(subscribed);
        if (sessions.isEmpty()) {
            return;
        }
        PushTicket ticket = new PushTicket();
        BoardRead read = boards.read(unit);
        sessions.forEach((viewer, screens) -> {
            if (!read.visibleTo(viewer)) {
                return;
            }
            Message<?> snapshot = null;
            Map<Long, Message<?>> deltas = new HashMap<>();
            for (SimpSubscription subscription : screens) {
                SimpSession session = subscription.getSession();
                long previous = claim(unit, session.getId(), read.version());
                if (previous == NOT_NEWER) {
                    continue;
                }
                try {
                    Message<?> converted = null;
                    if (previous != NONE && takers.contains(session.getId())) {
                        if (!deltas.containsKey(previous)) {
                            deltas.put(previous, read.changesFor(viewer, previous).map(this::serialized).orElse(null));
                        }
                        converted = deltas.get(previous);
                    }
                    if (converted == null) {
                        if (snapshot == null) {
                            snapshot = serialized(read.boardFor(viewer).orElseThrow());
                        }
                        converted = snapshot;
                    }
                    send(session.getId(), subscription.getId(), session.getUser().getName(), unit, converted, ticket);
                } catch (RuntimeException e) {
                    log.warn("Could not push the {} board to {}", unit, viewer.userId(), e);
                }
            }
        });
        if (waitForScreens) {
            lastPush.put(unit, ticket);
        }
    }

    /**
     * With the simple broker, straight to the session's subscription on the client outbound channel, in the order
     * sent (what the broker would do, without resolving the user destination and matching subscriptions for each
     * message); with a relay, through the user destination to the broker.
     */
    private void send(String sessionId, String subscriptionId, String userName, String unit, Message<?> converted,
                      PushTicket ticket) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(sessionId);
        headers.setContentType(converted.getHeaders().get(MessageHeaders.CONTENT_TYPE, MimeType.class));
        headers.setLeaveMutable(true);
        if (!waitForScreens) {
            messaging.send(userDestination(userName, unit),
                    MessageBuilder.createMessage(converted.getPayload(), headers.getMessageHeaders()));
            return;
        }
        if (ticket != null) {
            headers.setHeader(PushTicket.HEADER, ticket);
            ticket.sending();
        }
        headers.setSubscriptionId(subscriptionId);
        headers.setDestination(BoardSubscriptions.BOARD_DESTINATION_PREFIX + unit);
        MessageChannel channel = toSession.computeIfAbsent(sessionId, id ->
                new OrderedMessageChannelDecorator(clientOutboundChannel.getObject(), ORDERING_LOG));
        channel.send(MessageBuilder.createMessage(converted.getPayload(), headers.getMessageHeaders()));
    }

    /** A closed session is forgotten: its versions, its wish for changes, its way out. */
    @EventListener
    void sessionClosed(SessionDisconnectEvent event) {
        String sessionId = event.getSessionId();
        toSession.remove(sessionId);
        heldVersions.values().forEach(held -> held.remove(sessionId));
        changeTakers.values().forEach(takers -> takers.remove(sessionId));
    }

    private Message<?> serialized(Object payload) {
        return messaging.getMessageConverter().toMessage(payload, null);
    }

    private Set<String> changeTakers(String unit) {
        return changeTakers.computeIfAbsent(unit, u -> ConcurrentHashMap.newKeySet());
    }

    /** What {@code convertAndSendToUser} would address: the user's board queue, resolved per session. */
    private String userDestination(String userName, String unit) {
        return messaging.getUserDestinationPrefix() + userName.replace("/", "%2F") + "/queue/boards/" + unit;
    }

    /**
     * Records that the session gets {@code version}. Returns the version it held before ({@link #NONE} if none
     * is known), or {@link #NOT_NEWER} if it already holds that version or a newer one.
     */
    private long claim(String unit, String sessionId, long version) {
        long[] previous = {NOT_NEWER};
        heldVersions.computeIfAbsent(unit, u -> new ConcurrentHashMap<>()).compute(sessionId, (id, heldVersion) -> {
            if (heldVersion != null && heldVersion >= version) {
                return heldVersion;
            }
            previous[0] = heldVersion == null ? NONE : heldVersion;
            return version;
        });
        return previous[0];
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
