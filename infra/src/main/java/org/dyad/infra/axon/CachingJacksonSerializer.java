package org.dyad.infra.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer, remembering which class each stored type name stands for and each class's type.
 * Axon asks for the class of every event read three or four times (payload and metadata, each when wrapped and
 * when read), and every time it asks the class loader by name; the revision of every event written is looked up
 * in its annotations, and the converters are searched for a route to the stored form.
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
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return type == null ? super.typeForClass(null) : types.get(type);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return serializableTo.get(expectedRepresentation);
    }
}
