package org.dyad.application.shared;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelBatchTest {

    private final EventMessage<?> event = GenericEventMessage.<Object>asEventMessage("changed")
            .andMetaData(MetaData.with("actorId", "u-1"));
    private final CorrelationDataProvider provider =
            ReadModelBatch.skippingReadModelBatches(new SimpleCorrelationDataProvider("actorId"));

    @Test
    void aMarkedBatchGathersNoCorrelationData() throws Exception {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(event, event));
        List<Boolean> firstMarks = new ArrayList<>();
        List<Map<String, ?>> gathered = new ArrayList<>();
        batch.executeWithResult(() -> {
            firstMarks.add(ReadModelBatch.mark(batch));
            gathered.add(provider.correlationDataFor(event));
            return null;
        });
        assertThat(firstMarks).containsExactly(true, false);
        assertThat(gathered).containsExactly(Map.of(), Map.of());
    }

    @Test
    void elsewhereTheProviderGathersAsBefore() {
        assertThat(provider.correlationDataFor(event)).isEqualTo(Map.of("actorId", "u-1"));
        List<Map<String, ?>> gathered = new ArrayList<>();
        DefaultUnitOfWork.startAndGet(event).execute(() -> gathered.add(provider.correlationDataFor(event)));
        assertThat(gathered).containsExactly(Map.of("actorId", "u-1"));
        assertThat(ReadModelBatch.isCurrent()).isFalse();
    }
}
