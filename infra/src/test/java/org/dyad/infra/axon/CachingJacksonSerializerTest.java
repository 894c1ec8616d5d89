package org.dyad.infra.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CachingJacksonSerializerTest {

    @Revision("2")
    record GoalsRecorded(String caseId, String goals) {
    }

    private final AtomicInteger classLookups = new AtomicInteger();
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
        ObjectMapper mapper = new ObjectMapper();
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
