package org.dyad.infra.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJacksonSerializerTest {

    @Revision("2")
    record GoalsRecorded(String caseId, String goals) {
    }

    private final AtomicInteger classLookups = new AtomicInteger();
    private final AtomicInteger readersMade = new AtomicInteger();
    private final AtomicInteger revisionLookups = new AtomicInteger();
    private final CachingJacksonSerializer serializer = CachingJacksonSerializer.of(countingMapper(),
            new AnnotationRevisionResolver() {
                @Override
                public String revisionOf(Class<?> payloadType) {
                    revisionLookups.incrementAndGet();
                    return super.revisionOf(payloadType);
                }
            });

    @Test
    void aStoredTypeNameIsLookedUpOnceAndStillRoundTrips() {
        GoalsRecorded event = new GoalsRecorded("case-1", "walk every morning");
        SerializedObject<byte[]> first = serializer.serialize(event, byte[].class);
        SerializedObject<byte[]> second = serializer.serialize(event, byte[].class);

        assertThat(first.getType()).isEqualTo(new SimpleSerializedType(GoalsRecorded.class.getName(), "2"));
        assertThat(second.getType()).isEqualTo(first.getType());
        assertThat(revisionLookups).hasValue(1);

        for (int read = 0; read < 3; read++) {
            assertThat(serializer.classForType(first.getType())).isEqualTo(GoalsRecorded.class);
            assertThat(serializer.<byte[], GoalsRecorded>deserialize(first)).isEqualTo(event);
        }
        assertThat(classLookups).hasValue(1);
    }

    @Test
    void storedTextIsReadAsAxonReadsItWithOneReaderPerClass() {
        JacksonSerializer axons = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
        GoalsRecorded event = new GoalsRecorded("case-1", "walk every morning, \u00e9t\u00e9 \uD83C\uDF31");
        SerializedObject<String> stored = serializer.serialize(event, String.class);
        MetaData metaData = MetaData.with("actorId", "peer-1").and("count", 3);
        SerializedObject<String> storedMetaData = serializer.serialize(metaData, String.class);
        int before = readersMade.get();

        for (int read = 0; read < 3; read++) {
            assertThat(serializer.<String, GoalsRecorded>deserialize(stored)).isEqualTo(event)
                    .isEqualTo(axons.<String, GoalsRecorded>deserialize(stored));
            assertThat(serializer.<String, MetaData>deserialize(storedMetaData)).isEqualTo(metaData)
                    .isEqualTo(axons.<String, MetaData>deserialize(storedMetaData));
        }
        assertThat(readersMade.get() - before).isEqualTo(2);
    }

    @Test
    void unreadableTextFailsAsAxonsDoesAndUnknownOrEmptyTypesComeBackAsAxonGivesThem() {
        JacksonSerializer axons = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
        SerializedObject<String> broken = new SimpleSerializedObject<>("{\"caseId\": ", String.class,
                new SimpleSerializedType(GoalsRecorded.class.getName(), "2"));
        assertThatThrownBy(() -> serializer.deserialize(broken)).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> axons.deserialize(broken)).isInstanceOf(SerializationException.class);

        SerializedObject<String> unknown = new SimpleSerializedObject<>("{\"a\":1}", String.class,
                new SimpleSerializedType("org.dyad.NoSuchEvent", null));
        assertThat(serializer.<String, Object>deserialize(unknown)).isInstanceOf(UnknownSerializedType.class);
        assertThat(axons.<String, Object>deserialize(unknown)).isInstanceOf(UnknownSerializedType.class);

        SerializedObject<String> empty = new SimpleSerializedObject<>("", String.class, SimpleSerializedType.emptyType());
        assertThat(serializer.<String, Object>deserialize(empty)).isNull();
        assertThat(axons.<String, Object>deserialize(empty)).isNull();
    }

    @Test
    void unknownAndEmptyTypesAreAnsweredAsAxonAnswersThem() {
        assertThat(serializer.classForType(new SimpleSerializedType("org.dyad.NoSuchEvent", null)))
                .isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
        assertThat(serializer.typeForClass(null)).isEqualTo(SimpleSerializedType.emptyType());
        assertThat(serializer.typeForClass(Void.class)).isEqualTo(SimpleSerializedType.emptyType());
    }

    @Test
    void theStoredFormsItCanWriteAreThoseAxonsSerializerCanWrite() {
        JacksonSerializer axons = JacksonSerializer.defaultSerializer();
        for (Class<?> representation : List.of(byte[].class, String.class, JsonNode.class, ObjectNode.class,
                InputStream.class, Document.class, Integer.class, Object.class)) {
            for (int asked = 0; asked < 2; asked++) {
                assertThat(serializer.canSerializeTo(representation)).as(representation.getName())
                        .isEqualTo(axons.canSerializeTo(representation));
            }
        }
        assertThat(serializer.canSerializeTo(String.class)).isTrue();
        assertThat(serializer.canSerializeTo(Integer.class)).isFalse();
    }

    private ObjectMapper countingMapper() {
        ObjectMapper mapper = new ObjectMapper() {
            @Override
            public ObjectReader readerFor(Class<?> type) {
                readersMade.incrementAndGet();
                return super.readerFor(type);
            }
        };
        mapper.setTypeFactory(new TypeFactory(new LRUMap<>(16, 200)) {
            @Override
            public Class<?> findClass(String className) throws ClassNotFoundException {
                classLookups.incrementAndGet();
                return super.findClass(className);
            }
        });
        return mapper;
    }
}
