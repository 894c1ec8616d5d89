package org.dyad.web.nodes;

import org.dyad.web.DyadApplication;
import org.dyad.web.support.Api;
import org.dyad.web.support.BoardScreen;
import org.dyad.web.support.RabbitBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes on one store (node A offers its embedded MongoDB-wire server on a port, node B connects to
 * it) and one RabbitMQ relaying STOMP: a screen on one node sees what a command on the other changed.
 */
class TwoNodeTest {

    private static RabbitBroker rabbit;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startBrokerAndNodes() throws Exception {
        rabbit = RabbitBroker.start();
        int mongoPort = freePort();
        nodeA = node("--dyad.embedded.backend=memory", "--dyad.embedded.port=" + mongoPort, "--dyad.demo=true");
        nodeB = node("--dyad.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/dyad", "--dyad.demo=false");
    }

    private static ConfigurableApplicationContext node(String... args) {
        String[] common = {"--server.port=0", "--dyad.stomp.relay.host=127.0.0.1",
                "--dyad.stomp.relay.port=" + rabbit.stompPort()};
        String[] all = new String[common.length + args.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(args, 0, all, common.length, args.length);
        return new SpringApplicationBuilder(DyadApplication.class).run(all);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (rabbit != null) {
            rabbit.close();
        }
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
    }

    /** Node {@code node} has heard that {@code user} has a north board open somewhere. */
    private static boolean knowsScreen(ConfigurableApplicationContext node, String user) {
        return !node.getBean(SimpUserRegistry.class).findSubscriptions(s ->
                "/user/queue/boards/north".equals(s.getDestination())
                        && user.equals(s.getSession().getUser().getName())).isEmpty();
    }

    /** Whichever node holds the case-views processor pushes the boards: it must have heard of the screen. */
    private static void awaitBothNodesKnow(String user) {
        await().atMost(Duration.ofSeconds(10)).until(() -> knowsScreen(nodeA, user) && knowsScreen(nodeB, user));
    }

    @Test
    void aScreenOnNodeBSeesACaseOpenedOnNodeA() throws Exception {
        try (BoardScreen screen = BoardScreen.open(port(nodeB), "psychiatrist", "north", null)) {
            screen.receipt.get(10, java.util.concurrent.TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> screen.latest() != null);
            awaitBothNodesKnow("psychiatrist");

            String caseId = Api.as(port(nodeA), "psychiatrist").openCase("Ines Two-Nodes", "north");

            await().atMost(Duration.ofSeconds(10)).until(() -> screen.showsCase(caseId));
            assertThat(screen.errors).isEmpty();
            assertThat(Api.as(port(nodeB), "psychiatrist").get("/api/cases/" + caseId).status()).isEqualTo(200);
        }
    }

    @Test
    void aScreenOnNodeASeesACaseOpenedOnNodeB() throws Exception {
        try (BoardScreen screen = BoardScreen.open(port(nodeA), "nurse", "north", null)) {
            screen.receipt.get(10, java.util.concurrent.TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> screen.latest() != null);
            awaitBothNodesKnow("nurse");

            String caseId = Api.as(port(nodeB), "psychiatrist").openCase("Oskar Other-Node", "north");

            await().atMost(Duration.ofSeconds(10)).until(() -> screen.showsCase(caseId));
            assertThat(screen.errors).isEmpty();
            assertThat(Api.as(port(nodeA), "psychiatrist").get("/api/cases/" + caseId).status()).isEqualTo(200);
        }
    }

    @Test
    void anotherTeamIsStillRefusedTheBoardOnEitherNode() throws Exception {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[]{nodeA, nodeB}) {
            try (BoardScreen otherTeam = BoardScreen.open(port(node), "psychiatrist2", "north", null)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> !otherTeam.errors.isEmpty());
                assertThat(otherTeam.boards).isEmpty();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
