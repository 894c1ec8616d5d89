package org.dyad.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.RawBsonDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * The application under test, started from web-ui's executable jar in its own JVM, exactly as it is deployed:
 * embedded MongoDB-wire server with the chosen backend and durability, data in a fresh directory, demo data on.
 */
final class AppProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Path dataDir;
    private final int port;
    private final int mongoPort;
    /** Opened on first use; see {@link #database()}. */
    private MongoClient store;
    final Api api;
    final long startMillis;

    private AppProcess(Process process, Path log, Path dataDir, int port, int mongoPort, long startMillis) {
        this.process = process;
        this.log = log;
        this.dataDir = dataDir;
        this.port = port;
        this.mongoPort = mongoPort;
        this.api = new Api(port);
        this.startMillis = startMillis;
    }

    /** web-ui/jvm.options, which the README's commands pass to {@code java}; --app-jvm-args come after them. */
    static final List<String> APP_JVM_OPTIONS = jvmOptions();

    static AppProcess start(Options options, Path jar, Path dataDir, Path log) throws IOException {
        Files.createDirectories(dataDir);
        // Run a private copy: a build or a clean elsewhere cannot swap the jar mid-run, and a pattern-based kill of
        // "web-ui" dev servers on a shared machine does not hit the app under test.
        Path copy = dataDir.getParent().resolve("app-under-test.jar");
        Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        jar = copy;
        int port = freePort();
        int mongoPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Daxoniq.update-checker.disabled=true");
        command.add("-Ddisable-axoniq-console-message=true");
        command.addAll(APP_JVM_OPTIONS);
        for (String arg : options.appJvmArgs().trim().split("\\s+")) {
            if (!arg.isBlank()) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port,
                "--dyad.data-dir=" + dataDir,
                "--dyad.mongodb.uri=",
                "--dyad.embedded.backend=" + options.backend(),
                "--dyad.embedded.durability=" + options.durability(),
                "--dyad.embedded.bind-host=127.0.0.1",
                "--dyad.embedded.port=" + mongoPort,
                // the bench only reads through this port: the app is still the store's one writer
                "--dyad.event-store.single-writer=true",
                "--dyad.demo=true"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("DYAD_MONGODB_URI");
        long startMillis = System.currentTimeMillis();
        Process process = builder.start();
        AppProcess app = new AppProcess(process, log, dataDir, port, mongoPort, startMillis);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-app"));
        return app;
    }

    /**
     * Waits until the app answers as psychiatrist and the demo data (12 cases on north and on south) is in, and
     * the event store has stopped growing. Returns the seconds it took from launch.
     */
    double awaitSeeded(long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited with " + process.exitValue() + "; see " + log + "\n" + tail());
            }
            if (tail().contains("APPLICATION FAILED TO START")) {
                // a failed start can leave the JVM running (a non-daemon thread), so do not wait for it to exit
                throw new IllegalStateException("The app failed to start; see " + log + "\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The app was not ready within " + timeoutSeconds + " s; see " + log + "\n" + tail());
            }
            try {
                Api.Response me = api.get("psychiatrist", "/api/me");
                if (me.statusCode() == 200
                        && api.getJson("psychiatrist", "/api/cases?unit=north").size() >= 12
                        && api.getJson("psychiatrist2", "/api/cases?unit=south").size() >= 12) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet, or demo users not yet created
            }
            Thread.sleep(250);
        }
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = countEvents();
            if (now == last) {
                break;
            }
            last = now;
            Thread.sleep(1000);
        }
        return (System.currentTimeMillis() - startMillis) / 1000.0;
    }

    /** The app's HTTP port. */
    int port() {
        return port;
    }

    /** CPU time of the app's JVM so far. */
    Cpu cpu() {
        return Cpu.of(process.toHandle());
    }

    long countEvents() {
        return database().getCollection("events").estimatedDocumentCount();
    }

    /** Events in the store and the rows on the north board, read over the embedded server's port. */
    Map<String, Object> snapshot() {
        Map<String, Object> info = new LinkedHashMap<>();
        MongoDatabase db = database();
        info.put("events", db.getCollection("events").estimatedDocumentCount());
        RawBsonDocument board = db.getCollection("board_cases", RawBsonDocument.class)
                .find(new Document("_id", "north")).first();
        info.put("northBoardRows", board == null ? 0 : board.getArray("caseIds").size());
        return info;
    }

    /** Size of what the run left in the store, read over the embedded server's port. */
    Map<String, Object> storeInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        MongoDatabase db = database();
        Map<String, Object> counts = new LinkedHashMap<>();
        for (String name : db.listCollectionNames()) {
            counts.put(name, db.getCollection(name).estimatedDocumentCount());
        }
        info.put("documents", counts);
        try {
            Document stats = db.runCommand(new Document("collStats", "events"));
            Object avg = stats.get("avgObjSize");
            if (avg instanceof Number number) {
                info.put("avgEventDocumentBytes", number.longValue());
            }
        } catch (RuntimeException e) {
            info.put("avgEventDocumentBytes", "unavailable: " + e.getMessage());
        }
        // The embedded server's two files: events and the rest, then read models and tokens.
        Path file = dataDir.resolve("dyad.mv");
        Path views = dataDir.resolve("dyad-views.mv");
        try {
            if (Files.exists(file)) {
                info.put("dataFileBytes", Files.size(file));
            }
            if (Files.exists(views)) {
                info.put("viewsFileBytes", Files.size(views));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return info;
    }

    /** How far the case-views processor has read: the global sequence of the last event it handled. */
    long trackedIndex() {
        Document token = database().getCollection("trackingtokens")
                .find(new Document("processorName", "case-views")).first();
        if (token == null || token.get("token") == null) {
            return 0;
        }
        Object data = token.get("token");
        String json = data instanceof org.bson.types.Binary binary ? new String(binary.getData(),
                java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(data);
        try {
            return Api.JSON.readTree(json).path("index").asLong(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Heap in use right after a full collection, in MiB, asked of the app's JVM with jcmd. */
    double heapAfterGcMiB() throws IOException, InterruptedException {
        jcmd("GC.run");
        String out = jcmd("GC.heap_info");
        long usedKiB = heapUsedKiB(out);
        if (usedKiB < 0) {
            throw new IOException("Unexpected jcmd GC.heap_info output: " + out);
        }
        return Math.round(usedKiB / 1024.0 * 10) / 10.0;
    }

    /**
     * The heap in use as {@code GC.heap_info} prints it: G1's one heap line, or the sum of the parallel or serial
     * collector's young and old generations (not Metaspace, which has a "used" of its own); -1 when there is none.
     */
    static long heapUsedKiB(String heapInfo) {
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("(?m)^\\s*(garbage-first heap|PSYoungGen|ParOldGen"
                + "|def new generation|tenured generation)\\s+total \\d+K, used (\\d+)K").matcher(heapInfo);
        long sum = -1;
        while (used.find()) {
            sum = Math.max(sum, 0) + Long.parseLong(used.group(2));
        }
        return sum;
    }

    /** Runs a jcmd diagnostic command on the app's JVM and returns what it printed. */
    private String jcmd(String command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process run = new ProcessBuilder(jcmd, String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        String out = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        run.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /**
     * What the app's JVM has done so far besides running the app: JIT compilations and the seconds spent compiling;
     * young and full collections and the seconds they stopped the app for (collectors 0 and 1 of its counters).
     */
    record VmWork(long compilations, double jitSeconds, long youngGcs, double youngGcSeconds, long fullGcs,
                  double fullGcSeconds) {
        static final VmWork UNKNOWN = new VmWork(-1, -1, -1, -1, -1, -1);

        /** The work done since {@code before}, as the results' fields with {@code prefix}; none if either is unknown. */
        Map<String, Object> since(VmWork before, String prefix, String suffix) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (this == UNKNOWN || before == UNKNOWN) {
                return m;
            }
            m.put(prefix + "JitCompilations" + suffix, compilations - before.compilations);
            m.put(prefix + "JitSeconds" + suffix, Stats.round(jitSeconds - before.jitSeconds));
            if (youngGcs >= 0 && before.youngGcs >= 0) {
                m.put(prefix + "YoungGcs" + suffix, youngGcs - before.youngGcs);
                m.put(prefix + "YoungGcMs" + suffix, Stats.round((youngGcSeconds - before.youngGcSeconds) * 1000));
                m.put(prefix + "FullGcs" + suffix, fullGcs - before.fullGcs);
                m.put(prefix + "FullGcMs" + suffix, Stats.round((fullGcSeconds - before.fullGcSeconds) * 1000));
            }
            return m;
        }
    }

    /** Asked of the app's JVM with jcmd (its performance counters); {@link VmWork#UNKNOWN} if it does not say. */
    VmWork vmWork() {
        try {
            return vmWork(jcmd("PerfCounter.print"));
        } catch (IOException e) {
            return VmWork.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return VmWork.UNKNOWN;
        }
    }

    /** From what {@code jcmd PerfCounter.print} printed. */
    static VmWork vmWork(String perfCounters) {
        Long compiles = counter(perfCounters, "sun.ci.totalCompiles");
        Long ticks = counter(perfCounters, "java.ci.totalTime");
        Long frequency = counter(perfCounters, "sun.os.hrt.frequency");
        if (compiles == null || ticks == null || frequency == null) {
            return VmWork.UNKNOWN;
        }
        double hz = frequency;
        Long young = counter(perfCounters, "sun.gc.collector.0.invocations");
        Long youngTicks = counter(perfCounters, "sun.gc.collector.0.time");
        Long full = counter(perfCounters, "sun.gc.collector.1.invocations");
        Long fullTicks = counter(perfCounters, "sun.gc.collector.1.time");
        if (young == null || youngTicks == null || full == null || fullTicks == null) {
            return new VmWork(compiles, ticks / hz, -1, -1, -1, -1);
        }
        return new VmWork(compiles, ticks / hz, young, youngTicks / hz, full, fullTicks / hz);
    }

    private static Long counter(String perfCounters, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(name)
                + "=(\\d+)").matcher(perfCounters);
        return m.find() ? Long.parseLong(m.group(1)) : null;
    }

    /** SIGKILL, as a power-less crash would; returns the exit code (137 on Linux). */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** The stored payloads of one aggregate's events, read over the embedded server's port. */
    List<String> payloadsOf(String aggregateId) {
        List<String> payloads = new ArrayList<>();
        database().getCollection("events").find(new Document("aggregateIdentifier", aggregateId))
                .forEach(d -> payloads.add(String.valueOf(d.get("serializedPayload"))));
        return payloads;
    }

    /**
     * The store over the embedded server's port, through one client for the app's life: a client per poll opened
     * and closed eight connections a second while the bench watched a catch-up.
     */
    private synchronized MongoDatabase database() {
        if (store == null) {
            store = MongoClients.create("mongodb://127.0.0.1:" + mongoPort);
        }
        return store.getDatabase("dyad");
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            if (store != null) {
                store.close();
                store = null;
            }
        }
        try {
            api.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: Spring's graceful shutdown closes the store
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A java launcher argument file's arguments: whitespace between them, # to the end of a line a comment. */
    private static List<String> jvmOptions() {
        try (InputStream in = AppProcess.class.getResourceAsStream("/jvm.options")) {
            if (in == null) {
                throw new IllegalStateException("jvm.options is missing from the bench's jar");
            }
            List<String> options = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                int comment = line.indexOf('#');
                for (String option : (comment < 0 ? line : line.substring(0, comment)).trim().split("\\s+")) {
                    if (!option.isEmpty()) {
                        options.add(option);
                    }
                }
            }
            return List.copyOf(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /**
     * web-ui's executable jar: {@code --app-jar}, else {@code web-ui/target/web-ui-<version>.jar} next to this
     * bench's own {@code bench/target}, else under the working directory.
     */
    static Path locateJar(Options options, Path benchTarget) throws IOException {
        if (options.appJar() != null) {
            return requireExecutable(options.appJar());
        }
        String version = version();
        List<Path> candidates = new ArrayList<>();
        for (Path root : List.of(benchTarget.toAbsolutePath().getParent().getParent(), Path.of("").toAbsolutePath())) {
            Path target = root.resolve("web-ui").resolve("target");
            candidates.add(target.resolve("web-ui-" + version + ".jar"));
            candidates.add(target.resolve("web-ui-" + version + "-exec.jar"));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && isExecutable(candidate)) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("Cannot find web-ui's executable jar (looked at " + candidates
                + "). Build it first: ./mvnw -B -q -pl bench -am package -DskipTests, or pass --app-jar=PATH.");
    }

    private static Path requireExecutable(Path jar) throws IOException {
        if (!Files.isRegularFile(jar) || !isExecutable(jar)) {
            throw new IllegalStateException(jar + " is not an executable Spring Boot jar");
        }
        return jar;
    }

    private static boolean isExecutable(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null && file.getManifest().getMainAttributes().getValue("Start-Class") != null;
        }
    }

    static String version() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AppProcess.class.getResourceAsStream("/bench.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return properties.getProperty("dyad.version", "0.1.0-SNAPSHOT");
    }

    static List<String> ids(JsonNode cases, boolean unrestrictedOnly) {
        List<String> ids = new ArrayList<>();
        for (JsonNode c : cases) {
            if (!unrestrictedOnly || !c.path("restricted").asBoolean(false)) {
                ids.add(c.get("id").asText());
            }
        }
        return ids;
    }
}
