package org.dyad.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cost against the size of the store. For each size the app is stopped, the store grown to that many events with
 * {@link StoreFiller}, and the app started again on it; then:
 * <ul>
 *   <li>projection rate: the case-views processor reads and projects the new events (as in a rebuild), events per
 *   second from its first step to catching up;</li>
 *   <li>board latency: from a command to the board on {@value #BOARD_SCREENS} subscribed screens, at
 *   {@value #BOARD_RATE} commands a second, as phase 3 measures it with more screens, after a minute of the same
 *   load (the warm-up for all that follows);</li>
 *   <li>command latency: sequential "record goals" on a north case, one client, after a warm-up;</li>
 *   <li>the north unit's case list, as its page asks for it;</li>
 *   <li>replay of one case: a case of {@value #AUDITED_CASE_EVENTS} events is recorded, then the auditor's state as
 *   of its last event, the verification of its hash chains and its last timeline page are timed;</li>
 *   <li>heap in use after a full collection;</li>
 *   <li>at the largest size, a rebuild: an admin rebuilds every view from the first event, on the warm app.</li>
 * </ul>
 * Before each start and after each stop the bench reads the whole store back through the driver; the mean of the two
 * is the limit for reading these events that the app's rates are divided by.
 * Last, the smallest and the largest store are measured side by side ({@link PairedSizes}).
 */
final class ScaleMeasure {

    private static final int WARM_UP_COMMANDS = 30;
    private static final int MEASURED_COMMANDS = 200;
    private static final long CATCH_UP_TIMEOUT_SECONDS = 1800;
    static final int BOARD_SCREENS = 20;
    static final int BOARD_RATE = 20;
    /**
     * Commands at the board measure's rate, its screens subscribed, before anything at a size is timed: each size
     * starts a fresh JVM, and without a common warm-up the JIT compiler's progress, which the catch-up on a larger
     * store advances further, decides the comparison between sizes.
     */
    private static final int BOARD_WARM_UP_SECONDS = 60;
    private static final int BOARD_SECONDS = 10;
    static final int AUDITED_CASE_EVENTS = 500;
    private static final int AUDITED_PAGE = 100;
    private static final int AUDITED_WARM_UP_CALLS = 20;
    private static final int UNIT_LIST_WARM_UP_CALLS = 10;
    private static final int UNIT_LIST_CALLS = 20;

    private ScaleMeasure() {
    }

    static Map<String, Object> run(Options options, Path jar, Path work, Path target) throws Exception {
        Path dataDir = work.resolve("scale");
        // In a directory of its own: each app runs a private copy of the jar next to its data directory.
        Path smallestStore = work.resolve("paired").resolve("scale");
        Map<String, Object> result = new LinkedHashMap<>();
        List<Map<String, Object>> points = new ArrayList<>();
        int step = 0;
        // The demo cases first, so that the commands below have north cases to work on.
        try (AppProcess app = AppProcess.start(options, jar, dataDir, target.resolve("bench-scale-app.log"))) {
            app.awaitSeeded(150);
        }
        for (long size : options.scaleSizes()) {
            long fillStart = System.nanoTime();
            long written = StoreFiller.fillTo(dataDir, options.backend(), size);
            Bench.progress("scale: %,d filler events written in %.0f s", written, (System.nanoTime() - fillStart) / 1e9);
            StoreFiller.ReadBack readBefore = readBack(dataDir, options, "before the app");
            Path log = target.resolve("bench-scale-app.log");
            Map<String, Object> point = new LinkedHashMap<>();
            Map<String, Object> projection;
            List<Map<String, Object>> rebuilds = new ArrayList<>();
            try (AppProcess app = AppProcess.start(options, jar, dataDir, log)) {
                awaitUp(app);
                point.put("storedEvents", app.countEvents());
                projection = catchUp(app);
                point.put("projection", projection);
                String caseId = AppProcess.ids(app.api.getJson("psychiatrist", "/api/cases?unit=north"), true)
                        .get(step++);
                point.put("boardLatency", BoardLatency.run(app.api, app.port(),
                        options.withLatencyPhase(BOARD_SCREENS, BOARD_RATE, BOARD_SECONDS, BOARD_WARM_UP_SECONDS),
                        app.cpu(), app::vmWork));
                point.put("commandLatency", commandLatency(app, caseId));
                point.put("unitCaseList", unitCaseList(app));
                // Other work on a shared machine moves these latencies from one size's step to the next.
                point.put("cpuPressureWhileMeasured", Bench.pressure("cpu"));
                point.put("auditedCase", auditedCase(app, options, size));
                if (size == options.scaleSizes().get(options.scaleSizes().size() - 1)) {
                    // The first rebuild still pays for compiling its paths; the second shows a settled JIT.
                    for (String key : List.of("rebuild", "secondRebuild")) {
                        Map<String, Object> rebuild = rebuild(app);
                        rebuilds.add(rebuild);
                        point.put(key, rebuild);
                    }
                }
                point.put("heapUsedAfterGcMiB", app.heapAfterGcMiB());
                point.put("dataFileBytes", app.storeInfo().get("dataFileBytes"));
            }
            // The machine is shared: its speed moves over the minutes the app runs, so the limit the app's rates
            // are held to is the mean of the store read back just before the app and just after it.
            StoreFiller.ReadBack readAfter = readBack(dataDir, options, "after the app");
            double readBack = (readBefore.best() + readAfter.best()) / 2;
            projection.put("storeReadBackPerSecond", Stats.round(readBack));
            projection.put("storeReadBackBeforePerSecond", Stats.round(readBefore.best()));
            projection.put("storeReadBackAfterPerSecond", Stats.round(readAfter.best()));
            projection.put("storeReadBackRangesPerSecond", Stats.round(readBefore.rangesPerSecond()));
            projection.put("storeReadBackFindPerSecond", Stats.round(readBefore.findPerSecond()));
            projection.put("storeReadBackAfterRangesPerSecond", Stats.round(readAfter.rangesPerSecond()));
            projection.put("storeReadBackAfterFindPerSecond", Stats.round(readAfter.findPerSecond()));
            projection.put("ratioToStoreReadBack", Bench.ratio((double) projection.get("eventsPerSecond"), readBack));
            for (Map<String, Object> rebuild : rebuilds) {
                rebuild.put("ratioToStoreReadBack", Bench.ratio((double) rebuild.get("eventsPerSecond"), readBack));
                if (rebuild.get("laterHalfEventsPerSecond") instanceof Double laterHalf) {
                    rebuild.put("laterHalfRatioToStoreReadBack", Bench.ratio(laterHalf, readBack));
                }
            }
            points.add(point);
            Bench.progress("scale: %s", point);
            if (points.size() == 1 && options.scaleSizes().size() >= 2) {
                PairedSizes.copyStore(dataDir, smallestStore);
            }
        }
        result.put("points", points);
        if (points.size() >= 2) {
            result.put("paired", PairedSizes.run(options, jar, smallestStore, dataDir, target,
                    (String) ((Map<?, ?>) points.get(0).get("auditedCase")).get("caseId"), AUDITED_CASE_EVENTS));
        }
        if (points.size() >= 2) {
            double first = p50(points.get(0));
            double last = p50(points.get(points.size() - 1));
            result.put("commandP50RatioLargestToSmallest", Bench.ratio(last, first));
            Map<String, Object> smallest = points.get(0);
            Map<String, Object> largest = points.get(points.size() - 1);
            result.put("boardP50RatioLargestToSmallest", Bench.ratio(
                    number(largest, "boardLatency", "sendToScreen", "p50Ms"),
                    number(smallest, "boardLatency", "sendToScreen", "p50Ms")));
            result.put("unitCaseListP50RatioLargestToSmallest", Bench.ratio(
                    number(largest, "unitCaseList", "p50Ms"), number(smallest, "unitCaseList", "p50Ms")));
            result.put("auditStateP50RatioLargestToSmallest", Bench.ratio(
                    number(largest, "auditedCase", "stateAsOfLastEvent", "p50Ms"),
                    number(smallest, "auditedCase", "stateAsOfLastEvent", "p50Ms")));
        }
        return result;
    }

    private static StoreFiller.ReadBack readBack(Path dataDir, Options options, String when) {
        StoreFiller.ReadBack read = StoreFiller.readBack(dataDir, options.backend());
        Bench.progress("scale: the store read back %s at %.0f events/s in id ranges, %.0f with one find()", when,
                read.rangesPerSecond(), read.findPerSecond());
        return read;
    }

    private static double p50(Map<String, Object> point) {
        return number(point, "commandLatency", "p50Ms");
    }

    /** The number at {@code path} in a point's nested maps. */
    @SuppressWarnings("unchecked")
    static double number(Map<String, Object> point, String... path) {
        Object value = point;
        for (String key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return ((Number) value).doubleValue();
    }

    /**
     * A case of {@link #AUDITED_CASE_EVENTS} events, recorded now (opened, then goals), and the auditor's reads of
     * it: the cost of replaying one case against the number of events in the store. It is a south case: the board
     * and command measures work on north's, and would add to its record at the later sizes.
     */
    private static Map<String, Object> auditedCase(AppProcess app, Options options, long size) throws Exception {
        Api.Caller psychiatrist = app.api.sessionCaller("psychiatrist2");
        String caseId = Api.openCase(psychiatrist, "south", "Scale Audit " + size);
        for (int events = 2; events < AUDITED_CASE_EVENTS; events++) { // opening a case stores two events
            Api.recordGoals(psychiatrist, caseId, events);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("caseId", caseId);
        result.put("caseEvents", AUDITED_CASE_EVENTS);
        result.putAll(ReplayMeasure.auditorReads(app.api.sessionCaller("auditor"), caseId, AUDITED_CASE_EVENTS,
                AUDITED_WARM_UP_CALLS, options.replayCalls(), AUDITED_PAGE));
        return result;
    }

    private static void awaitUp(AppProcess app) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            try {
                Api.Response me = app.api.get("psychiatrist", "/api/me");
                if (me.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The app did not answer within 300 s:\n" + app.tail());
    }

    /** Waits until the processor has handled every stored event; the rate is taken from its first step. */
    private static Map<String, Object> catchUp(AppProcess app) throws Exception {
        long startIndex = app.trackedIndex();
        long firstMoveNanos = 0;
        long firstMoveIndex = startIndex;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CATCH_UP_TIMEOUT_SECONDS);
        long lastReport = System.nanoTime();
        while (true) {
            long index = app.trackedIndex();
            long now = System.nanoTime();
            if (firstMoveNanos == 0 && index != startIndex) {
                firstMoveNanos = now;
                firstMoveIndex = index;
            }
            long stored = app.countEvents();
            if (index >= stored && firstMoveNanos != 0) {
                double seconds = (now - firstMoveNanos) / 1e9;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("eventsProjected", index - firstMoveIndex);
                m.put("seconds", Stats.round(seconds));
                m.put("eventsPerSecond", Stats.round(seconds > 0 ? (index - firstMoveIndex) / seconds : Double.NaN));
                return m;
            }
            if (now > deadline) {
                throw new IllegalStateException("Projections did not catch up (" + index + " of " + stored + ")");
            }
            if (now - lastReport > 30e9) {
                Bench.progress("scale: projections at %,d of %,d", index, stored);
                lastReport = now;
            }
            Thread.sleep(100);
        }
    }

    /**
     * An admin's rebuild of every view from the first event, on the app that has just caught up and answered the
     * commands above (its JIT compiler has settled): from the request to the processor's having handled every
     * event the store held, clearing the views included.
     */
    private static Map<String, Object> rebuild(AppProcess app) throws Exception {
        AppProcess.VmWork vmBefore = app.vmWork();
        long cpuBefore = app.cpu().nanos();
        long start = System.nanoTime();
        Api.Response started = app.api.basicCaller("admin").post("/api/admin/projections/rebuild", "");
        Api.expect(started, 202, "rebuild the read models");
        long head = Api.JSON.readTree(started.body()).path("head").asLong();
        long deadline = start + TimeUnit.SECONDS.toNanos(CATCH_UP_TIMEOUT_SECONDS);
        long lastReport = start;
        boolean halfWay = false;
        long halfWayAt = 0;
        long halfWayPosition = 0;
        while (true) {
            JsonNode status = app.api.getJson("admin", "/api/admin/projections");
            long now = System.nanoTime();
            long position = status.path("position").asLong();
            if (!halfWay && position >= head / 2) {
                halfWay = true;
                halfWayAt = now;
                halfWayPosition = position;
            }
            if (!status.path("replaying").asBoolean() && status.path("caughtUp").asBoolean() && position >= head) {
                double seconds = (now - start) / 1e9;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("eventsReplayed", head);
                m.put("seconds", Stats.round(seconds));
                m.put("eventsPerSecond", Stats.round(head / seconds));
                if (halfWay && halfWayAt < now && halfWayPosition < head) {
                    // The JIT compiles most at the start; the later half shows a rate closer to the settled one.
                    m.put("laterHalfEventsPerSecond", Stats.round((head - halfWayPosition) / ((now - halfWayAt) / 1e9)));
                }
                m.putAll(app.vmWork().since(vmBefore, "app", ""));
                long cpuAfter = app.cpu().nanos();
                if (cpuBefore >= 0 && cpuAfter >= cpuBefore) {
                    // All the app's threads (JIT and collector included): less moved by a busy machine than the rate.
                    m.put("appCpuMicrosPerEvent", Stats.round((cpuAfter - cpuBefore) / 1e3 / head));
                }
                return m;
            }
            if (now > deadline) {
                throw new IllegalStateException("The rebuild did not finish: " + status);
            }
            if (now - lastReport > 30e9) {
                Bench.progress("scale: rebuild at %,d of %,d", status.path("position").asLong(), head);
                lastReport = now;
            }
            Thread.sleep(100);
        }
    }

    /** {@code GET /api/cases?unit=north}, the case list of the unit's page, timed after warm-up calls. */
    private static Map<String, Object> unitCaseList(AppProcess app) throws Exception {
        Api.Caller caller = app.api.sessionCaller("psychiatrist");
        long[] nanos = new long[UNIT_LIST_CALLS];
        for (int n = -UNIT_LIST_WARM_UP_CALLS; n < UNIT_LIST_CALLS; n++) {
            long start = System.nanoTime();
            Api.expect(caller.get("/api/cases?unit=north"), 200, "GET /api/cases?unit=north");
            if (n >= 0) {
                nanos[n] = System.nanoTime() - start;
            }
        }
        return Stats.latencyMillis(nanos);
    }

    private static Map<String, Object> commandLatency(AppProcess app, String caseId) throws Exception {
        // A signed-in session, as the pages use: Basic would pay for a password hash on every call.
        Api.Caller caller = app.api.sessionCaller("psychiatrist");
        for (int n = 0; n < WARM_UP_COMMANDS; n++) {
            Api.recordGoals(caller, caseId, n);
        }
        long[] nanos = new long[MEASURED_COMMANDS];
        for (int n = 0; n < MEASURED_COMMANDS; n++) {
            long start = System.nanoTime();
            Api.recordGoals(caller, caseId, WARM_UP_COMMANDS + n);
            nanos[n] = System.nanoTime() - start;
        }
        return Stats.latencyMillis(nanos);
    }
}
