package org.dyad.web.stomp;

import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.dyad.application.cases.CaseQueries;
import org.dyad.application.shared.NotFound;
import org.dyad.web.security.Viewers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides every CONNECT, SUBSCRIBE and SEND by the access policy. Once a subscription is live it sends the RECEIPT
 * the client asked for (the simple broker sends none; a relayed broker does); a board subscriber then gets the board,
 * unless its {@code version} header says it is current (with {@code changes: true}, the changes since that version).
 * Case pages subscribe to {@code /user/queue/cases/{id}} and are told the case's revision whenever it changes.
 */
@Component
public class BoardSubscriptions implements ExecutorChannelInterceptor {

    static final String BOARD_DESTINATION_PREFIX = "/user/queue/boards/";
    /** Header a reconnecting client sends with the last board version it saw. */
    static final String VERSION_HEADER = "version";
    /** Header of a client that takes the changes since the version it holds instead of whole boards. */
    static final String CHANGES_HEADER = "changes";
    static final String CASE_DESTINATION_PREFIX = "/user/queue/cases/";
    private static final Pattern BOARD_DESTINATION = Pattern.compile("^/user/queue/boards/([A-Za-z0-9_-]{1,60})$");
    private static final Pattern CASE_DESTINATION = Pattern.compile("^/user/queue/cases/([A-Za-z0-9-]{1,60})$");

    private final AccessPolicy policy;
    private final CaseQueries cases;
    private final ObjectProvider<BoardPusher> pusher;
    private final ObjectProvider<MessageChannel> clientOutboundChannel;
    private final StompRelay relay;

    public BoardSubscriptions(AccessPolicy policy, CaseQueries cases, ObjectProvider<BoardPusher> pusher,
                              @Qualifier("clientOutboundChannel")
                              ObjectProvider<MessageChannel> clientOutboundChannel, StompRelay relay) {
        this.policy = policy;
        this.cases = cases;
        this.pusher = pusher;
        this.clientOutboundChannel = clientOutboundChannel;
        this.relay = relay;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        switch (stomp.getCommand()) {
            case CONNECT, STOMP -> viewer(stomp);
            case SUBSCRIBE -> {
                Viewer viewer = viewer(stomp);
                Optional<String> caseId = caseOf(stomp.getDestination());
                if (caseId.isPresent()) {
                    mayFollowCase(viewer, caseId.get());
                    return message;
                }
                String unit = boardUnit(stomp.getDestination())
                        .orElseThrow(() -> new MessageDeliveryException("No such destination: " + stomp.getDestination()));
                if (!policy.mayViewBoard(viewer, unit)) {
                    throw new MessageDeliveryException("Not permitted: only the " + unit + " team sees its board.");
                }
            }
            case SEND -> throw new MessageDeliveryException("Boards are read-only; change cases through the API.");
            default -> {
            }
        }
        return message;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (ex != null || stomp == null || stomp.getCommand() != StompCommand.SUBSCRIBE
                || !(handler instanceof UserDestinationMessageHandler)) {
            return;
        }
        // The user destination handler has registered the subscription with the broker: it is live now. A relayed
        // broker answers the receipt itself once it holds the subscription.
        String receipt = stomp.getReceipt();
        if (receipt != null && !relay.enabled()) {
            StompHeaderAccessor reply = StompHeaderAccessor.create(StompCommand.RECEIPT);
            reply.setReceiptId(receipt);
            reply.setSessionId(stomp.getSessionId());
            clientOutboundChannel.getObject().send(MessageBuilder.createMessage(new byte[0], reply.getMessageHeaders()));
        }
        Optional<String> unitOfBoard = boardUnit(stomp.getDestination());
        if (unitOfBoard.isEmpty()) {
            return;
        }
        Viewer viewer = viewer(stomp);
        String unit = unitOfBoard.get();
        Long knownVersion = parseVersion(stomp.getFirstNativeHeader(VERSION_HEADER));
        boolean takesChanges = "true".equalsIgnoreCase(stomp.getFirstNativeHeader(CHANGES_HEADER));
        pusher.getObject().sendCurrent(stomp.getSessionId(), stomp.getSubscriptionId(), viewer, unit, knownVersion,
                takesChanges);
    }

    private static Viewer viewer(StompHeaderAccessor stomp) {
        return Viewers.of(stomp.getUser())
                .orElseThrow(() -> new MessageDeliveryException("Sign in before connecting."));
    }

    /** Whoever may read the case (its team, the person, the unit's staff for the summary) may follow it. */
    private void mayFollowCase(Viewer viewer, String caseId) {
        try {
            cases.get(viewer, caseId);
        } catch (NotPermitted | NotFound e) {
            throw new MessageDeliveryException("Not permitted: " + e.getMessage());
        }
    }

    static Optional<String> caseOf(String destination) {
        if (destination == null) {
            return Optional.empty();
        }
        Matcher matcher = CASE_DESTINATION.matcher(destination);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static Optional<String> boardUnit(String destination) {
        if (destination == null) {
            return Optional.empty();
        }
        Matcher matcher = BOARD_DESTINATION.matcher(destination);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Long parseVersion(String header) {
        try {
            return header == null ? null : Long.valueOf(header);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
