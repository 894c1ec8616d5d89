package org.dyad.application.maintenance;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
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
 * Rebuilds the read models from the first event: the case-views processor stops, its views are cleared (boards
 * emptied, one version on, so the screens follow), its token goes back to the start of the store, and it starts
 * again, replaying every event. Commands go on meanwhile; lists and boards fill up again as the replay goes.
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
        StreamingEventProcessor processor = processor();
        if (processor.isReplaying()) {
            throw new DomainRuleViolation("A rebuild is under way already; wait until it has caught up.");
        }
        long head = head();
        processor.shutdownAsync().join();
        try {
            processor.resetTokens();
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
        StreamingEventProcessor processor = processor();
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        boolean replaying = segments.stream().anyMatch(ProjectionRebuild::replaying);
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp)
                && !readModels.writing();
        boolean error = processor.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState);
        OptionalLong position = segments.stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
        return new Status(CaseProjection.PROCESSING_GROUP, processor.isRunning(), replaying, caughtUp, error,
                position.isPresent() ? position.getAsLong() : null, head(), lastStarted.get());
    }

    /**
     * Axon calls a segment replaying until an event after the reset point arrives; the rebuild is done once the
     * segment has handled every event the store held at the reset.
     */
    private static boolean replaying(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return false;
        }
        OptionalLong reset = segment.getResetPosition();
        OptionalLong at = segment.getCurrentPosition();
        return reset.isEmpty() || at.isEmpty() || at.getAsLong() < reset.getAsLong();
    }

    /** A node that holds no segment shows no status at once; give its processor a moment to claim one. */
    private static void awaitReplayStarted(StreamingEventProcessor processor, long head) {
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

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(CaseProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No " + CaseProjection.PROCESSING_GROUP + " processor"));
    }

    private void requireAdmin(Viewer viewer) {
        if (!policy.mayAdminister(viewer)) {
            throw new NotPermitted("Only admins rebuild the read models.");
        }
    }
}
