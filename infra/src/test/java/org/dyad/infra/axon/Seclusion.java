package org.dyad.infra.axon;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Test-only aggregate with one legal clock: the face-to-face evaluation is due by a given time. */
class Seclusion {

    static final String FACE_TO_FACE = "face-to-face";

    /** Handler runs by seclusion id, at wall-clock nanos; shared by every node in the JVM. */
    static final Map<String, List<Long>> handlerRuns = new ConcurrentHashMap<>();
    /** How many more times the deadline handler should fail, by seclusion id. */
    static final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    record StartSeclusion(@TargetAggregateIdentifier String seclusionId, Instant faceToFaceDue) {
    }

    record RecordFaceToFace(@TargetAggregateIdentifier String seclusionId) {
    }

    record SeclusionStarted(String seclusionId, Instant faceToFaceDue) {
    }

    record FaceToFaceRecorded(String seclusionId) {
    }

    record FaceToFaceOverdue(String seclusionId, Instant dueBy, Instant firedAt) {
    }

    @AggregateIdentifier
    private String seclusionId;

    Seclusion() {
        // for Axon
    }

    @CommandHandler
    Seclusion(StartSeclusion command, DeadlineManager deadlines) {
        apply(new SeclusionStarted(command.seclusionId(), command.faceToFaceDue()));
        deadlines.schedule(command.faceToFaceDue(), FACE_TO_FACE, command.faceToFaceDue());
    }

    @CommandHandler
    void handle(RecordFaceToFace command, DeadlineManager deadlines) {
        apply(new FaceToFaceRecorded(seclusionId));
        deadlines.cancelAllWithinScope(FACE_TO_FACE);
    }

    @DeadlineHandler(deadlineName = FACE_TO_FACE)
    void faceToFaceDuePassed(Instant dueBy, DeadlineMessage<Instant> message) {
        handlerRuns.computeIfAbsent(seclusionId, id -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
        AtomicInteger failures = failuresLeft.get(seclusionId);
        if (failures != null && failures.getAndDecrement() > 0) {
            throw new IllegalStateException("simulated failure");
        }
        apply(new FaceToFaceOverdue(seclusionId, dueBy, message.getTimestamp()));
    }

    @EventSourcingHandler
    void on(SeclusionStarted event) {
        seclusionId = event.seclusionId();
    }
}
