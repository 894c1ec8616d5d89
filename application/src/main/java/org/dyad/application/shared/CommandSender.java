package org.dyad.application.shared;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Sends a command and returns once the aggregate's read model shows it, so a read right after a write sees it. */
@Component
public class CommandSender {

    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final ReadModelFreshness freshness;

    public CommandSender(CommandGateway commands, EventStore eventStore, ReadModelFreshness freshness) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.freshness = freshness;
    }

    /**
     * @param aggregateId the aggregate, whose read model has the same id
     * @param viewVersion the sequence number of the last event the aggregate's read model has applied
     * @param reason      stored in the events' metadata when given
     */
    public void send(Object command, String aggregateId, LongSupplier viewVersion, String reason) {
        MetaData metaData = reason == null || reason.isBlank() ? MetaData.emptyInstance() : MetaData.with("reason", reason);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        long version = eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L);
        freshness.await(aggregateId, viewVersion, version, READ_YOUR_WRITES);
    }
}
