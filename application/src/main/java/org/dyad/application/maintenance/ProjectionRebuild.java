package org.dyad.application.maintenance;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.NotPermitted;
import org.dyad.application.access.Viewer;
import org.dyad.application.cases.CaseProjection;
import org.dyad.application.shared.ReadModels;
import org.dyad.domain.shared.DomainRuleViolation;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the read models from the first event: the case-views processor stops, its token goes back to the start
 * of the store, its reset handler clears its views (boards emptied, one version on, so the screens follow), and it
 * starts again, replaying every event. Commands go on meanwhile; lists and boards fill up again as the replay goes.
 * <p>
 * The token put back is the plain one a new processor starts from, not Axon's replay token ({@code resetTokens}):
 * no handler of the group treats a replayed event differently, and the replay token wrapped every event and token
 * of a rebuild, cost the processor per event, and sent a rebuild down paths that the catch-up at start-up (the same
 * work) had not compiled. So the replay is this node's to follow: it lasts until the processor passes the event that
 * was last when it started.
 */
@Service
public class ProjectionRebuild {

    /**
     * Where the processor is: at {@code position} (null before its first event) of {@code head}, the store's last
     * event; replaying until a rebuild has caught up. {@code rebuildStartedAt}: this node's last rebuild, if any.
     */
    public record Status(String processor, boolean running, boolean replaying, boolean caughtUp, boolean error,
                         Long position, long head, Instant rebuildStartedAt) {
    }

    private final AccessPolicy policy;
    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final ReadModels readModels;
    private final AtomicReference<Instant> lastStarted = new AtomicReference<>();
    /** The store's last event when this node's last rebuild started; -1 before one. */
    private volatile long rebuildingUpTo = -1;

    public ProjectionRebuild(AccessPolicy policy, EventProcessingConfiguration processing, EventStore events,
                             ReadModels readModels) {
        this.readModels = readModels;
        this.policy = policy;
        this.processing = processing;
        this.events = events;
    }

    public Status status(Viewer viewer) {
        requireAdmin(viewer);
        return status();
    }

    /** Starts a rebuild on this node; refused while another node holds the processor or a replay is under way. */
    public synchronized Status rebuild(Viewer viewer) {
        requireAdmin(viewer);
        TrackingEventProcessor processor = processor();
        if (replaying(position(processor.processingStatus().values()))) {
            throw new DomainRuleViolation("A rebuild is under way already; wait until it has caught up.");
        }
        long head = head();
        processor.shutdownAsync().join();
        try {
            restartFromFirstEvent(processor);
            rebuildingUpTo = head;
        } catch (UnableToClaimTokenException e) {
            throw new DomainRuleViolation("Another node holds the case-views processor; stop it there first, or "
                    + "start the rebuild on that node.");
        } finally {
            processor.start();
        }
        lastStarted.set(Instant.now());
        awaitReplayStarted(processor, head);
        return status();
    }

    private Status status() {
        TrackingEventProcessor processor = processor();
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        OptionalLong position = position(segments);
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp)
                && !readModels.writing();
        boolean error = processor.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState);
        return new Status(CaseProjection.PROCESSING_GROUP, processor.isRunning(), replaying(position), caughtUp, error,
                position.isPresent() ? position.getAsLong() : null, head(), lastStarted.get());
    }

    /** This node's last rebuild has not reached the event that was last when it started (none: nothing to reach). */
    private boolean replaying(OptionalLong at) {
        long upTo = rebuildingUpTo;
        return upTo > 0 && (at.isEmpty() || at.getAsLong() < upTo);
    }

    private static OptionalLong position(Collection<EventTrackerStatus> segments) {
        return segments.stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
    }

    /**
     * As Axon's {@code resetTokens}, with the token a new processor starts from: every segment claimed first (one
     * held by another node refuses the rebuild before anything changed), each set back to the store's start, then
     * the reset handler clears the views. Stored before the views go, so that no failure leaves cleared views behind
     * a token at the head.
     */
    private void restartFromFirstEvent(TrackingEventProcessor processor) {
        String name = CaseProjection.PROCESSING_GROUP;
        TokenStore tokens = processing.tokenStore(name);
        processing.transactionManager(name).executeInTransaction(() -> {
            int[] segments = tokens.fetchSegments(name);
            for (int segment : segments) {
                tokens.fetchToken(name, segment);
            }
            TrackingToken first = events.createTailToken();
            for (int segment : segments) {
                tokens.storeToken(first, name, segment);
            }
            processor.eventHandlerInvoker().performReset();
        });
    }

    /** A node that holds no segment shows no status at once; give its processor a moment to claim one. */
    private static void awaitReplayStarted(TrackingEventProcessor processor, long head) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (head > 0 && processor.processingStatus().isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private TrackingEventProcessor processor() {
        return processing.eventProcessor(CaseProjection.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No " + CaseProjection.PROCESSING_GROUP
                        + " tracking processor"));
    }

    private void requireAdmin(Viewer viewer) {
        if (!policy.mayAdminister(viewer)) {
            throw new NotPermitted("Only admins rebuild the read models.");
        }
    }
}
