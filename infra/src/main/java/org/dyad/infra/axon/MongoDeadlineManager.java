package org.dyad.infra.axon;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Axon deadlines kept in MongoDB, so legal clocks survive a restart: a poller fires each deadline once the
 * {@link Clock} passes its time, and on start fires every one that passed while the application was down.
 * A due deadline is claimed atomically before it is delivered, so two nodes sharing the store never both fire it;
 * it is deleted only after its handler succeeded, and retried with a backoff when the handler failed.
 */
public class MongoDeadlineManager extends AbstractDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(MongoDeadlineManager.class);
    static final String COLLECTION = "deadlines";
    private static final Duration CLAIM = Duration.ofSeconds(60);
    private static final Duration MOST_BACKOFF = Duration.ofMinutes(5);

    private final MongoCollection<Document> deadlines;
    private final ScopeAwareProvider scopes;
    private final Serializer serializer;
    private final TransactionManager transactions;
    private final Clock clock;
    private final Duration pollEvery;
    private final String node = IdentifierFactory.getInstance().generateIdentifier();
    private ScheduledExecutorService poller;

    public MongoDeadlineManager(MongoDatabase database, ScopeAwareProvider scopes, Serializer serializer,
                                TransactionManager transactions, Clock clock, Duration pollEvery) {
        this.deadlines = database.getCollection(COLLECTION);
        this.scopes = scopes;
        this.serializer = serializer;
        this.transactions = transactions;
        this.clock = clock;
        this.pollEvery = pollEvery;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        String id = IdentifierFactory.getInstance().generateIdentifier();
        DeadlineMessage<Object> message = GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime);
        runOnPrepareCommitOrNow(() -> {
            DeadlineMessage<Object> intercepted = processDispatchInterceptors(message);
            Document doc = new Document("_id", id)
                    .append("name", deadlineName)
                    .append("due", Date.from(triggerDateTime))
                    .append("scope", serialized(deadlineScope))
                    .append("metaData", serialized(intercepted.getMetaData()))
                    .append("attempts", 0)
                    .append("claimedUntil", new Date(0));
            if (intercepted.getPayload() != null) {
                doc.append("payload", serialized(intercepted.getPayload()));
            }
            deadlines.insertOne(doc);
        });
        return id;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> deadlines.deleteOne(Filters.eq("_id", scheduleId)));
    }

    @Override
    public void cancelAll(String deadlineName) {
        runOnPrepareCommitOrNow(() -> deadlines.deleteMany(Filters.eq("name", deadlineName)));
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        String data = serializer.serialize(scope, String.class).getData();
        runOnPrepareCommitOrNow(() -> deadlines.deleteMany(
                Filters.and(Filters.eq("name", deadlineName), Filters.eq("scope.data", data))));
    }

    /** Starts polling; the first poll fires whatever fell due while the application was down. */
    public synchronized void start() {
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "deadlines");
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(this::fireDue, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void shutdown() {
        if (poller != null) {
            poller.shutdown();
            try {
                poller.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }

    /** Fires every deadline due now, one at a time; public for tests that cannot wait for the poller. */
    public void fireDue() {
        try {
            Document claimed;
            while ((claimed = claimNextDue()) != null) {
                fire(claimed);
            }
        } catch (RuntimeException e) {
            log.warn("Could not read due deadlines; trying again shortly", e);
        }
    }

    private Document claimNextDue() {
        Instant wallNow = Instant.now();
        Bson due = Filters.and(Filters.lte("due", Date.from(clock.instant())),
                Filters.lt("claimedUntil", Date.from(wallNow)));
        return deadlines.findOneAndUpdate(due,
                Updates.combine(Updates.set("claimedUntil", Date.from(wallNow.plus(CLAIM))), Updates.set("claimedBy", node)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    private void fire(Document doc) {
        String id = doc.getString("_id");
        try {
            ScopeDescriptor scope = deserialize(doc.get("scope", Document.class));
            Object payload = doc.containsKey("payload") ? deserialize(doc.get("payload", Document.class)) : null;
            MetaData metaData = deserialize(doc.get("metaData", Document.class));
            Instant dueAt = doc.getDate("due").toInstant();
            DeadlineMessage<?> message = new GenericDeadlineMessage<>(doc.getString("name"),
                    new GenericMessage<>(id, payload, metaData), () -> dueAt);
            UnitOfWork<DeadlineMessage<?>> unitOfWork = new DefaultUnitOfWork<>(message);
            unitOfWork.attachTransaction(transactions);
            DefaultInterceptorChain<DeadlineMessage<?>> chain = new DefaultInterceptorChain<>(unitOfWork,
                    handlerInterceptors(), m -> {
                        deliver(m, scope);
                        return null;
                    });
            ResultMessage<?> result = unitOfWork.executeWithResult(chain::proceed);
            if (result.isExceptional()) {
                retryLater(doc, result.exceptionResult());
            } else {
                deadlines.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("claimedBy", node)));
            }
        } catch (RuntimeException e) {
            retryLater(doc, e);
        }
    }

    private void deliver(DeadlineMessage<?> message, ScopeDescriptor scope) {
        scopes.provideScopeAwareStream(scope).filter(c -> c.canResolve(scope)).forEach(c -> {
            try {
                c.send(message, scope);
            } catch (Exception e) {
                throw new IllegalStateException("Deadline " + message.getDeadlineName() + " failed in " + scope.scopeDescription(), e);
            }
        });
    }

    private void retryLater(Document doc, Throwable cause) {
        int attempts = doc.getInteger("attempts", 0) + 1;
        Duration backoff = Duration.ofSeconds(Math.min(MOST_BACKOFF.toSeconds(), 1L << Math.min(attempts, 8)));
        log.warn("Deadline {} ({}) failed, attempt {}; retrying in {} s", doc.getString("name"), doc.getString("_id"),
                attempts, backoff.toSeconds(), cause);
        deadlines.updateOne(Filters.eq("_id", doc.getString("_id")), Updates.combine(Updates.set("attempts", attempts),
                Updates.set("claimedUntil", Date.from(Instant.now().plus(backoff)))));
    }

    private Document serialized(Object value) {
        SerializedObject<String> s = serializer.serialize(value, String.class);
        return new Document("type", s.getType().getName()).append("revision", s.getType().getRevision())
                .append("data", s.getData());
    }

    private <T> T deserialize(Document d) {
        return serializer.deserialize(new SimpleSerializedObject<>(d.getString("data"), String.class,
                d.getString("type"), d.getString("revision")));
    }
}
