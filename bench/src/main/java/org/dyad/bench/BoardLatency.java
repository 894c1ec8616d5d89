package org.dyad.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.bench.BoardScreens.Arrival;
import org.dyad.bench.BoardScreens.Command;
import org.dyad.bench.BoardScreens.Payloads;
import org.dyad.bench.BoardScreens.Screen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Phase 3: event-to-screen latency. {@code --screens} {@link BoardScreens} take changes as the board page does (or
 * whole boards, with {@code --board-messages=boards}). Commands (record goals) are then issued on north's demo cases
 * at a steady {@code --rate}, never two at once on one case, and every (command, screen) pair is timed as
 * {@link BoardScreens#match} says. After the run each screen's messages are applied in order, and the board that
 * results is compared with the one the REST API gives its user.
 */
final class BoardLatency {

    private static final int DRAIN_SECONDS = 10;
    private static final long JIT_MARK_LEAD_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** Cases needed per command/s offered: a case stays busy for its command's round trip, and this allows 300 ms. */
    private static final double CASE_BUSY_SECONDS = 0.3;

    private BoardLatency() {
    }

    /** The payloads one screen received, in order; equal to another screen's only if they are the very same arrays. */
    private record Sequence(List<byte[]> payloads) {
        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Sequence that) || that.payloads.size() != payloads.size()) {
                return false;
            }
            for (int i = 0; i < payloads.size(); i++) {
                if (payloads.get(i) != that.payloads.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int hash = 1;
            for (byte[] payload : payloads) {
                hash = 31 * hash + System.identityHashCode(payload);
            }
            return hash;
        }
    }

    static Map<String, Object> run(Api api, int port, Options options, Cpu appCpu,
                                   Supplier<AppProcess.VmWork> appVm) throws Exception {
        List<String> pool = AppProcess.ids(api.getJson("psychiatrist", "/api/cases?unit=north"), true);
        // Never two commands at once on a case: enough cases that the offered rate is really sent.
        int needed = (int) Math.ceil(options.rate() * CASE_BUSY_SECONDS);
        int opened = 0;
        if (pool.size() < needed) {
            Api.Caller opener = api.basicCaller("psychiatrist");
            for (int i = pool.size(); i < needed; i++, opened++) {
                Api.openCase(opener, "north", "Latency Case " + i);
            }
            pool = AppProcess.ids(api.getJson("psychiatrist", "/api/cases?unit=north"), true);
            Bench.progress("board latency: opened %d north cases, %d to command", opened, pool.size());
        }

        Map<String, Object> result = new LinkedHashMap<>();
        long connectStart = System.nanoTime();
        try (BoardScreens board = BoardScreens.connect(port, options.screens(), options.boardChanges())) {
            List<Screen> screens = board.screens;
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            Bench.progress("board latency: %d screens connected, subscribed (receipts) and holding the board in %.1f s",
                    screens.size(), connectSeconds);

            Api.Caller caller = options.latencyAuth().equals("basic")
                    ? api.basicCaller("psychiatrist") : api.sessionCaller("psychiatrist");
            Window window = new Window(appCpu, appVm);
            Issued issued = issue(caller, options, pool, window);
            List<Command> commands = issued.commands();
            window.end();
            long wall = window.wallNanos();
            long cpu = window.appCpuNanos();
            long benchCpu = window.benchCpuNanos();
            int measuredCommands = (int) commands.stream().filter(c -> c.measured).count();

            // Wait for the last pushes, then match every (command, screen) pair.
            BoardScreens.Match match = board.awaitMatch(commands, DRAIN_SECONDS);

            long[] http = commands.stream().filter(c -> c.measured && c.status == 204)
                    .mapToLong(c -> c.endNanos - c.t0Nanos).toArray();
            long boardMessages = screens.stream().mapToLong(s -> s.messages.size()).sum();
            long boardBytes = screens.stream().mapToLong(Screen::bytesReceived).sum();
            Shown shown = compareWithApi(api, screens);
            result.put("screens", screens.size());
            result.put("screensByUser", screensByUser(screens));
            result.put("connectSubscribeSeconds", Stats.round(connectSeconds));
            result.put("casesCommanded", pool.size());
            result.put("casesOpenedForThePool", opened);
            result.put("targetRatePerSecond", options.rate());
            result.put("measuredSeconds", options.latencySeconds());
            result.put("warmUpSeconds", options.latencyWarmUpSeconds());
            result.put("commandsMeasured", measuredCommands);
            result.put("sentRatePerSecond", Stats.round(measuredCommands / (double) options.latencySeconds()));
            result.put("ticksSkippedEveryCaseBusy", issued.skipped());
            result.put("commandsFailed", commands.stream().filter(c -> c.measured && c.status != 204).count());
            result.put("pairsMeasured", match.latencies().length);
            result.put("pairsMissed", match.missing());
            result.put("commandAuth", options.latencyAuth());
            result.put("sendToScreen", Stats.latencyMillis(match.latencies()));
            result.put("eventTimestampToScreen", Stats.latencyMillis(match.fromEvent()));
            result.put("httpCommand", Stats.latencyMillis(http));
            result.put("boardMessages", options.boardChanges() ? "changes" : "boards");
            result.put("boardMessagesReceived", boardMessages);
            result.put("boardBytesPerMessage", boardMessages == 0 ? 0 : boardBytes / boardMessages);
            result.put("screensShowingTheApiBoard", shown.matching());
            result.put("screensOutOfStep", shown.outOfStep());
            if (shown.firstDifference() != null) {
                result.put("firstDifferenceFromTheApi", shown.firstDifference());
            }
            result.put("boardMessagesPerScreenPerCommand",
                    Math.round(100.0 * boardMessages / screens.size() / Math.max(1, commands.size())) / 100.0);
            if (cpu >= 0 && measuredCommands > 0) {
                result.put("appCpuMsPerCommand", Stats.round(cpu / 1e6 / measuredCommands));
                result.put("appCpuCoresBusy", Math.round(cpu / (double) wall * 100) / 100.0);
            }
            result.put("benchCpuCoresBusy", Math.round(benchCpu / (double) wall * 100) / 100.0);
            result.putAll(window.vmWork());
            if (!board.transportErrors.isEmpty()) {
                List<String> errors = new ArrayList<>(board.transportErrors);
                result.put("transportErrors", errors.subList(0, Math.min(5, errors.size())));
            }
        }
        return result;
    }

    private static Map<String, Integer> screensByUser(List<Screen> screens) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        screens.forEach(s -> counts.merge(s.user, 1, Integer::sum));
        return counts;
    }

    /** {@code matching}: screens whose board, all messages applied, is the REST board; {@code outOfStep}: changes not from the version held. */
    private record Shown(int matching, int outOfStep, String firstDifference) {
    }

    private static Shown compareWithApi(Api api, List<Screen> screens) throws Exception {
        Map<String, JsonNode> apiBoards = new HashMap<>();
        // Screens of one user mostly receive the very same messages: each different sequence is replayed once.
        Map<Sequence, Replayed> replayed = new HashMap<>();
        int matching = 0;
        int outOfStep = 0;
        String firstDifference = null;
        for (Screen screen : screens) {
            JsonNode expected = apiBoards.computeIfAbsent(screen.user, user -> {
                try {
                    return api.getJson(user, "/api/boards/north");
                } catch (Exception e) {
                    throw new IllegalStateException("Could not read the north board as " + user, e);
                }
            });
            List<byte[]> payloads;
            synchronized (screen.messages) {
                payloads = screen.messages.stream().map(Arrival::payload).toList();
            }
            Replayed shown = replayed.computeIfAbsent(new Sequence(payloads), sequence -> replay(sequence.payloads()));
            if (!shown.inStep()) {
                outOfStep++;
            } else if (shown.board() != null && shown.board().path("version").asLong() == expected.path("version").asLong()
                    && shown.board().path("rows").equals(expected.path("rows"))) {
                matching++;
            } else if (firstDifference == null) {
                firstDifference = difference(screen.user, shown.board(), expected);
            }
        }
        return new Shown(matching, outOfStep, firstDifference);
    }

    /** The board a screen shows after these messages; not in step if changes did not start from the version held. */
    private record Replayed(ObjectNode board, boolean inStep) {
    }

    private static Replayed replay(List<byte[]> payloads) {
        ObjectNode board = null;
        for (byte[] payload : payloads) {
            JsonNode message = Payloads.tree(payload);
            long version = message.path("version").asLong();
            if (board != null && version <= board.path("version").asLong()) {
                continue;
            }
            if (!message.has("since")) {
                board = (ObjectNode) message;
            } else if (board == null || message.path("since").asLong() != board.path("version").asLong()) {
                return new Replayed(board, false);
            } else {
                board = applied(board, message);
            }
        }
        return new Replayed(board, true);
    }

    private static String difference(String user, JsonNode shown, JsonNode expected) {
        if (shown == null) {
            return user + ": no board";
        }
        if (shown.path("version").asLong() != expected.path("version").asLong()) {
            return user + ": version " + shown.path("version") + ", the API's " + expected.path("version");
        }
        JsonNode rows = shown.path("rows");
        JsonNode apiRows = expected.path("rows");
        for (int i = 0; i < Math.max(rows.size(), apiRows.size()); i++) {
            if (!rows.path(i).equals(apiRows.path(i))) {
                return user + ": row " + i + " of " + rows.size() + "/" + apiRows.size() + ": " + rows.path(i)
                        + " but the API's " + apiRows.path(i);
            }
        }
        return user + ": same rows, other fields";
    }

    /** The board with the changes applied, in the board's order (by name regardless of case, then case id). */
    private static ObjectNode applied(ObjectNode board, JsonNode changes) {
        Map<String, JsonNode> rows = new HashMap<>();
        board.path("rows").forEach(row -> rows.put(row.path("caseId").asText(), row));
        changes.path("removed").forEach(caseId -> rows.remove(caseId.asText()));
        changes.path("rows").forEach(row -> rows.put(row.path("caseId").asText(), row));
        ArrayNode ordered = board.arrayNode();
        rows.values().stream()
                .sorted(Comparator.comparing((JsonNode row) -> row.path("preferredName").asText(), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(row -> row.path("caseId").asText()))
                .forEach(ordered::add);
        ObjectNode next = board.deepCopy();
        next.put("version", changes.path("version").asLong());
        next.set("rows", ordered);
        return next;
    }

    private record Issued(List<Command> commands, int skipped) {
    }

    /**
     * The measured window: the app's and the bench's CPU from its start to its end, and the app's JIT and GC work from
     * a little before its start (see {@link #JIT_MARK_LEAD_NANOS}) to its end.
     */
    private static final class Window {
        private final Cpu appCpu;
        private final Supplier<AppProcess.VmWork> appVm;
        private volatile AppProcess.VmWork vm0 = AppProcess.VmWork.UNKNOWN;
        private volatile AppProcess.VmWork vm1 = AppProcess.VmWork.UNKNOWN;
        private volatile long wall0;
        private volatile long wall1;
        private volatile long cpu0 = -1;
        private volatile long cpu1 = -1;
        private volatile long benchCpu0;
        private volatile long benchCpu1;

        Window(Cpu appCpu, Supplier<AppProcess.VmWork> appVm) {
            this.appCpu = appCpu;
            this.appVm = appVm;
        }

        void beforeStart() {
            vm0 = appVm.get();
        }

        void start() {
            wall0 = System.nanoTime();
            cpu0 = appCpu.nanos();
            benchCpu0 = Cpu.BENCH.nanos();
        }

        void end() {
            wall1 = System.nanoTime();
            cpu1 = appCpu.nanos();
            benchCpu1 = Cpu.BENCH.nanos();
            vm1 = appVm.get();
        }

        long wallNanos() {
            return wall1 - wall0;
        }

        long appCpuNanos() {
            return cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0;
        }

        long benchCpuNanos() {
            return benchCpu1 - benchCpu0;
        }

        Map<String, Object> vmWork() {
            return vm1.since(vm0, "app", "Measured");
        }
    }

    /** Open loop at the target rate; a tick whose every case still has a command in flight is skipped. */
    private static Issued issue(Api.Caller caller, Options options, List<String> pool, Window window)
            throws InterruptedException {
        List<Command> commands = Collections.synchronizedList(new ArrayList<>());
        Set<String> inFlight = Collections.synchronizedSet(new HashSet<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(pool.size()); // one a case: none waits for a thread
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = (long) (1e9 / options.rate());
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(options.latencyWarmUpSeconds());
        long end = measureFrom + TimeUnit.SECONDS.toNanos(options.latencySeconds());
        Bench.progress("board latency: issuing %.0f commands/s on %d north cases, warm-up %d s, measuring %d s",
                options.rate(), pool.size(), options.latencyWarmUpSeconds(), options.latencySeconds());
        // The JIT's counters come from a jcmd, which takes a core for a moment: asked before the window opens.
        ScheduledExecutorService marks = Executors.newSingleThreadScheduledExecutor();
        marks.schedule(window::beforeStart, Math.max(0, measureFrom - start - JIT_MARK_LEAD_NANOS), TimeUnit.NANOSECONDS);
        marks.schedule(window::start, measureFrom - start, TimeUnit.NANOSECONDS);
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            if (now >= end) {
                return;
            }
            String caseId = null;
            for (int tries = 0; tries < pool.size() && caseId == null; tries++) {
                String candidate = pool.get(Math.floorMod(next.getAndIncrement(), pool.size()));
                if (inFlight.add(candidate)) {
                    caseId = candidate;
                }
            }
            if (caseId == null) {
                skipped.incrementAndGet();
                return;
            }
            Command command = new Command(caseId, now >= measureFrom);
            commands.add(command);
            String id = caseId;
            senders.execute(() -> {
                try {
                    command.sending();
                    Api.recordGoals(caller, id, command.t0Millis);
                    command.answered(204);
                } catch (Exception e) {
                    command.answered(-1);
                } finally {
                    inFlight.remove(id);
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()) + 1);
        ticker.shutdown();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        marks.shutdown();
        marks.awaitTermination(60, TimeUnit.SECONDS);
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        if (skipped.get() > 0) {
            Bench.progress("board latency: %d ticks skipped (every case busy)", skipped.get());
        }
        return new Issued(new ArrayList<>(commands), skipped.get());
    }

}
