package org.dyad.infra.readmodel;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.stereotype.Component;

/** Maps read-model objects to and from BSON documents through their fields, as JSON. */
@Component
public class JsonDocuments {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final ObjectMapper mapper;

    public JsonDocuments(ObjectMapper objectMapper) {
        this.mapper = objectMapper.copy()
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public Document toDocument(String id, Object value) {
        try {
            Document document = Document.parse(mapper.writeValueAsString(value));
            document.put("_id", id);
            return document;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    public <T> T fromDocument(Document document, Class<T> type) {
        Document copy = new Document(document);
        copy.remove("_id");
        try {
            return mapper.readValue(copy.toJson(RELAXED), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read " + type.getSimpleName(), e);
        }
    }
}
