package org.dyad.infra.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;

import java.time.Clock;
import java.util.List;

/** One application node without Spring: Axon on MongoDB, the test aggregate and a {@link MongoDeadlineManager}. */
final class DeadlineNode implements AutoCloseable {

    static final String DATABASE = "dyad";

    private final Configuration axon;
    private final MongoDatabase database;
    private final MongoDeadlineManager deadlines;

    private DeadlineNode(Configuration axon, MongoDatabase database) {
        this.axon = axon;
        this.database = database;
        // fetched before start, as Axon does when it resolves handler parameters, so its lifecycle is registered
        this.deadlines = (MongoDeadlineManager) axon.deadlineManager();
    }

    static DeadlineNode start(MongoClient client, Clock clock, DeadlinePolling polling) {
        JacksonSerializer json = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().findAndRegisterModules())
                .build();
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> json)
                .configureEmbeddedEventStore(c -> MongoEventStorageEngine.builder()
                        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, DATABASE).build())
                        .eventSerializer(json)
                        .snapshotSerializer(json)
                        .build())
                .configureAggregate(Seclusion.class)
                .configureDeadlineManager(c -> new MongoDeadlineManager(client.getDatabase(DATABASE),
                        new ConfigurationScopeAwareProvider(c), c.serializer(), NoTransactionManager.INSTANCE, clock,
                        polling))
                .buildConfiguration();
        DeadlineNode node = new DeadlineNode(axon, client.getDatabase(DATABASE));
        axon.start();
        return node;
    }

    CommandGateway commands() {
        return axon.commandGateway();
    }

    MongoDatabase database() {
        return database;
    }

    MongoDeadlineManager deadlines() {
        return deadlines;
    }

    List<Object> events(String seclusionId) {
        return axon.eventStore().readEvents(seclusionId).asStream().<Object>map(DomainEventMessage::getPayload).toList();
    }

    <T> List<T> events(String seclusionId, Class<T> type) {
        return events(seclusionId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
