package org.dyad.infra.readmodel;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Maps read-model objects to and from BSON documents through their fields, as Jackson sees them. */
@Component
public class JsonDocuments {

    private final ObjectMapper mapper;

    public JsonDocuments(ObjectMapper objectMapper) {
        this.mapper = objectMapper.copy()
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /**
     * Fields become maps, lists, strings, numbers and booleans, as JSON would have them, without the text; the
     * outer map is the document itself (Jackson fills it as any map), not a copy of one.
     */
    public Document toDocument(String id, Object value) {
        try {
            Document document = mapper.convertValue(value, Document.class);
            document.put("_id", id);
            return document;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    public <T> T fromDocument(Document document, Class<T> type) {
        Document copy = new Document(document);
        copy.remove("_id");
        try {
            return mapper.convertValue(copy, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read " + type.getSimpleName(), e);
        }
    }
}
