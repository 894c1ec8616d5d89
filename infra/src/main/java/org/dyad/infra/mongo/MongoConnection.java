package org.dyad.infra.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.dyad.infra.readmodel.ReadModelCollections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The MongoDB Dyad talks to: the one named by {@code DYAD_MONGODB_URI}, or an in-process MongoDB-wire server
 * (mongo-java-server) with its H2 file under the data directory.
 */
public final class MongoConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoConnection.class);

    private final MongoClient client;
    private final String databaseName;
    private final MongoServer embedded;

    private MongoConnection(MongoClient client, String databaseName, MongoServer embedded) {
        this.client = client;
        this.databaseName = databaseName;
        this.embedded = embedded;
    }

    /**
     * The embedded server answers a write on its connection's event loop after the commit and fsync, and netty
     * shares one loop among several connections (two loops a core by default), so a processor's view write could
     * queue behind a command's fsync. With more loops than the pool's usual connections, each has its own.
     */
    static final int SERVER_EVENT_LOOPS = 32;

    public static MongoConnection external(String uri, String defaultDatabase) {
        ConnectionString connectionString = new ConnectionString(uri);
        String database = connectionString.getDatabase() != null ? connectionString.getDatabase() : defaultDatabase;
        log.info("Using MongoDB at {} (database {})", connectionString.getHosts(), database);
        return new MongoConnection(MongoClients.create(connectionString), database, null);
    }

    /** {@code backend} is "h2" (file under {@code dataDir}) or "memory" (tests, benchmarks). */
    public static MongoConnection embedded(String backend, Path dataDir, Durability durability, String bindHost,
                                           int port, String database) {
        MongoBackend mongoBackend;
        if ("memory".equalsIgnoreCase(backend)) {
            mongoBackend = new MemoryBackend();
        } else {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
            }
            Path file = dataDir.resolve("dyad.mv");
            mongoBackend = DurableH2Backend.open(file.toString(), durability, ReadModelCollections.KEPT_WITH_VIEWS,
                    Set.of(ReadModelCollections.TRACKING_TOKENS));
            log.info("Embedded MongoDB-wire server on {} and {} ({} durability)", file.toAbsolutePath(),
                    DurableH2Backend.viewStoreFile(file.toAbsolutePath().toString()), durability);
        }
        MongoServer server = new MongoServer(mongoBackend);
        server.bind(new InetSocketAddress(bindHost, port), 1, SERVER_EVENT_LOOPS);
        String uri = "mongodb://" + bindHost + ":" + server.getLocalAddress().getPort();
        log.info("Embedded MongoDB-wire server listening at {}", uri);
        return new MongoConnection(MongoClients.create(uri), database, server);
    }

    public MongoClient client() {
        return client;
    }

    public String databaseName() {
        return databaseName;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.shutdown();
        }
    }
}
