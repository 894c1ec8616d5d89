package org.dyad.infra.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.dyad.application.board.BatchPrefetch;
import org.dyad.application.cases.CaseProjection;
import org.dyad.application.shared.StoreWriters;
import org.dyad.domain.cases.Case;
import org.dyad.domain.consent.Consent;
import org.dyad.domain.disclosure.Disclosure;
import org.dyad.domain.cotreatment.CoTreatmentSession;
import org.dyad.domain.decision.SharedDecision;
import org.dyad.domain.restriction.Coercion;
import org.dyad.domain.restriction.RestrictiveIntervention;
import org.dyad.infra.axon.eventstore.FlatEventStorageEngine;
import org.dyad.infra.axon.eventstore.StoreLayout;
import org.dyad.infra.mongo.MongoConnection;
import org.dyad.infra.readmodel.ReadModelCollections;
import org.dyad.infra.readmodel.ViewWriter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Events, snapshots and tracking tokens in MongoDB, all as JSON; aggregates and processors in one place. */
@Configuration(proxyBeanMethods = false)
public class AxonMongoConfig {

    /** Ids a tracking read asks for at once; also the block of ids a single writer reserves at a time. */
    private static final int BATCH_SIZE = 1000;
    /** Events a processor handles at most before it stores its token ({@code dyad.processor.batch-size}). */
    private static final String PROCESSOR_BATCH = "${dyad.processor.batch-size:5000}";

    /** Axon's own event serializer, as {@code axon.serializer.events=jackson} builds it, but with its lookups cached. */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(ObjectMapper objectMapper, RevisionResolver revisionResolver) {
        return CachingJacksonSerializer.of(objectMapper, revisionResolver);
    }

    @Bean
    public MongoTemplate axonMongoTemplate(MongoConnection connection) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(connection.client(), connection.databaseName())
                .trackingTokensCollectionName(ReadModelCollections.TRACKING_TOKENS)
                .build();
    }

    /**
     * True when this process is the only writer: the embedded server on a private port. Another node may be writing
     * when the store is external or the embedded server is offered on a port of its own.
     */
    @Bean
    public StoreWriters storeWriters(MongoConnection connection,
                                     @Value("${dyad.embedded.port:0}") int embeddedPort,
                                     @Value("${dyad.event-store.single-writer:}") Optional<Boolean> singleWriter) {
        return new StoreWriters(singleWriter.orElse(connection.isEmbedded() && embeddedPort == 0));
    }

    @Bean
    public EventStorageEngine eventStorageEngine(MongoConnection connection, StoreWriters writers,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer) {
        StoreLayout.refuseStockLayout(connection.client().getDatabase(connection.databaseName()));
        return FlatEventStorageEngine.builder()
                .database(connection.client().getDatabase(connection.databaseName()))
                .singleWriter(writers.single())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer)
                .batchSize(BATCH_SIZE)
                .build();
    }

    /** Aggregates stay in memory between commands, but only when no other node can change them behind our back. */
    @Bean(destroyMethod = "close")
    public AggregateCache aggregateCache(StoreWriters writers,
                                         @Value("${dyad.aggregate-cache.entries:10000}") int entries) {
        return writers.single() ? AggregateCache.bounded(entries) : AggregateCache.none();
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, ViewWriter viewWriter,
                                 @Value(PROCESSOR_BATCH) int processorBatch) {
        MongoTokenStore store = MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                // Axon's default owner is "pid@host": two nodes in one JVM would both believe they hold a claim.
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "#" + UUID.randomUUID())
                .build();
        store.ensureIndexes();
        return new ViewFlushingTokenStore(store, viewWriter, processorBatch);
    }

    @Bean
    public ConfigurerModule aggregatesAndProcessors(AggregateCache aggregateCache, BatchPrefetch batchPrefetch,
                                                    @Value(PROCESSOR_BATCH) int processorBatch) {
        CachingCommandTargetResolver targets = new CachingCommandTargetResolver();
        return configurer -> {
            for (Class<?> aggregate : List.of(Case.class, CoTreatmentSession.class, SharedDecision.class, Consent.class,
                    Disclosure.class, RestrictiveIntervention.class, Coercion.class)) {
                configurer.configureAggregate(
                        AggregateConfigurer.defaultConfiguration(aggregate).configureCache(c -> aggregateCache.cache())
                                .configureCommandTargetResolver(c -> targets));
            }
            configurer.eventProcessing().registerEventProcessor(CaseProjection.PROCESSING_GROUP,
                    (name, config, invoker) -> caseViewsProcessor(name, config, invoker, processorBatch));
            configurer.eventProcessing().registerHandlerInterceptor(CaseProjection.PROCESSING_GROUP, c -> batchPrefetch);
        };
    }

    /**
     * The processor {@code registerTrackingEventProcessor} would build, each setting from the same place, with its
     * events routed to handlers by payload type.
     */
    private static EventProcessor caseViewsProcessor(String name, org.axonframework.config.Configuration config,
                                                     EventHandlerInvoker invoker, int batchSize) {
        EventProcessingConfiguration processing = config.eventProcessingConfiguration();
        return TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(PayloadTypeRouting.of(invoker))
                .rollbackConfiguration(processing.rollbackConfiguration(name))
                .errorHandler(processing.errorHandler(name))
                .messageMonitor(processing.messageMonitor(TrackingEventProcessor.class, name))
                .messageSource(config.eventStore())
                .tokenStore(processing.tokenStore(name))
                .transactionManager(processing.transactionManager(name))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .spanFactory(config.getComponent(EventProcessorSpanFactory.class))
                .build();
    }
}
