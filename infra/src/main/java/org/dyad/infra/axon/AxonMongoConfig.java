package org.dyad.infra.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.dyad.application.cases.CaseProjection;
import org.dyad.domain.cases.Case;
import org.dyad.domain.consent.Consent;
import org.dyad.domain.disclosure.Disclosure;
import org.dyad.domain.cotreatment.CoTreatmentSession;
import org.dyad.domain.decision.SharedDecision;
import org.dyad.domain.restriction.Coercion;
import org.dyad.domain.restriction.RestrictiveIntervention;
import org.dyad.infra.mongo.MongoConnection;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Events, snapshots and tracking tokens in MongoDB, all as JSON; aggregates and processors in one place. */
@Configuration(proxyBeanMethods = false)
public class AxonMongoConfig {

    /** Keep above the most events that can land inside a tracking token's one-second look-back window. */
    private static final int BATCH_SIZE = 1000;

    @Bean
    public MongoTemplate axonMongoTemplate(MongoConnection connection) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(connection.client(), connection.databaseName())
                .build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer)
                .batchSize(BATCH_SIZE)
                .build();
        engine.ensureIndexes();
        return engine;
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        MongoTokenStore store = MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
        store.ensureIndexes();
        return store;
    }

    @Bean
    public ConfigurerModule aggregatesAndProcessors() {
        return configurer -> {
            configurer.configureAggregate(Case.class);
            configurer.configureAggregate(CoTreatmentSession.class);
            configurer.configureAggregate(SharedDecision.class);
            configurer.configureAggregate(Consent.class);
            configurer.configureAggregate(Disclosure.class);
            configurer.configureAggregate(RestrictiveIntervention.class);
            configurer.configureAggregate(Coercion.class);
            configurer.eventProcessing().registerTrackingEventProcessor(
                    CaseProjection.PROCESSING_GROUP,
                    org.axonframework.config.Configuration::eventStore,
                    c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                            .andInitialTrackingToken(StreamableMessageSource::createTailToken));
        };
    }
}
