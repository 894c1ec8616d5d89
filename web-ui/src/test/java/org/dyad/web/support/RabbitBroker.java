package org.dyad.web.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A private RabbitMQ with its STOMP plugin, from Debian's rabbitmq-server, in a temp directory on free ports. */
public final class RabbitBroker implements AutoCloseable {

    private static final Path SERVER = Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server");

    private final Process process;
    private final Path home;
    private final int stompPort;

    private RabbitBroker(Process process, Path home, int stompPort) {
        this.process = process;
        this.home = home;
        this.stompPort = stompPort;
    }

    public static RabbitBroker start() throws IOException, InterruptedException {
        if (!Files.isExecutable(SERVER)) {
            throw new IllegalStateException("RabbitMQ is not installed (" + SERVER + "): run .ci/run, or "
                    + "apt-get install -y rabbitmq-server, to run the two-node test");
        }
        Path home = Files.createTempDirectory("dyad-rabbit-");
        int nodePort = freePort();
        int distPort = freePort();
        int stompPort = freePort();
        Files.writeString(home.resolve("enabled_plugins"), "[rabbitmq_stomp].\n");
        Files.writeString(home.resolve("rabbitmq.conf"), String.join("\n",
                "listeners.tcp.default = " + nodePort,
                "stomp.listeners.tcp.1 = 127.0.0.1:" + stompPort,
                "loopback_users = none",
                ""));
        Files.createDirectories(home.resolve("mnesia"));
        Files.createDirectories(home.resolve("log"));
        ProcessBuilder builder = new ProcessBuilder(SERVER.toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("server.log").toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("RABBITMQ_NODENAME", "dyad" + UUID.randomUUID().toString().substring(0, 8) + "@localhost");
        builder.environment().put("RABBITMQ_NODE_PORT", String.valueOf(nodePort));
        builder.environment().put("RABBITMQ_DIST_PORT", String.valueOf(distPort));
        builder.environment().put("RABBITMQ_MNESIA_BASE", home.resolve("mnesia").toString());
        builder.environment().put("RABBITMQ_LOG_BASE", home.resolve("log").toString());
        builder.environment().put("RABBITMQ_LOGS", "-");
        builder.environment().put("RABBITMQ_ENABLED_PLUGINS_FILE", home.resolve("enabled_plugins").toString());
        builder.environment().put("RABBITMQ_CONFIG_FILE", home.resolve("rabbitmq").toString());
        RabbitBroker broker = new RabbitBroker(builder.start(), home, stompPort);
        broker.awaitStomp(Duration.ofSeconds(90));
        return broker;
    }

    public int stompPort() {
        return stompPort;
    }

    private void awaitStomp(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("RabbitMQ exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket ignored = new Socket("127.0.0.1", stompPort)) {
                return;
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
        close();
        throw new IllegalStateException("RabbitMQ's STOMP port did not open within " + timeout + ":\n" + log());
    }

    private String log() throws IOException {
        Path log = home.resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
