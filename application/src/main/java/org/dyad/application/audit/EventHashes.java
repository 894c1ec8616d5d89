package org.dyad.application.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of one stored event over a canonical form of what is stored (aggregate, sequence, type, time to the
 * millisecond as the store keeps it, the JSON payload, the metadata in key order) and the previous event's hash in
 * the same aggregate.
 */
@Component
public class EventHashes {

    public static final String HASH = "hash";
    public static final String PREVIOUS_HASH = "previousHash";
    public static final String FIRST = "0".repeat(64);

    private final Serializer serializer;

    public EventHashes(@Qualifier("eventSerializer") Serializer serializer) {
        this.serializer = serializer;
    }

    public String hash(DomainEventMessage<?> event, String previousHash) {
        Map<String, Object> metaData = new TreeMap<>(event.getMetaData());
        metaData.remove(HASH);
        metaData.remove(PREVIOUS_HASH);
        String payload = new String(serializer.serialize(event.getPayload(), byte[].class).getData(), StandardCharsets.UTF_8);
        String canonical = String.join("\n", previousHash, event.getAggregateIdentifier(),
                Long.toString(event.getSequenceNumber()), event.getPayloadType().getName(),
                Long.toString(event.getTimestamp().toEpochMilli()),
                payload, metaData.toString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
