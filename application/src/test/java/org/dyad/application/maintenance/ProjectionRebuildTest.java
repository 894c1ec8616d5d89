package org.dyad.application.maintenance;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.dyad.application.access.AccessPolicy;
import org.dyad.application.access.Viewer;
import org.dyad.application.cases.CaseProjection;
import org.dyad.application.shared.ReadModels;
import org.dyad.application.users.AccountRole;
import org.dyad.domain.shared.DomainRuleViolation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The rebuild against Axon's own processor, event store and token store, in memory. */
class ProjectionRebuildTest {

    private static final Viewer ADMIN = new Viewer("admin-1", AccountRole.ADMIN, null);
    private static final String GROUP = CaseProjection.PROCESSING_GROUP;

    @ProcessingGroup(GROUP)
    static final class Views {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final AtomicInteger replayed = new AtomicInteger();
        final AtomicInteger resets = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);

        @EventHandler
        void on(String event, ReplayStatus status) throws InterruptedException {
            gate.await();
            if (status.isReplay()) {
                replayed.incrementAndGet();
            }
            seen.add(event);
        }

        /** Axon marks what a new processor reads of events stored before its start as replayed; only a rebuild counts. */
        @ResetHandler
        void reset() {
            resets.incrementAndGet();
            seen.clear();
            replayed.set(0);
        }
    }

    /** Another node's claim on the processor, when set. */
    private final AtomicBoolean claimedElsewhere = new AtomicBoolean();
    private final Views views = new Views();
    /** Axon's in-memory token store, whose segments, when told, are held by another node. */
    private final TokenStore tokens = new InMemoryTokenStore() {
        @Override
        public TrackingToken fetchToken(String processorName, int segment) {
            if (claimedElsewhere.get()) {
                throw new UnableToClaimTokenException("Held by another node");
            }
            return super.fetchToken(processorName, segment);
        }
    };
    private final ReadModels readModels = new ReadModels() {
        @Override
        public void clearViews() {
        }

        @Override
        public boolean writing() {
            return false;
        }
    };
    private Configuration axon;
    private ProjectionRebuild rebuild;

    @BeforeEach
    void start() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .eventProcessing(processing -> processing.registerTrackingEventProcessor(GROUP,
                                Configuration::eventStore,
                                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                        .andTokenClaimInterval(100, TimeUnit.MILLISECONDS))
                        .registerEventHandler(c -> views)
                        .registerTokenStore(GROUP, c -> tokens))
                .buildConfiguration();
        axon.start();
        rebuild = new ProjectionRebuild(new AccessPolicy(), axon.eventProcessingConfiguration(), axon.eventStore(),
                readModels);
    }

    private void stored(String... events) {
        for (String event : events) {
            axon.eventBus().publish(GenericEventMessage.asEventMessage(event));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> views.seen.size() == events.length);
    }

    @AfterEach
    void stop() {
        views.gate.countDown();
        axon.shutdown();
    }

    @Test
    void everyEventIsHandledAgainFromTheFirstAfterTheResetHandlerAndNoneAsAxonsReplay() {
        stored("opened", "goals recorded", "closed");
        ProjectionRebuild.Status started = rebuild.rebuild(ADMIN);

        assertThat(started.head()).isEqualTo(2);
        assertThat(started.rebuildStartedAt()).isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> caughtUp(rebuild.status(ADMIN)));
        assertThat(views.resets).hasValue(1);
        assertThat(views.seen).containsExactly("opened", "goals recorded", "closed");
        assertThat(views.replayed).hasValue(0);
        assertThat(rebuild.status(ADMIN).replaying()).isFalse();
    }

    @Test
    void whileARebuildIsUnderWayTheStatusSaysSoAndAnotherIsRefused() {
        stored("opened", "goals recorded", "closed");
        views.gate = new CountDownLatch(1);
        rebuild.rebuild(ADMIN);

        assertThat(rebuild.status(ADMIN).replaying()).isTrue();
        assertThat(rebuild.status(ADMIN).caughtUp()).isFalse();
        assertThatThrownBy(() -> rebuild.rebuild(ADMIN)).isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("under way");
        assertThat(views.resets).hasValue(1);

        views.gate.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> caughtUp(rebuild.status(ADMIN)));
        assertThat(views.seen).containsExactly("opened", "goals recorded", "closed");
    }

    @Test
    void aProcessorClaimedByAnotherNodeRefusesTheRebuildBeforeAnythingChanges() {
        stored("opened", "goals recorded", "closed");
        TrackingToken before = tokens.fetchToken(GROUP, 0);
        claimedElsewhere.set(true);

        assertThatThrownBy(() -> rebuild.rebuild(ADMIN)).isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("Another node");

        claimedElsewhere.set(false);
        assertThat(views.resets).hasValue(0);
        assertThat(views.seen).containsExactly("opened", "goals recorded", "closed");
        assertThat(tokens.fetchToken(GROUP, 0)).isEqualTo(before);
        assertThat(rebuild.status(ADMIN).replaying()).isFalse();
        axon.eventBus().publish(GenericEventMessage.asEventMessage("reopened"));
        await().atMost(Duration.ofSeconds(10)).until(() -> views.seen.size() == 4);
    }

    @Test
    void aRebuildOfAnEmptyStoreHasNothingToReplay() {
        ProjectionRebuild.Status started = rebuild.rebuild(ADMIN);

        assertThat(started.head()).isZero();
        assertThat(started.replaying()).isFalse();
        assertThat(views.resets).hasValue(1);
        stored("opened");
        assertThat(rebuild.status(ADMIN).replaying()).isFalse();
    }

    private static boolean caughtUp(ProjectionRebuild.Status status) {
        return status.caughtUp() && status.position() != null && status.position() >= status.head();
    }
}
