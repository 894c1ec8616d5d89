package org.dyad.web.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP once every streaming event processor runs without error. */
@Component
class EventProcessorsHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealth(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        processing.eventProcessors().forEach((name, processor) -> {
            boolean ok = processor.isRunning()
                    && !(processor instanceof StreamingEventProcessor streaming && streaming.isError());
            health.withDetail(name, ok ? "running" : "stopped");
            if (!ok) {
                health.down();
            }
        });
        return health.build();
    }
}
