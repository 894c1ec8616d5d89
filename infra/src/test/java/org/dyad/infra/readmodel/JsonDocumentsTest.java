package org.dyad.infra.readmodel;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonDocumentsTest {

    enum Kind { SECLUSION, RESTRAINT }

    record Debrief(String by, Instant at, List<String> notes) {
    }

    record View(String caseId, int count, long version, double share, boolean open, Kind kind, Instant since,
                LocalDate born, String absent, List<Debrief> debriefs, Map<String, Integer> perUnit, Debrief last) {
    }

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final JsonDocuments json = new JsonDocuments(mapper);

    @Test
    void aViewBecomesTheFieldsJacksonSeesAsOneDocumentWithNestedMapsAndReadsBack() {
        Debrief first = new Debrief("peer-1", Instant.parse("2026-12-03T04:18:53.123Z"), List.of("calm", "heard"));
        Debrief second = new Debrief("psychiatrist-1", Instant.parse("2026-12-04T10:00:00Z"), List.of());
        View view = new View("case-1", 3, 5_000_000_000L, 0.25, true, Kind.SECLUSION,
                Instant.parse("2026-12-01T00:00:00Z"), LocalDate.of(1980, 1, 1), null, List.of(first, second),
                Map.of("north", 2), second);

        Document document = json.toDocument("case-1", view);

        Map<String, Object> fields = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .convertValue(view, new TypeReference<LinkedHashMap<String, Object>>() {
                });
        fields.put("_id", "case-1");
        assertThat(document).isInstanceOf(Document.class);
        assertThat(new LinkedHashMap<>(document)).isEqualTo(fields);
        assertThat(List.copyOf(document.keySet())).containsExactlyElementsOf(fields.keySet());
        assertThat(document.get("count")).isEqualTo(3);
        assertThat(document.get("version")).isEqualTo(5_000_000_000L);
        assertThat(document.get("kind")).isEqualTo("SECLUSION");
        assertThat(document.get("since")).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(document).containsEntry("absent", null);
        assertThat(document.get("last")).isInstanceOf(LinkedHashMap.class).isNotInstanceOf(Document.class);
        assertThat(document.getList("debriefs", Object.class)).hasSize(2)
                .allSatisfy(debrief -> assertThat(debrief).isInstanceOf(LinkedHashMap.class));

        assertThat(json.fromDocument(document, View.class)).isEqualTo(view);
        assertThat(document.get("_id")).isEqualTo("case-1");
    }
}
