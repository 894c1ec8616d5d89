package org.dyad.infra.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer, remembering which class each stored type name stands for and each class's type.
 * Axon asks for the class of every event read three or four times (payload and metadata, each when wrapped and
 * when read), and every time it asks the class loader by name; the revision of every event written is looked up
 * in its annotations, and the converters are searched for a route to the stored form. Stored text (how the event
 * store hands over payloads and metadata) is read as it is, with one reader per class: Axon makes a reader for every
 * object it reads, and first searches its converters for a way to bytes and encodes the text into them.
 */
public final class CachingJacksonSerializer extends JacksonSerializer {

    /** More distinct event types than Dyad will ever have; past it, lookups are simply not remembered. */
    private static final int MAX_CLASSES = 10_000;

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final ClassValue<SerializedType> types = new ClassValue<>() {
        @Override
        protected SerializedType computeValue(Class<?> type) {
            return CachingJacksonSerializer.super.typeForClass(type);
        }
    };

    private final ClassValue<Boolean> serializableTo = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> representation) {
            return CachingJacksonSerializer.super.canSerializeTo(representation);
        }
    };

    private final ClassValue<ObjectReader> readers = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return CachingJacksonSerializer.super.getReader(type);
        }
    };

    private CachingJacksonSerializer(Builder builder) {
        super(builder);
    }

    public static CachingJacksonSerializer of(ObjectMapper objectMapper, RevisionResolver revisionResolver) {
        return new CachingJacksonSerializer(JacksonSerializer.builder()
                .objectMapper(objectMapper)
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(CachingJacksonSerializer.class.getClassLoader())));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (found != UnknownSerializedType.class && found != Void.class && classes.size() < MAX_CLASSES) {
            classes.put(type.getName(), found);
        }
        return found;
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.get(type);
    }

    /** Text goes straight to the reader; anything else (bytes, JSON nodes, an empty or unknown type) as Axon reads it. */
    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (serializedObject.getData() instanceof String text
                && !SerializedType.emptyType().equals(serializedObject.getType())) {
            Class<?> type = classForType(serializedObject.getType());
            if (!UnknownSerializedType.class.isAssignableFrom(type)) {
                try {
                    return getReader(type).readValue(text);
                } catch (IOException e) {
                    throw new SerializationException("Error while deserializing object", e);
                }
            }
        }
        return super.deserialize(serializedObject);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return type == null ? super.typeForClass(null) : types.get(type);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return serializableTo.get(expectedRepresentation);
    }
}
