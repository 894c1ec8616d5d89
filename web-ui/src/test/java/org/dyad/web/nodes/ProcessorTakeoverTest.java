package org.dyad.web.nodes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.dyad.application.cases.CaseProjection;
import org.dyad.web.DyadApplication;
import org.dyad.web.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one MongoDB that neither of them holds: the case-views processor runs on whichever claimed its token,
 * and when that node stops the other claims it and keeps the read models current.
 */
class ProcessorTakeoverTest {

    private MongoServer store;
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @AfterEach
    void stopAll() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[]{first, second}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        if (store != null) {
            store.shutdownNow();
        }
    }

    @Test
    void whenTheNodeProjectingTheEventsStopsTheOtherTakesOver() {
        store = new MongoServer(new MemoryBackend());
        String uri = "mongodb://127.0.0.1:" + store.bind().getPort() + "/dyad";
        first = node(uri, true);
        second = node(uri, false);

        await().atMost(Duration.ofSeconds(20)).until(() -> projects(first) != projects(second));
        ConfigurableApplicationContext holder = projects(first) ? first : second;
        ConfigurableApplicationContext survivor = holder == first ? second : first;
        String before = Api.as(port(survivor), "psychiatrist").openCase("Before Takeover", "north");
        assertThat(Api.as(port(survivor), "psychiatrist").get("/api/cases/" + before).status()).isEqualTo(200);

        holder.close();
        String after = Api.as(port(survivor), "psychiatrist").openCase("After Takeover", "north");

        await().atMost(Duration.ofSeconds(30)).until(() -> projects(survivor));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                Api.as(port(survivor), "psychiatrist").get("/api/cases/" + after).status() == 200);
        assertThat(Api.as(port(survivor), "psychiatrist").get("/api/boards/north").body().toString())
                .contains(before).contains(after);
    }

    private static ConfigurableApplicationContext node(String uri, boolean demo) {
        return new SpringApplicationBuilder(DyadApplication.class).run("--server.port=0",
                "--dyad.mongodb.uri=" + uri, "--dyad.demo=" + demo);
    }

    /** True while this node holds the token of the case-views processor. */
    private static boolean projects(ConfigurableApplicationContext node) {
        return node.getBean(EventProcessingConfiguration.class)
                .eventProcessor(CaseProjection.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(processor -> !processor.processingStatus().isEmpty())
                .orElse(false);
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
    }
}
