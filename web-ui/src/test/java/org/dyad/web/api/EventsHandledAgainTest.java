package org.dyad.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.dyad.application.cases.CaseProjection;
import org.dyad.web.support.Api;
import org.dyad.web.support.DyadWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A processor that handles events again over the views it already wrote (as after views were written and the token
 * was not, then a crash) leaves the views as they were: a case opened in the batch is folded again from its opening.
 */
@DyadWebTest
class EventsHandledAgainTest {

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TokenStore tokenStore;

    @Test
    void viewsWrittenBeforeTheTokenComeOutTheSameWhenTheirEventsAreHandledAgain() {
        Api admin = Api.as(port, "admin");
        Api psychiatrist = Api.as(port, "psychiatrist");
        await().atMost(Duration.ofSeconds(10)).until(() -> caughtUp(admin.get("/api/admin/projections").body()));
        long before = admin.get("/api/admin/projections").body().get("position").asLong();
        String opened = psychiatrist.openCase("Again Avery", "north");
        for (String goal : new String[]{"walk the dog", "call my sister"}) {
            assertThat(psychiatrist.post("/api/cases/" + opened + "/goals", """
                    {"whatMattersMost": "Seeing my sister on Sundays.", "goals": ["%s"]}""".formatted(goal))
                    .status()).isEqualTo(204);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> caughtUp(admin.get("/api/admin/projections").body()));
        JsonNode caseBefore = psychiatrist.get("/api/cases/" + opened).body();
        JsonNode boardBefore = psychiatrist.get("/api/boards/north").body();
        assertThat(caseBefore.get("goals").toString()).contains("call my sister");

        StreamingEventProcessor processor = processing.eventProcessor(CaseProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        processor.shutdownAsync().join();
        try {
            tokenStore.storeToken(GapAwareTrackingToken.newInstance(before, Collections.emptySortedSet()),
                    CaseProjection.PROCESSING_GROUP, 0);
        } finally {
            processor.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> caughtUp(admin.get("/api/admin/projections").body()));

        assertThat(psychiatrist.get("/api/cases/" + opened).body()).isEqualTo(caseBefore);
        JsonNode boardAfter = psychiatrist.get("/api/boards/north").body();
        assertThat(boardAfter.get("rows")).isEqualTo(boardBefore.get("rows"));
        // The case's row was put again: the events were handled again, not skipped.
        assertThat(boardAfter.get("version").asLong()).isGreaterThan(boardBefore.get("version").asLong());
    }

    private static boolean caughtUp(JsonNode status) {
        return status.get("caughtUp").asBoolean() && !status.get("position").isNull()
                && status.get("position").asLong() >= status.get("head").asLong();
    }
}
