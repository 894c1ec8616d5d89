package org.dyad.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The smallest and the largest store side by side. The scale steps measure each size minutes apart, and other work
 * on a shared machine moves a latency between steps more than the store's size does. Here two apps are up at once,
 * one on a copy of the store as it was at the smallest size and one on the largest, and the same commands and reads
 * go to each in alternating blocks (the order swapped every round), so that whatever else the machine does falls on
 * both alike. Each app records goals on a case opened for this, timed to the HTTP answer and to the north board on
 * {@value #SCREENS_PER_SIDE} {@link BoardScreens}; the auditor reads the 500-event case that both stores hold from
 * the smallest step, and the north unit's case list is read.
 */
final class PairedSizes {

    private static final int WARM_UP_ROUNDS = 10;
    private static final int MEASURED_ROUNDS = 20;
    private static final int COMMANDS_PER_BLOCK = 100;
    private static final int STATE_CALLS_PER_BLOCK = 10;
    private static final int LIST_CALLS_PER_BLOCK = 10;
    private static final int SCREENS_PER_SIDE = 5;
    private static final int DRAIN_SECONDS = 10;

    private PairedSizes() {
    }

    private static double lastRatio(List<Double> large, List<Double> small) {
        return large.get(large.size() - 1) / small.get(small.size() - 1);
    }

    private static long[] answerNanos(List<BoardScreens.Command> commands) {
        return commands.stream().mapToLong(c -> c.endNanos - c.t0Nanos).toArray();
    }

    private static List<Double> rounded(List<Double> ratios) {
        return ratios.stream().map(r -> Math.round(r * 1000) / 1000.0).toList();
    }

    /** Copies a stopped app's data directory: the smallest store, kept for {@link #run}. */
    static void copyStore(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static final class Side implements AutoCloseable {
        final String name;
        final long storedEvents;
        final Api.Caller psychiatrist;
        final Api.Caller auditor;
        final String caseId;
        final BoardScreens board;
        final List<List<BoardScreens.Command>> measuredBlocks = new ArrayList<>();
        final List<Long> stateNanos = new ArrayList<>();
        final List<Long> listNanos = new ArrayList<>();
        final List<Double> roundCommandP50s = new ArrayList<>();
        final List<Double> roundStateP50s = new ArrayList<>();
        long commandsSent;

        Side(String name, AppProcess app) throws Exception {
            this.name = name;
            this.storedEvents = app.countEvents();
            this.psychiatrist = app.api.sessionCaller("psychiatrist");
            this.auditor = app.api.sessionCaller("auditor");
            this.caseId = Api.openCase(psychiatrist, "north", "Paired " + name);
            this.board = BoardScreens.connect(app.port(), SCREENS_PER_SIDE, true);
        }

        @Override
        public void close() {
            board.close();
        }

        void block(String stateAtLast, boolean measured) throws Exception {
            List<BoardScreens.Command> sent = new ArrayList<>();
            for (int i = 0; i < COMMANDS_PER_BLOCK; i++) {
                BoardScreens.Command command = new BoardScreens.Command(caseId, measured);
                command.sending();
                Api.recordGoals(psychiatrist, caseId, commandsSent++);
                command.answered(204);
                sent.add(command);
            }
            List<Long> states = new ArrayList<>();
            for (int i = 0; i < STATE_CALLS_PER_BLOCK; i++) {
                long start = System.nanoTime();
                Api.expect(auditor.get(stateAtLast), 200, "state as of the last event");
                states.add(System.nanoTime() - start);
            }
            List<Long> lists = new ArrayList<>();
            for (int i = 0; i < LIST_CALLS_PER_BLOCK; i++) {
                long start = System.nanoTime();
                Api.expect(psychiatrist.get("/api/cases?unit=north"), 200, "GET /api/cases?unit=north");
                lists.add(System.nanoTime() - start);
            }
            if (measured) {
                measuredBlocks.add(sent);
                stateNanos.addAll(states);
                listNanos.addAll(lists);
                roundCommandP50s.add(Stats.percentile(answerNanos(sent), 50) / 1e6);
                roundStateP50s.add(Stats.percentile(Stats.toArray(states), 50) / 1e6);
            }
        }

        List<BoardScreens.Command> measuredCommands() {
            return measuredBlocks.stream().flatMap(List::stream).toList();
        }

        /** Each measured command's HTTP round trip. */
        long[] commandNanos() {
            return answerNanos(measuredCommands());
        }

        /** How many events the audited case's record holds in this store. */
        int recordEvents(String stateAtLast) throws Exception {
            Api.Response state = auditor.get(stateAtLast);
            Api.expect(state, 200, "state as of the last event");
            return Api.JSON.readTree(state.body()).path("eventsInRecord").asInt();
        }

        /** Command to board on every screen, all measured blocks, once their last pushes are in. */
        BoardScreens.Match boardMatch() throws InterruptedException {
            return board.awaitMatch(measuredCommands(), DRAIN_SECONDS);
        }

        double boardP50Millis(List<BoardScreens.Command> block) {
            return Stats.percentile(board.match(block).latencies(), 50) / 1e6;
        }

        Map<String, Object> result(BoardScreens.Match boardMatch) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("storedEvents", storedEvents);
            m.put("commandLatency", Stats.latencyMillis(commandNanos()));
            m.put("commandToBoard", Stats.latencyMillis(boardMatch.latencies()));
            m.put("boardPairsMissed", boardMatch.missing());
            m.put("stateAsOfLastEvent", Stats.latencyMillis(Stats.toArray(stateNanos)));
            m.put("unitCaseList", Stats.latencyMillis(Stats.toArray(listNanos)));
            return m;
        }
    }

    /**
     * @param smallStore a copy of the data directory at the smallest size, in a directory of its own (each app
     *                   runs a private copy of the jar next to its data directory)
     * @param auditedCaseId the case of {@code auditedCaseEvents} events recorded at the smallest step
     */
    static Map<String, Object> run(Options options, Path jar, Path smallStore, Path largeStore, Path target,
                                   String auditedCaseId, int auditedCaseEvents) throws Exception {
        try (AppProcess small = AppProcess.start(options, jar, smallStore, target.resolve("bench-paired-small-app.log"));
             AppProcess large = AppProcess.start(options, jar, largeStore, target.resolve("bench-paired-large-app.log"))) {
            small.awaitSeeded(300);
            large.awaitSeeded(300);
            try (Side smallSide = new Side("smallest", small); Side largeSide = new Side("largest", large)) {
                return run(smallSide, largeSide, auditedCaseId, auditedCaseEvents);
            }
        }
    }

    private static Map<String, Object> run(Side smallSide, Side largeSide, String auditedCaseId, int auditedCaseEvents)
            throws Exception {
        String stateAtLast = "/api/audit/cases/" + auditedCaseId + "/state?atEvent=" + auditedCaseId + ":"
                + (auditedCaseEvents - 1);
        int smallRecord = smallSide.recordEvents(stateAtLast);
        int largeRecord = largeSide.recordEvents(stateAtLast);
        if (smallRecord != auditedCaseEvents || largeRecord != auditedCaseEvents) {
            // The state is folded from the case's whole record, so a longer record is a longer replay.
            throw new IllegalStateException("The audited case's record holds " + smallRecord + " events in the smallest"
                    + " store and " + largeRecord + " in the largest, not " + auditedCaseEvents + " in each");
        }
        Bench.progress("scale, paired: %,d and %,d stored events, two apps up; %d warm-up and %d measured rounds"
                        + " of %d commands, %d state calls and %d case lists on each", smallSide.storedEvents,
                largeSide.storedEvents, WARM_UP_ROUNDS, MEASURED_ROUNDS, COMMANDS_PER_BLOCK, STATE_CALLS_PER_BLOCK,
                LIST_CALLS_PER_BLOCK);
        List<Double> commandRatios = new ArrayList<>();
        List<Double> stateRatios = new ArrayList<>();
        for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
            boolean measured = round >= WARM_UP_ROUNDS;
            List<Side> order = round % 2 == 0 ? List.of(smallSide, largeSide) : List.of(largeSide, smallSide);
            for (Side side : order) {
                side.block(stateAtLast, measured);
            }
            if (measured) {
                commandRatios.add(lastRatio(largeSide.roundCommandP50s, smallSide.roundCommandP50s));
                stateRatios.add(lastRatio(largeSide.roundStateP50s, smallSide.roundStateP50s));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("warmUpRounds", WARM_UP_ROUNDS);
        result.put("measuredRounds", MEASURED_ROUNDS);
        result.put("commandsPerBlock", COMMANDS_PER_BLOCK);
        result.put("stateCallsPerBlock", STATE_CALLS_PER_BLOCK);
        result.put("unitCaseListCallsPerBlock", LIST_CALLS_PER_BLOCK);
        result.put("auditedCaseEvents", auditedCaseEvents);
        result.put("screensPerSide", SCREENS_PER_SIDE);
        BoardScreens.Match smallBoard = smallSide.boardMatch();
        BoardScreens.Match largeBoard = largeSide.boardMatch();
        result.put("smallest", smallSide.result(smallBoard));
        result.put("largest", largeSide.result(largeBoard));
        result.put("commandP50RatioLargestToSmallest", Bench.ratio(
                Stats.percentile(largeSide.commandNanos(), 50), Stats.percentile(smallSide.commandNanos(), 50)));
        result.put("commandP50RatioByRound", rounded(commandRatios));
        result.put("boardP50RatioLargestToSmallest", Bench.ratio(
                Stats.percentile(largeBoard.latencies(), 50), Stats.percentile(smallBoard.latencies(), 50)));
        List<Double> boardRatios = new ArrayList<>();
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            boardRatios.add(largeSide.boardP50Millis(largeSide.measuredBlocks.get(round))
                    / smallSide.boardP50Millis(smallSide.measuredBlocks.get(round)));
        }
        result.put("boardP50RatioByRound", rounded(boardRatios));
        result.put("auditStateP50RatioLargestToSmallest", Bench.ratio(
                Stats.percentile(Stats.toArray(largeSide.stateNanos), 50),
                Stats.percentile(Stats.toArray(smallSide.stateNanos), 50)));
        result.put("auditStateP50RatioByRound", rounded(stateRatios));
        result.put("unitCaseListP50RatioLargestToSmallest", Bench.ratio(
                Stats.percentile(Stats.toArray(largeSide.listNanos), 50),
                Stats.percentile(Stats.toArray(smallSide.listNanos), 50)));
        Bench.progress("scale, paired: %s", result);
        return result;
    }
}
