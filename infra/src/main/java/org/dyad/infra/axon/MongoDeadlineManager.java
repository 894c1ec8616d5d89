package org.dyad.infra.axon;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Axon deadlines kept in MongoDB, so legal clocks survive a restart: a poller fires each deadline once the
 * {@link Clock} reaches its time, and on start fires every one that passed while the application was down.
 * A due deadline is claimed atomically before it is delivered, so two nodes sharing the database never both fire
 * it; it is deleted only after its handler succeeded, and retried with a backoff when the handler failed.
 * Delivery is at least once: a node that dies between handling and deleting leaves it to be fired again.
 */
public class MongoDeadlineManager extends AbstractDeadlineManager implements Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(MongoDeadlineManager.class);

    private final DeadlineDocuments deadlines;
    private final ScopeAwareProvider scopes;
    private final Serializer serializer;
    private final TransactionManager transactions;
    private final Clock clock;
    private final DeadlinePolling polling;
    private final String node = IdentifierFactory.getInstance().generateIdentifier();
    private ScheduledExecutorService poller;

    public MongoDeadlineManager(MongoDatabase database, ScopeAwareProvider scopes, Serializer serializer,
                                TransactionManager transactions, Clock clock, DeadlinePolling polling) {
        this.deadlines = new DeadlineDocuments(database);
        this.scopes = scopes;
        this.serializer = serializer;
        this.transactions = transactions;
        this.clock = clock;
        this.polling = polling;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        DeadlineMessage<Object> message =
                GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime);
        String scheduleId = message.getIdentifier();
        // serialized at prepare-commit: a new aggregate's identifier is known only once it applied its first event
        runOnPrepareCommitOrNow(() -> {
            DeadlineMessage<Object> intercepted = processDispatchInterceptors(message);
            Object payload = intercepted.getPayload();
            deadlines.insert(scheduleId, deadlineName, triggerDateTime, serialized(deadlineScope),
                    payload == null ? null : serialized(payload), serialized(intercepted.getMetaData()));
        });
        return scheduleId;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> deadlines.delete(deadlineName, scheduleId));
    }

    @Override
    public void cancelAll(String deadlineName) {
        runOnPrepareCommitOrNow(() -> deadlines.deleteAll(deadlineName));
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        runOnPrepareCommitOrNow(() -> deadlines.deleteAllWithinScope(deadlineName, serialized(scope)));
    }

    /** Polling starts with the event processors, after the aggregates can take messages, and stops before them. */
    @Override
    public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
        lifecycle.onStart(Phase.INBOUND_EVENT_CONNECTORS, this::start);
        lifecycle.onShutdown(Phase.INBOUND_EVENT_CONNECTORS, this::shutdown);
    }

    /** Starts polling; the first poll, right away, fires whatever fell due while the application was down. */
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "deadlines");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> poll(executor), 0, polling.every().toMillis(), TimeUnit.MILLISECONDS);
        poller = executor;
        log.info("Deadline poller started (every {} ms)", polling.every().toMillis());
    }

    /** Stops polling after the deadline being delivered, if any; idempotent. */
    @Override
    public synchronized void shutdown() {
        if (poller == null) {
            return;
        }
        poller.shutdown();
        try {
            if (!poller.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("A deadline was still being delivered at shutdown; its claim will run out and it will fire again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poller = null;
    }

    /** Fires every deadline due now, one after the other, in the calling thread; returns how many were attempted. */
    public int fireDue() {
        int attempted = 0;
        while (fireNextDue()) {
            attempted++;
        }
        return attempted;
    }

    private void poll(ScheduledExecutorService executor) {
        try {
            while (!executor.isShutdown() && fireNextDue()) {
                // one deadline at a time, so shutdown waits for at most one
            }
        } catch (Throwable e) {
            // anything thrown out of a scheduled task silently cancels all its later runs
            log.error("Could not poll for due deadlines; trying again in {} ms", polling.every().toMillis(), e);
        }
    }

    private boolean fireNextDue() {
        Instant wallNow = Instant.now();
        Document claimed = deadlines.claimNextDue(clock.instant(), wallNow, node, wallNow.plus(polling.claimFor()));
        if (claimed == null) {
            return false;
        }
        fire(claimed);
        return true;
    }

    private void fire(Document doc) {
        String id = doc.getString("_id");
        try {
            ScopeDescriptor scope = deserialized(doc.get("scope", Document.class));
            Document payload = doc.get("payload", Document.class);
            MetaData metaData = deserialized(doc.get("metaData", Document.class));
            DeadlineMessage<?> message = new GenericDeadlineMessage<>(doc.getString("name"), id,
                    payload == null ? null : deserialized(payload), metaData, doc.getDate("due").toInstant());
            ResultMessage<?> result = deliver(message, scope);
            if (result.isExceptional()) {
                retryLater(doc, result.exceptionResult());
            } else {
                deadlines.deleteFired(id, node);
            }
        } catch (RuntimeException e) {
            retryLater(doc, e);
        }
    }

    /** As Axon's own deadline managers do it: a unit of work, the handler interceptors, every scope that resolves. */
    private ResultMessage<?> deliver(DeadlineMessage<?> message, ScopeDescriptor scope) {
        UnitOfWork<DeadlineMessage<?>> unitOfWork = new DefaultUnitOfWork<>(message);
        unitOfWork.attachTransaction(transactions);
        DefaultInterceptorChain<DeadlineMessage<?>> chain = new DefaultInterceptorChain<>(unitOfWork,
                handlerInterceptors(), intercepted -> {
                    send(intercepted, scope);
                    return null;
                });
        return unitOfWork.executeWithResult(chain::proceed);
    }

    private void send(DeadlineMessage<?> message, ScopeDescriptor scope) throws Exception {
        List<ScopeAware> resolving = scopes.provideScopeAwareStream(scope).filter(c -> c.canResolve(scope)).toList();
        if (resolving.isEmpty()) {
            // e.g. the aggregate class was renamed: keep the deadline rather than drop a legal clock unseen
            throw new IllegalStateException("Nothing handles deadline " + message.getDeadlineName() + " for "
                    + scope.scopeDescription());
        }
        for (ScopeAware component : resolving) {
            component.send(message, scope);
        }
    }

    private void retryLater(Document doc, Throwable cause) {
        int attempts = doc.getInteger("attempts", 0) + 1;
        Instant retryAt = Instant.now().plus(polling.backoffAfter(attempts));
        log.warn("Deadline {} ({}) failed, attempt {}; retrying at {}", doc.getString("name"), doc.getString("_id"),
                attempts, retryAt, cause);
        deadlines.releaseForRetry(doc.getString("_id"), attempts, retryAt, describe(cause));
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.toString() : failure + " (root cause: " + root + ")";
    }

    private Document serialized(Object value) {
        return DeadlineDocuments.serialized(serializer.serialize(value, String.class));
    }

    private <T> T deserialized(Document doc) {
        return serializer.deserialize(DeadlineDocuments.serializedObject(doc));
    }
}
