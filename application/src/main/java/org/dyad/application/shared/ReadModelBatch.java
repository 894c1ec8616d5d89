package org.dyad.application.shared;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Map;

/**
 * A processor batch whose handlers only keep read models and send no message. Axon still gathers correlation data
 * for each event such a batch handles (to stamp a result message nobody reads), which deserializes every event's
 * metadata; {@link #skippingReadModelBatches} leaves that out there and nowhere else.
 */
public final class ReadModelBatch {

    private static final String MARK = ReadModelBatch.class.getName();

    private ReadModelBatch() {
    }

    /** Marks the unit of work's batch; false if it was marked already. */
    public static boolean mark(UnitOfWork<?> batch) {
        return batch.root().resources().putIfAbsent(MARK, Boolean.TRUE) == null;
    }

    public static boolean isCurrent() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root().getResource(MARK) != null;
    }

    /** The provider's data, except inside a read-model batch, where there is nothing it could go on. */
    public static CorrelationDataProvider skippingReadModelBatches(CorrelationDataProvider provider) {
        return new CorrelationDataProvider() {
            @Override
            public Map<String, ?> correlationDataFor(Message<?> message) {
                return isCurrent() ? Map.of() : provider.correlationDataFor(message);
            }
        };
    }
}
