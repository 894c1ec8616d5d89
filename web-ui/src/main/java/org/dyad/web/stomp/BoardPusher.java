package org.dyad.web.stomp;

import org.dyad.application.access.Viewer;
import org.dyad.application.board.Board;
import org.dyad.application.board.BoardListener;
import org.dyad.application.board.BoardQueries;
import org.dyad.web.security.Viewers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSubscription;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Pushes each unit's board to every subscribed viewer, computed for that viewer by the access policy. Runs off
 * the event processor's thread; changes that pile up while a push runs are coalesced, since each push reads the
 * latest board and carries its version.
 */
@Component
public class BoardPusher implements BoardListener {

    private static final Logger log = LoggerFactory.getLogger(BoardPusher.class);

    private final BoardQueries boards;
    private final SimpMessagingTemplate messaging;
    private final SimpUserRegistry userRegistry;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "board-pusher");
        thread.setDaemon(true);
        return thread;
    });

    public BoardPusher(BoardQueries boards, SimpMessagingTemplate messaging, SimpUserRegistry userRegistry) {
        this.boards = boards;
        this.messaging = messaging;
        this.userRegistry = userRegistry;
    }

    @Override
    public void boardChanged(String unit, long version) {
        if (pending.add(unit)) {
            executor.execute(() -> {
                pending.remove(unit);
                pushToSubscribers(unit);
            });
        }
    }

    /** Sends the current board to one STOMP session unless it already holds {@code knownVersion}. */
    void sendCurrent(String sessionId, Viewer viewer, String unit, Long knownVersion) {
        Board board = boards.boardFor(viewer, unit);
        if (knownVersion == null || knownVersion != board.version()) {
            SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
            headers.setSessionId(sessionId);
            headers.setLeaveMutable(true);
            // Addressed by session id, so the user's other screens are not sent a board they may already have.
            messaging.convertAndSendToUser(sessionId, "/queue/boards/" + unit, board, headers.getMessageHeaders());
        }
    }

    private void pushToSubscribers(String unit) {
        String destination = BoardSubscriptions.BOARD_DESTINATION_PREFIX + unit;
        Map<Viewer, String> userNames = new LinkedHashMap<>();
        for (SimpSubscription subscription : userRegistry.findSubscriptions(s -> destination.equals(s.getDestination()))) {
            SimpUser user = subscription.getSession().getUser();
            Viewers.of(user.getPrincipal()).ifPresent(v -> userNames.putIfAbsent(v, user.getName()));
        }
        if (userNames.isEmpty()) {
            return;
        }
        boards.boardsFor(unit, userNames.keySet()).forEach((viewer, board) -> {
            try {
                messaging.convertAndSendToUser(userNames.get(viewer), "/queue/boards/" + unit, board);
            } catch (RuntimeException e) {
                log.warn("Could not push the {} board to {}", unit, viewer.userId(), e);
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
