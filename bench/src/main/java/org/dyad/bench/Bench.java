package org.dyad.bench;

import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Dyad's benchmark; see bench/README.md. Phases, in the order they run:
 * <ol>
 *     <li>raw single-document insert rate on the embedded store (no app running);</li>
 *     <li>the app in its own JVM: start-up with demo data, warm-up;</li>
 *     <li>event-to-board latency with live STOMP screens (run before the throughput phases, so the north board
 *     has its 12 demo rows and the cases opened so that the offered rate can be sent);</li>
 *     <li>case commands per second (open case, record goals) with concurrent HTTP clients, and the auth-only
 *     ceiling;</li>
 *     <li>replay: a case of 10,000 events, the state as of its last event and the verification of its chains.</li>
 * </ol>
 * {@code --measures=} picks some of them.
 */
public final class Bench {

    private static final long START = System.nanoTime();

    private Bench() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--table-from")) { // re-print the table of an earlier run
            System.out.println(table(Api.JSON.readValue(Path.of(args[1]).toFile(), Map.class)));
            return;
        }
        int killTrials = 0;
        long seed = System.currentTimeMillis();
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--kill-nine-trials=")) {
                killTrials = Integer.parseInt(arg.substring("--kill-nine-trials=".length()));
            } else if (arg.startsWith("--seed=")) {
                seed = Long.parseLong(arg.substring("--seed=".length()));
            } else {
                rest.add(arg);
            }
        }
        args = rest.toArray(String[]::new);
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path target = options.targetDir() != null ? options.targetDir() : defaultTarget();
        Files.createDirectories(target);
        Path jar = AppProcess.locateJar(options, target);
        Path work = Files.createTempDirectory(target, "bench-data-");
        if (killTrials > 0) {
            try {
                Map<String, Object> result = KillNine.run(options, jar, work, killTrials, seed);
                KillNine.write(target, result);
                progress("kill -9: %s trials, %s acknowledged writes, %s lost, restart median %s s (%s)", result.get("trials"),
                        result.get("acknowledged"), result.get("lost"), result.get("restartSecondsMedian"),
                        target.resolve("kill-nine-results.json"));
                if (((Number) result.get("lost")).intValue() > 0) {
                    System.exit(1);
                }
            } finally {
                if (!options.keepData()) {
                    delete(work);
                }
            }
            return;
        }

        Map<String, Object> results = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("startedAt", Instant.now().toString());
        meta.put("backend", options.backend());
        meta.put("durability", options.durability().name());
        meta.put("cores", Runtime.getRuntime().availableProcessors());
        meta.put("java", System.getProperty("java.version"));
        meta.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        meta.put("appJar", jar.toString());
        meta.put("appJvmOptions", AppProcess.APP_JVM_OPTIONS);
        meta.put("dataDir", work.toString());
        meta.put("options", options.toString());
        meta.put("loadAverageAtStart", loadAverage());
        meta.put("cpuPressureAtStart", pressure("cpu"));
        meta.put("ioPressureAtStart", pressure("io"));
        results.put("meta", meta);
        progress("backend %s, durability %s, %d cores; data under %s", options.backend(), options.durability(),
                Runtime.getRuntime().availableProcessors(), work);

        try {
            // 1. Raw insert rate, nothing else running.
            if (options.runs("raw")) {
                results.put("rawInsert", RawInsertBench.run(options, work.resolve("raw")));
                if (!options.keepData()) {
                    delete(work.resolve("raw"));
                }
            }

            // 2./3./4. The application in its own JVM, unless only the raw rate and scale were asked for.
            if (!Set.of("raw", "scale").containsAll(options.measures())) {
                runApp(options, jar, work, target, results);
            }
            // 5. The store grown to each size in turn, on a data directory of its own.
            if (options.runs("scale")) {
                Map<String, Object> scale = ScaleMeasure.run(options, jar, work, target);
                Map<String, Object> raw = (Map<String, Object>) results.get("rawInsert");
                if (raw != null) {
                    for (Map<String, Object> point : (List<Map<String, Object>>) scale.get("points")) {
                        Map<String, Object> projection = (Map<String, Object>) point.get("projection");
                        projection.put("ratioToRawReadBack", ratio(((Number) projection.get("eventsPerSecond")).doubleValue(),
                                ((Number) raw.get("readBackPerSecondMedian")).doubleValue()));
                        for (String key : List.of("rebuild", "secondRebuild")) {
                            Map<String, Object> rebuild = (Map<String, Object>) point.get(key);
                            if (rebuild != null) {
                                rebuild.put("ratioToRawReadBack", ratio(((Number) rebuild.get("eventsPerSecond")).doubleValue(),
                                        ((Number) raw.get("readBackPerSecondMedian")).doubleValue()));
                            }
                        }
                    }
                }
                results.put("scale", scale);
                ScalePlot.write(scale, target.resolve("bench-scale.png"));
            }
        } finally {
            if (!options.keepData()) {
                delete(work);
            }
        }

        meta.put("totalSeconds", Stats.round((System.nanoTime() - START) / 1e9));
        meta.put("loadAverageAtEnd", loadAverage());
        meta.put("cpuPressureAtEnd", pressure("cpu"));
        meta.put("ioPressureAtEnd", pressure("io"));
        Path json = target.resolve("bench-results.json");
        Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        System.out.println();
        System.out.println(table(results));
        System.out.println("JSON: " + json);
    }

    @SuppressWarnings("unchecked")
    private static void runApp(Options options, Path jar, Path work, Path target, Map<String, Object> results)
            throws Exception {
        Path log = target.resolve("bench-app.log");
        progress("starting the app from %s (log: %s)", jar, log);
        try (AppProcess app = AppProcess.start(options, jar, work.resolve("app"), log)) {
            double ready = app.awaitSeeded(150);
            Map<String, Object> startup = new LinkedHashMap<>();
            startup.put("secondsToSeededDemoData", Stats.round(ready));
            startup.put("eventsAfterSeeding", app.countEvents());
            results.put("appStartup", startup);
            progress("app ready with demo data after %.1f s (%d events)", ready, app.countEvents());

            startup.put("warmUp", warmUp(app.api, options, app.cpu()));
            startup.put("idleAppCpuCoresBusy", idleCpu(app.cpu()));

            if (options.runs("latency")) {
                Map<String, Object> storeBefore = app.snapshot();
                results.put("boardLatency", BoardLatency.run(app.api, app.port(), options, app.cpu(), app::vmWork));
                ((Map<String, Object>) results.get("boardLatency")).put("storeAtStart", storeBefore);
            }
            if (options.runs("commands")) {
                Map<String, Object> firstRaw = (Map<String, Object>) results.get("rawInsert");
                Map<String, Object> raw = firstRaw;
                if (raw != null) {
                    // The fsync rate drifts with the machine's other disk traffic (runs minutes apart differed by
                    // half): the ratios take the raw rate measured right before the commands, the app idle.
                    raw = RawInsertBench.run(options, work.resolve("raw-before-commands"));
                    results.put("rawInsertBeforeCommands", raw);
                    if (!options.keepData()) {
                        delete(work.resolve("raw-before-commands"));
                    }
                }
                results.put("authOnly", CommandThroughput.authOnly(app.api, options, app.cpu()));
                Map<String, Map<String, Object>> commands = CommandThroughput.run(app.api, options, app::snapshot, app.cpu(), app::vmWork);
                for (Map<String, Object> c : commands.values()) {
                    c.put("ratioToRawInsertRate", raw == null ? null
                            : ratio((double) c.get("perSecondMedian"), (double) raw.get("insertsPerSecondMedian")));
                    c.put("ratioToFirstRawInsertRate", firstRaw == null ? null
                            : ratio((double) c.get("perSecondMedian"), (double) firstRaw.get("insertsPerSecondMedian")));
                }
                results.put("commands", commands);
            }
            // 4. Replay last: its 10,000-event case makes every later scan of the store longer.
            if (options.runs("replay")) {
                results.put("replay", ReplayMeasure.run(app.api, options, app.cpu()));
            }
            results.put("store", app.storeInfo());
        }
    }

    /**
     * Clients recording goals on north's demo cases, half with Basic and half with a session: JIT, pools and
     * caches warm up, and the north board gets no new rows.
     */
    private static Map<String, Object> warmUp(Api api, Options options, Cpu appCpu) throws Exception {
        List<String> pool = AppProcess.ids(api.getJson("psychiatrist", "/api/cases?unit=north"), true);
        int clients = Math.min(options.clients(), pool.size());
        List<Api.Caller> callers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            callers.add(c % 2 == 0 ? api.basicCaller("psychiatrist") : api.sessionCaller("psychiatrist"));
        }
        return ClosedLoop.run("app warm-up (goals on demo cases)", clients, 8, 1, 2, appCpu,
                (client, n) -> Api.recordGoals(callers.get(client), pool.get(client), n));
    }

    /** The app's CPU use over 3 s with no requests: its background work (event store reader, processors). */
    private static double idleCpu(Cpu appCpu) throws InterruptedException {
        Thread.sleep(1000);
        long cpu0 = appCpu.nanos();
        long wall0 = System.nanoTime();
        Thread.sleep(3000);
        double cores = (appCpu.nanos() - cpu0) / (double) (System.nanoTime() - wall0);
        progress("app idle: %.2f cores busy", cores);
        return Math.round(cores * 100) / 100.0;
    }

    /** The machine's 1/5/15-minute load averages (Linux), to spot a busy machine. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** Linux pressure stall information: share of the last 60 s some task waited for cpu or io. */
    static String pressure(String resource) {
        try {
            String some = Files.readAllLines(Path.of("/proc/pressure/" + resource)).get(0);
            for (String part : some.split("\\s+")) {
                if (part.startsWith("avg60=")) {
                    return part.substring(6) + "%";
                }
            }
            return "n/a";
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : Math.round(a / b * 10_000.0) / 10_000.0;
    }

    @SuppressWarnings("unchecked")
    private static String table(Map<String, Object> r) {
        Map<String, Object> meta = (Map<String, Object>) r.get("meta");
        Map<String, Object> raw = (Map<String, Object>) r.get("rawInsert");
        Map<String, Object> auth = (Map<String, Object>) r.get("authOnly");
        Map<String, Map<String, Object>> commands = (Map<String, Map<String, Object>>) r.get("commands");
        Map<String, Object> board = (Map<String, Object>) r.get("boardLatency");
        Map<String, Object> store = (Map<String, Object>) r.get("store");
        Map<String, Object> startup = (Map<String, Object>) r.get("appStartup");

        String[] header = {"#", "measure", "rate / latency", "÷ raw", "p50 / p99 ms", "app CPU", "notes"};
        List<String[]> rows = new ArrayList<>();
        if (raw != null) {
            rows.add(new String[]{"1", "raw insertOne, 1 thread, " + raw.get("documentBytes") + " B event-like docs",
                    fmt(raw.get("insertsPerSecondMedian")) + " docs/s", "1", "", "",
                    "windows " + raw.get("insertsPerSecondWindows")});
            if (raw.get("readBackPerSecondMedian") != null) {
                rows.add(new String[]{"1r", "raw read-back, find() in batches of 1,000",
                        fmt(raw.get("readBackPerSecondMedian")) + " docs/s", "", "", "",
                        "passes " + raw.get("readBackPerSecondPasses")});
            }
        }
        Map<String, Object> rawBeforeCommands = (Map<String, Object>) r.get("rawInsertBeforeCommands");
        if (rawBeforeCommands != null) {
            rows.add(new String[]{"1b", "raw insertOne again, right before phase 2",
                    fmt(rawBeforeCommands.get("insertsPerSecondMedian")) + " docs/s", "1", "", "",
                    "windows " + rawBeforeCommands.get("insertsPerSecondWindows") + "; phase 2's ÷ raw divides by this"});
        }
        if (commands != null) {
            rows.addAll(commandRows(commands, auth));
        }
        if (board != null) {
            rows.addAll(latencyRows(board));
        }
        Map<String, Object> replay = (Map<String, Object>) r.get("replay");
        if (replay != null) {
            rows.addAll(replayRows(replay));
        }
        Map<String, Object> scale = (Map<String, Object>) r.get("scale");
        if (scale != null) {
            rows.addAll(scaleRows(scale));
        }

        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.length];
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("Dyad benchmark: backend %s, durability %s, %s cores, Java %s, %s s in all%n",
                meta.get("backend"), meta.get("durability"), meta.get("cores"), meta.get("java"), meta.get("totalSeconds")));
        out.append(String.format("Machine load (1/5/15 min): %s at start, %s at end; pressure avg60 at start/end: "
                        + "CPU %s / %s, IO %s / %s%n",
                meta.get("loadAverageAtStart"), meta.get("loadAverageAtEnd"), meta.get("cpuPressureAtStart"),
                meta.get("cpuPressureAtEnd"), meta.get("ioPressureAtStart"), meta.get("ioPressureAtEnd")));
        if (startup != null && store != null) {
            out.append(String.format("App ready with demo data %s s after launch, idle CPU %s cores; store at the end: "
                            + "%s documents, data file %s MB, avg event document %s B%n",
                    startup.get("secondsToSeededDemoData"), startup.get("idleAppCpuCoresBusy"), store.get("documents"),
                    store.get("dataFileBytes") instanceof Number n ? fmt(n.longValue() / 1e6) : "-",
                    store.get("avgEventDocumentBytes")));
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            line.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.append(line).append('\n');
        for (String[] row : all) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean right = i == 2 || i == 3 || i == 4 || i == 5;
                String cell = right ? " ".repeat(widths[i] - row[i].length()) + row[i]
                        : row[i] + " ".repeat(widths[i] - row[i].length());
                text.append(i == 0 ? "" : " | ").append(cell);
            }
            out.append(text.toString().stripTrailing()).append('\n');
            if (row == header) {
                out.append(line).append('\n');
            }
        }
        out.append(line);
        if (busy(meta)) {
            out.append("\nWARNING: the machine was busy with other work during the run (load average above the core"
                    + " count); rates are lower and noisier than on an idle machine. Re-run when it is quiet.");
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String[]> commandRows(Map<String, Map<String, Object>> commands, Map<String, Object> auth) {
        List<String[]> rows = new ArrayList<>();
        Map<String, String[]> labels = new LinkedHashMap<>();
        labels.put("recordGoalsBasic", new String[]{"2a", "record goals, existing case, Basic"});
        labels.put("openCaseBasic", new String[]{"2b", "open case, Basic"});
        labels.put("recordGoalsSession", new String[]{"2c", "record goals, existing case, session"});
        labels.put("openCaseSession", new String[]{"2d", "open case, session"});
        for (var label : labels.entrySet()) {
            Map<String, Object> c = commands.get(label.getKey());
            Map<String, Object> lat = (Map<String, Object>) c.get("latency");
            Map<String, Object> atStart = (Map<String, Object>) c.get("storeAtStart");
            rows.add(new String[]{label.getValue()[0], label.getValue()[1] + ", " + c.get("clients") + " clients",
                    fmt(c.get("perSecondMedian")) + " cmd/s",
                    c.get("ratioToRawInsertRate") instanceof Double ratio ? String.format(Locale.ROOT, "%.3f", ratio) : "-",
                    fmt(lat.get("p50Ms")) + " / " + fmt(lat.get("p99Ms")),
                    fmt(c.get("appCpuMsPerRequest")) + " ms/cmd",
                    "windows " + c.get("perSecondWindows") + ", failed " + c.get("failed")
                            + (c.get("ratioToFirstRawInsertRate") instanceof Double first
                            ? String.format(Locale.ROOT, ", ÷ phase 1's raw %.3f", first) : "")
                            + ", board " + atStart.get("northBoardRows") + " rows at start"
                            + (c.containsKey("appJitSecondsMeasured") ? ", app JIT while measured: "
                            + c.get("appJitCompilationsMeasured") + " compilations, " + fmt(c.get("appJitSecondsMeasured")) + " s" : "") + gcNote(c, "Measured")});
        }
        Map<String, Object> authLat = (Map<String, Object>) auth.get("latency");
        rows.add(new String[]{"2e", "GET /api/me, Basic, " + auth.get("clients") + " clients (auth ceiling)",
                fmt(auth.get("perSecondMedian")) + " req/s", "", fmt(authLat.get("p50Ms")) + " / " + fmt(authLat.get("p99Ms")),
                fmt(auth.get("appCpuMsPerRequest")) + " ms/req", "HTTP + BCrypt check + trivial read"});
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static List<String[]> latencyRows(Map<String, Object> board) {
        Map<String, Object> e2s = (Map<String, Object>) board.get("sendToScreen");
        Map<String, Object> ev = (Map<String, Object>) board.get("eventTimestampToScreen");
        Map<String, Object> http = (Map<String, Object>) board.get("httpCommand");
        return List.of(
                new String[]{"3", "command sent -> board on screen, " + board.get("screens") + " screens",
                        "p50 " + fmt(e2s.get("p50Ms")) + " ms", "", fmt(e2s.get("p50Ms")) + " / " + fmt(e2s.get("p99Ms")),
                        fmt(board.get("appCpuMsPerCommand")) + " ms/cmd",
                        e2s.get("samples") + " pairs = " + board.get("commandsMeasured") + " cmds x " + board.get("screens")
                                + " screens, " + fmt(board.get("targetRatePerSecond")) + "/s offered, "
                                + fmt(board.get("sentRatePerSecond")) + "/s sent (" + board.get("commandAuth")
                                + "), missed " + board.get("pairsMissed") + ", max " + fmt(e2s.get("maxMs")) + " ms; "
                                + board.get("boardMessages") + ", " + board.get("boardBytesPerMessage") + " B/message, "
                                + board.get("screensShowingTheApiBoard") + " screens end on the API's board"
                                + (board.containsKey("appJitSecondsMeasured") ? "; app JIT while measured: "
                                + board.get("appJitCompilationsMeasured") + " compilations, "
                                + fmt(board.get("appJitSecondsMeasured")) + " s" : "") + gcNote(board, "Measured")},
                new String[]{"3a", "  event timestamp -> board on screen", "p50 " + fmt(ev.get("p50Ms")) + " ms", "",
                        fmt(ev.get("p50Ms")) + " / " + fmt(ev.get("p99Ms")), "", "wall clock, ms resolution"},
                new String[]{"3b", "  the same commands' HTTP round trip", "p50 " + fmt(http.get("p50Ms")) + " ms", "",
                        fmt(http.get("p50Ms")) + " / " + fmt(http.get("p99Ms")), "", ""});
    }

    @SuppressWarnings("unchecked")
    private static List<String[]> scaleRows(Map<String, Object> scale) {
        List<String[]> rows = new ArrayList<>();
        for (Map<String, Object> point : (List<Map<String, Object>>) scale.get("points")) {
            Map<String, Object> projection = (Map<String, Object>) point.get("projection");
            Map<String, Object> command = (Map<String, Object>) point.get("commandLatency");
            String events = String.format(Locale.ROOT, "%,d", ((Number) point.get("storedEvents")).longValue());
            rows.add(new String[]{"5", "at " + events + " stored events: record goals, 1 client",
                    "median " + fmt(command.get("p50Ms")) + " ms", "", fmt(command.get("p50Ms")) + " / " + fmt(command.get("p99Ms")),
                    "", "heap after GC " + fmt(point.get("heapUsedAfterGcMiB")) + " MiB (goal <= 512 at 1M)"
                    + (point.containsKey("cpuPressureWhileMeasured") ? "; machine CPU pressure avg60 "
                    + point.get("cpuPressureWhileMeasured") : "")});
            Map<String, Object> board = (Map<String, Object>) point.get("boardLatency");
            if (board != null) {
                Map<String, Object> toScreen = (Map<String, Object>) board.get("sendToScreen");
                rows.add(new String[]{"5c", "  command sent -> board on screen, " + board.get("screens") + " screens",
                        "p50 " + fmt(toScreen.get("p50Ms")) + " ms", "", fmt(toScreen.get("p50Ms")) + " / " + fmt(toScreen.get("p99Ms")),
                        fmt(board.get("appCpuMsPerCommand")) + " ms/cmd",
                        toScreen.get("samples") + " pairs, " + fmt(board.get("sentRatePerSecond")) + "/s sent, missed "
                                + board.get("pairsMissed") + ", " + board.get("screensShowingTheApiBoard")
                                + " screens end on the API's board"
                                + (board.containsKey("appJitSecondsMeasured") ? "; app JIT while measured: "
                                + board.get("appJitCompilationsMeasured") + " compilations, "
                                + fmt(board.get("appJitSecondsMeasured")) + " s" : "") + gcNote(board, "Measured")});
            }
            Map<String, Object> unitList = (Map<String, Object>) point.get("unitCaseList");
            if (unitList != null) {
                rows.add(new String[]{"5l", "  the north unit's case list (GET /api/cases?unit=north)",
                        "median " + fmt(unitList.get("p50Ms")) + " ms", "", fmt(unitList.get("p50Ms")) + " / "
                        + fmt(unitList.get("p99Ms")), "", unitList.get("samples") + " calls"});
            }
            Map<String, Object> audited = (Map<String, Object>) point.get("auditedCase");
            if (audited != null) {
                Map<String, Object> state = (Map<String, Object>) audited.get("stateAsOfLastEvent");
                Map<String, Object> verify = (Map<String, Object>) audited.get("verify");
                rows.add(new String[]{"5a", "  one case of " + audited.get("caseEvents") + " events: state as of its last",
                        "median " + fmt(state.get("p50Ms")) + " ms", "", fmt(state.get("p50Ms")) + " / " + fmt(state.get("p99Ms")),
                        "", audited.get("calls") + " calls; verifying its chains: median " + fmt(verify.get("p50Ms"))
                        + " ms"});
            }
            rows.add(new String[]{"5p", "  projecting " + String.format(Locale.ROOT, "%,d", ((Number) projection.get("eventsProjected")).longValue())
                    + " new events (case views, boards)", fmt(projection.get("eventsPerSecond")) + " events/s",
                    ratioCell(projection.get("ratioToStoreReadBack")), "", "",
                    "÷ 5s; the catch-up at start-up, JIT still compiling" + perRawReadBack(projection)});
            for (String key : List.of("rebuild", "secondRebuild")) {
                Map<String, Object> rebuild = (Map<String, Object>) point.get(key);
                if (rebuild != null) {
                    boolean first = key.equals("rebuild");
                    rows.add(new String[]{first ? "5b" : "5b2", "  " + (first ? "admin rebuild of every view from event 1 ("
                            : "the same rebuild again, right after (") + String.format(Locale.ROOT, "%,d",
                            ((Number) rebuild.get("eventsReplayed")).longValue()) + " events)",
                            fmt(rebuild.get("eventsPerSecond")) + " events/s", ratioCell(rebuild.get("ratioToStoreReadBack")), "", "",
                            "goal >= 0.5x the raw read-back of the same store (5s)" + perRawReadBack(rebuild)
                                    + (rebuild.containsKey("appCpuMicrosPerEvent") ? "; app CPU "
                                    + fmt(rebuild.get("appCpuMicrosPerEvent")) + " us/event" : "")
                                    + (rebuild.containsKey("appJitSeconds") ? "; app JIT meanwhile: "
                                    + rebuild.get("appJitCompilations") + " compilations, " + fmt(rebuild.get("appJitSeconds")) + " s" : "") + gcNote(rebuild, "")
                                    + (rebuild.containsKey("laterHalfEventsPerSecond") ? "; its later half "
                                    + fmt(rebuild.get("laterHalfEventsPerSecond")) + " events/s = "
                                    + ratioCell(rebuild.get("laterHalfRatioToStoreReadBack")) + "x" : "")});
                }
            }
            if (projection.get("storeReadBackPerSecond") != null) {
                rows.add(new String[]{"5s", "  the same store read back, the faster of two ways",
                        fmt(projection.get("storeReadBackPerSecond")) + " docs/s", "", "", "",
                        (projection.containsKey("storeReadBackAfterPerSecond")
                                ? "mean of before the app " + fmt(projection.get("storeReadBackBeforePerSecond"))
                                + " and after it " + fmt(projection.get("storeReadBackAfterPerSecond")) + "; before: " : "")
                                + "ranges of 1,000 ids " + fmt(projection.get("storeReadBackRangesPerSecond")) + ", one find() "
                                + fmt(projection.get("storeReadBackFindPerSecond"))
                                + (projection.containsKey("storeReadBackAfterRangesPerSecond") ? "; after: ranges "
                                + fmt(projection.get("storeReadBackAfterRangesPerSecond")) + ", one find() "
                                + fmt(projection.get("storeReadBackAfterFindPerSecond")) : "")});
            }
        }
        rows.add(new String[]{"5r", "command p50, largest store / smallest", ratioCell(scale.get("commandP50RatioLargestToSmallest")),
                "", "", "", "goal <= 1.2"});
        Map<String, Object> paired = (Map<String, Object>) scale.get("paired");
        if (paired != null) {
            Map<String, Object> small = (Map<String, Object>) paired.get("smallest");
            Map<String, Object> large = (Map<String, Object>) paired.get("largest");
            String sizes = String.format(Locale.ROOT, "%,d / %,d events", ((Number) large.get("storedEvents")).longValue(),
                    ((Number) small.get("storedEvents")).longValue());
            rows.add(new String[]{"5i", "side by side, record goals p50: " + sizes,
                    ratioCell(paired.get("commandP50RatioLargestToSmallest")), "",
                    sideBySideP50s(large, small, "commandLatency"), "",
                    "goal <= 1.2; two apps up at once, " + paired.get("measuredRounds") + " rounds of "
                            + paired.get("commandsPerBlock") + " commands on each, in turn"
                            + roundByRound(paired.get("commandP50RatioByRound"))});
            if (paired.get("boardP50RatioLargestToSmallest") != null) {
                rows.add(new String[]{"5ic", "side by side, command -> board p50: " + sizes,
                        ratioCell(paired.get("boardP50RatioLargestToSmallest")), "",
                        sideBySideP50s(large, small, "commandToBoard"), "",
                        "goal <= 1.2; the same commands, on " + paired.get("screensPerSide") + " screens a side, missed "
                                + large.get("boardPairsMissed") + " / " + small.get("boardPairsMissed")
                                + roundByRound(paired.get("boardP50RatioByRound"))});
            }
            rows.add(new String[]{"5ia", "side by side, one case's state p50: " + sizes,
                    ratioCell(paired.get("auditStateP50RatioLargestToSmallest")), "",
                    sideBySideP50s(large, small, "stateAsOfLastEvent"), "",
                    "goal <= 1.2; the same " + paired.get("auditedCaseEvents") + "-event case in both stores, "
                            + paired.get("stateCallsPerBlock") + " calls a round"
                            + roundByRound(paired.get("auditStateP50RatioByRound"))});
            if (paired.get("unitCaseListP50RatioLargestToSmallest") != null) {
                rows.add(new String[]{"5il", "side by side, the north unit's case list p50: " + sizes,
                        ratioCell(paired.get("unitCaseListP50RatioLargestToSmallest")), "",
                        sideBySideP50s(large, small, "unitCaseList"), "",
                        "goal <= 1.2; " + paired.get("unitCaseListCallsPerBlock") + " calls a round"});
            }
        }
        if (scale.containsKey("boardP50RatioLargestToSmallest")) {
            rows.add(new String[]{"5rc", "board p50, largest store / smallest", ratioCell(scale.get("boardP50RatioLargestToSmallest")),
                    "", "", "", "goal <= 1.2"});
            rows.add(new String[]{"5rl", "unit case list p50, largest store / smallest",
                    ratioCell(scale.get("unitCaseListP50RatioLargestToSmallest")), "", "", "", "goal <= 1.2"});
            rows.add(new String[]{"5ra", "one case's state p50, largest store / smallest",
                    ratioCell(scale.get("auditStateP50RatioLargestToSmallest")), "", "", "", "goal <= 1.2"});
        }
        return rows;
    }

    /** "large p50 / small p50" of one latency in both sides of the side-by-side step. */
    @SuppressWarnings("unchecked")
    private static String sideBySideP50s(Map<String, Object> large, Map<String, Object> small, String latency) {
        return fmt(((Map<String, Object>) large.get(latency)).get("p50Ms")) + " / "
                + fmt(((Map<String, Object>) small.get(latency)).get("p50Ms"));
    }

    /** "; by round min to max" of a side-by-side ratio taken round by round, if the run has it. */
    @SuppressWarnings("unchecked")
    private static String roundByRound(Object ratios) {
        return ratios instanceof List<?> byRound && !byRound.isEmpty()
                ? "; by round " + ratioCell(Collections.min((List<Double>) byRound)) + " to "
                + ratioCell(Collections.max((List<Double>) byRound)) : "";
    }

    private static List<String[]> replayRows(Map<String, Object> replay) {
        Map<String, Object> state = (Map<String, Object>) replay.get("stateAsOfLastEvent");
        Map<String, Object> verify = (Map<String, Object>) replay.get("verify");
        Map<String, Object> page = (Map<String, Object>) replay.get("timelinePageOf500");
        String events = String.format(Locale.ROOT, "%,d", (int) replay.get("caseEvents"));
        return List.of(
                new String[]{"4", "state as of the last of " + events + " case events (auditor)",
                        "median " + fmt(state.get("p50Ms")) + " ms", "", fmt(state.get("p50Ms")) + " / " + fmt(state.get("p99Ms")), "",
                        replay.get("calls") + " calls, max " + fmt(state.get("maxMs")) + " ms; goal <= 1000 ms"},
                new String[]{"4a", "  verify the case's hash chains", fmt(replay.get("verifyEventsPerSecond")) + " events/s", "",
                        fmt(verify.get("p50Ms")) + " / " + fmt(verify.get("p99Ms")), "", replay.get("calls") + " calls"},
                new String[]{"4b", "  one timeline page of 500 (the last)", "median " + fmt(page.get("p50Ms")) + " ms", "",
                        fmt(page.get("p50Ms")) + " / " + fmt(page.get("p99Ms")), "", ""},
                new String[]{"4c", "  building it: record goals, 1 client, session", fmt(replay.get("buildCommandsPerSecond")) + " cmd/s", "",
                        "", fmt(replay.get("buildAppCpuMsPerCommand")) + " ms/cmd",
                        fmt(replay.get("buildSeconds")) + " s; s per 1000 events " + replay.get("buildSecondsPerThousandEvents")});
    }

    private static boolean busy(Map<String, Object> meta) {
        int cores = (int) meta.get("cores");
        for (String key : List.of("loadAverageAtStart", "loadAverageAtEnd")) {
            try {
                if (Double.parseDouble(String.valueOf(meta.get(key)).split(" ")[0]) > cores + 1.5) {
                    return true;
                }
            } catch (NumberFormatException ignored) {
                // not on Linux
            }
        }
        return false;
    }

    /** Phase 1's small-collection read-back (1r), when it ran, as a note. */
    private static String perRawReadBack(Map<String, Object> measure) {
        Object ratio = measure.get("ratioToRawReadBack");
        return ratio == null ? "" : "; ÷ 1r: " + ratioCell(ratio);
    }

    /** A ratio, to three decimals whatever its size (the goals sit at 0.5 and 1.2); blank when not measured. */
    private static String ratioCell(Object ratio) {
        return ratio instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : ratio == null ? "" : String.valueOf(ratio);
    }

    /** "; app GC: 12 young, 85 ms; 1 full, 410 ms", from the fields {@link AppProcess.VmWork#since} wrote. */
    private static String gcNote(Map<String, Object> m, String suffix) {
        if (!m.containsKey("appYoungGcs" + suffix)) {
            return "";
        }
        return "; app GC: " + m.get("appYoungGcs" + suffix) + " young, " + fmt(m.get("appYoungGcMs" + suffix))
                + " ms; " + m.get("appFullGcs" + suffix) + " full, " + fmt(m.get("appFullGcMs" + suffix)) + " ms";
    }

    private static String fmt(Object value) {
        if (value instanceof Double d) {
            if (d >= 100) {
                return String.format(Locale.ROOT, "%.0f", d);
            }
            return d != 0 && Math.abs(d) < 1 ? String.format(Locale.ROOT, "%.3f", d) : String.format(Locale.ROOT, "%.1f", d);
        }
        return String.valueOf(value);
    }

    static void progress(String format, Object... args) {
        System.out.printf("[%s +%5.1fs] %s%n", LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                (System.nanoTime() - START) / 1e9, String.format(Locale.ROOT, format, args));
    }

    /** bench/target when run as {@code java -jar bench/target/dyad-bench.jar} (or from bench/target/classes). */
    private static Path defaultTarget() {
        String first = System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)[0];
        Path entry = Path.of(first).toAbsolutePath().normalize();
        if (first.endsWith(".jar") || entry.getFileName().toString().equals("classes")) {
            return entry.getParent();
        }
        return Path.of("bench", "target").toAbsolutePath();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
