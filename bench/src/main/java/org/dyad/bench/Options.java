package org.dyad.bench;

import org.dyad.infra.mongo.Durability;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Command-line options, all {@code --name=value}; see {@link #USAGE}. */
record Options(Durability durability, String backend, int clients, int screens, double rate, int latencySeconds,
               int latencyWarmUpSeconds, int windowSeconds, int windows, String latencyAuth, boolean boardChanges, Path appJar, Path targetDir, boolean keepData,
               String appJvmArgs, Set<String> measures, int replayEvents, int replayCalls,
               List<Long> scaleSizes) {

    /** The measures in the order they run; {@code --measures=} picks some of them. */
    static final List<String> MEASURES = List.of("raw", "latency", "commands", "replay", "scale");
    static final String DEFAULT_MEASURES = "all";

    static final String USAGE = """
            java -jar bench/target/dyad-bench.jar [options]
              --durability=COMMIT_AND_SYNC  embedded H2 durability: BACKGROUND | COMMIT | COMMIT_AND_SYNC (the app's default)
              --backend=h2                  embedded backend: h2 (file, the app's default) | memory
              --clients=8                   concurrent HTTP clients for the command throughput phases
              --screens=200                 STOMP board subscribers for the latency phase
              --rate=100                    commands per second offered during the latency phase
              --latency-seconds=20          measured length of the latency phase
              --latency-warm-up-seconds=120 commands at the rate before the latency phase measures (the app's JIT
                                            compiler settles on the screens' path meanwhile)
              --window-seconds=3            length of one measured throughput window
              --windows=3                   measured windows per throughput figure (the median is reported)
              --latency-auth=session        how the latency phase's commands sign in: session (like the pages) | basic
              --board-messages=changes      what the latency phase's screens subscribe to: changes (like the board
                                            page: the rows changed since the version held) | boards (whole boards)
              --app-jar=PATH                web-ui's executable jar (default: web-ui/target/web-ui-<version>.jar of this checkout)
              --target-dir=PATH             where temp data, the app log and bench-results.json go (default: bench/target)
              --app-jvm-args="-Xmx1g ..."   extra JVM options for the application's process
              --keep-data                   keep the temp data directories after the run
              --measures=all                which measures run, a comma list of raw, latency, commands, replay, scale
                                            (replay: the state as of the last of --replay-events events of one case;
                                            scale: projection rate, command latency and heap as the store grows)
              --replay-events=10000         events in the replayed case (recorded as goals over REST)
              --replay-calls=7              timed calls per replay figure (the median is reported)
              --scale-sizes=10000,100000,1000000
                                            stored events at each step of the scale measure
            java -jar bench/target/dyad-bench.jar --kill-nine-trials=20 [--seed=N]
                                            instead of the benchmark: SIGKILL the app at random moments under load,
                                            restart it, and check every acknowledged write survived
            java -jar bench/target/dyad-bench.jar --table-from bench/target/bench-results.json
                                            re-print the table of an earlier run
            """;

    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unknown argument " + arg + "\n" + USAGE);
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            values.put(name, eq < 0 ? "true" : arg.substring(eq + 1));
        }
        Options options = new Options(
                Durability.valueOf(take(values, "durability", "COMMIT_AND_SYNC").toUpperCase(Locale.ROOT)),
                take(values, "backend", "h2").toLowerCase(Locale.ROOT),
                Integer.parseInt(take(values, "clients", "8")),
                Integer.parseInt(take(values, "screens", "200")),
                Double.parseDouble(take(values, "rate", "100")),
                Integer.parseInt(take(values, "latency-seconds", "20")),
                Integer.parseInt(take(values, "latency-warm-up-seconds", "120")),
                Integer.parseInt(take(values, "window-seconds", "3")),
                Integer.parseInt(take(values, "windows", "3")),
                take(values, "latency-auth", "session").toLowerCase(Locale.ROOT),
                boardMessages(take(values, "board-messages", "changes")),
                pathOrNull(take(values, "app-jar", null)),
                pathOrNull(take(values, "target-dir", null)),
                Boolean.parseBoolean(take(values, "keep-data", "false")),
                take(values, "app-jvm-args", ""),
                measures(take(values, "measures", DEFAULT_MEASURES)),
                Integer.parseInt(take(values, "replay-events", "10000")),
                Integer.parseInt(take(values, "replay-calls", "7")),
                Arrays.stream(take(values, "scale-sizes", "10000,100000,1000000").split("\\s*,\\s*"))
                        .map(Long::parseLong).sorted().toList());
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + values.keySet() + "\n" + USAGE);
        }
        if (!options.backend.equals("h2") && !options.backend.equals("memory")) {
            throw new IllegalArgumentException("--backend is h2 or memory");
        }
        if (!options.latencyAuth.equals("session") && !options.latencyAuth.equals("basic")) {
            throw new IllegalArgumentException("--latency-auth is session or basic");
        }
        if (!MEASURES.containsAll(options.measures) || options.measures.isEmpty()) {
            throw new IllegalArgumentException("--measures is all or a comma list of " + MEASURES);
        }
        if (options.scaleSizes.isEmpty() || options.scaleSizes.get(0) < 1000) {
            throw new IllegalArgumentException("--scale-sizes is a comma list of sizes of 1000 events or more");
        }
        if (options.replayEvents < 1000 || options.replayCalls < 1) {
            throw new IllegalArgumentException("--replay-events is 1000 or more, --replay-calls 1 or more");
        }
        if (options.clients < 1 || options.screens < 1 || options.rate <= 0 || options.windows < 1
                || options.windowSeconds < 1 || options.latencySeconds < 1 || options.latencyWarmUpSeconds < 0) {
            throw new IllegalArgumentException("Counts, rates and durations must be positive\n" + USAGE);
        }
        return options;
    }

    private static boolean boardMessages(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "changes" -> true;
            case "boards" -> false;
            default -> throw new IllegalArgumentException("--board-messages is changes or boards");
        };
    }

    private static Set<String> measures(String list) {
        String names = list.strip().equalsIgnoreCase("all") ? String.join(",", MEASURES) : list;
        return new LinkedHashSet<>(Arrays.asList(names.toLowerCase(Locale.ROOT).split("\\s*,\\s*")));
    }

    /** These options with another latency phase: its screens, offered rate, measured and warm-up seconds. */
    Options withLatencyPhase(int screens, double rate, int seconds, int warmUpSeconds) {
        return new Options(durability, backend, clients, screens, rate, seconds, warmUpSeconds, windowSeconds, windows,
                latencyAuth, boardChanges, appJar, targetDir, keepData, appJvmArgs, measures, replayEvents,
                replayCalls, scaleSizes);
    }

    boolean runs(String measure) {
        return measures.contains(measure);
    }

    private static String take(Map<String, String> values, String name, String fallback) {
        String value = values.remove(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Path pathOrNull(String value) {
        return value == null ? null : Path.of(value).toAbsolutePath().normalize();
    }
}
