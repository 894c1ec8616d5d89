package org.dyad.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Phase 4: a case grown to 10,000 events over REST, then the auditor's state as of its last event and its verification. */
final class ReplayMeasure {

    private ReplayMeasure() {
    }

    static Map<String, Object> run(Api api, Options options, Cpu appCpu) throws Exception {
        Api.Caller psychiatrist = api.sessionCaller("psychiatrist");
        Api.Caller auditor = api.sessionCaller("auditor");
        String caseId = Api.openCase(psychiatrist, "north", "Bench Replay");
        int target = options.replayEvents();
        long buildStart = System.nanoTime();
        long cpuStart = appCpu.nanos();
        List<Double> secondsPerThousand = new ArrayList<>();
        long lap = buildStart;
        for (int events = 2; events < target; events++) { // opening a case stores two events
            Api.recordGoals(psychiatrist, caseId, events);
            if ((events + 1) % 1000 == 0) {
                long now = System.nanoTime();
                double seconds = (now - lap) / 1e9;
                lap = now;
                secondsPerThousand.add(Stats.round(seconds));
                Bench.progress("replay: %d of %d case events recorded (the last 1000 in %.1f s)", events + 1, target, seconds);
            }
        }
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        double buildCpu = (appCpu.nanos() - cpuStart) / 1e6 / Math.max(1, target - 2);

        Map<String, Object> reads = auditorReads(auditor, caseId, target, 0, options.replayCalls(), 500);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("caseEvents", target);
        result.put("buildSeconds", Stats.round(buildSeconds));
        result.put("buildCommandsPerSecond", Stats.round((target - 2) / buildSeconds));
        result.put("buildSecondsPerThousandEvents", secondsPerThousand);
        result.put("buildAppCpuMsPerCommand", Stats.round(buildCpu));
        result.putAll(reads);
        Bench.progress("replay: state as of event %d median %s ms; verification %s events/s", target,
                reads.get("stateAsOfLastEventMedianMs"), reads.get("verifyEventsPerSecond"));
        return result;
    }

    /**
     * The auditor's reads of one case of {@code events} events, each timed {@code calls} times after
     * {@code warmUpCalls} untimed ones: its state as of the last event (checked to fold them all), the verification
     * of its hash chains (checked to pass over them all) and the last timeline page of {@code pageSize}.
     */
    static Map<String, Object> auditorReads(Api.Caller auditor, String caseId, int events, int warmUpCalls, int calls,
                                            int pageSize) throws Exception {
        String stateAtLast = "/api/audit/cases/" + caseId + "/state?atEvent=" + caseId + ":" + (events - 1);
        JsonNode state = Api.JSON.readTree(expect(auditor.get(stateAtLast), "state as of the last event").body());
        if (state.get("eventsFolded").asInt() != events) {
            throw new IllegalStateException("the state folded " + state.get("eventsFolded") + " events, not " + events);
        }
        String verifyPath = "/api/audit/cases/" + caseId + "/verify";
        String pagePath = "/api/audit/cases/" + caseId + "/events?offset=" + (events - pageSize) + "&limit=" + pageSize;
        for (String path : List.of(stateAtLast, verifyPath, pagePath)) {
            timed(auditor, path, warmUpCalls, "warm-up");
        }
        long[] stateNanos = timed(auditor, stateAtLast, calls, "state as of the last event");
        JsonNode verification = Api.JSON.readTree(expect(auditor.get(verifyPath), "verify").body());
        if (!verification.get("verified").asBoolean() || verification.get("eventsChecked").asInt() != events) {
            throw new IllegalStateException("verification did not pass over " + events + " events: " + verification);
        }
        long[] verifyNanos = timed(auditor, verifyPath, calls, "verify");
        long[] pageNanos = timed(auditor, pagePath, calls, "last timeline page of " + pageSize);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("warmUpCalls", warmUpCalls);
        result.put("calls", calls);
        result.put("stateAsOfLastEvent", Stats.latencyMillis(stateNanos));
        result.put("stateAsOfLastEventMedianMs", Stats.round(Stats.percentile(stateNanos, 50) / 1e6));
        result.put("verify", Stats.latencyMillis(verifyNanos));
        result.put("verifyEventsPerSecond", Stats.round(events / (Stats.percentile(verifyNanos, 50) / 1e9)));
        result.put("timelinePageOf" + pageSize, Stats.latencyMillis(pageNanos));
        return result;
    }

    private static long[] timed(Api.Caller caller, String path, int calls, String what) throws Exception {
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            expect(caller.get(path), what);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static Api.Response expect(Api.Response response, String what) throws IOException {
        Api.expect(response, 200, what);
        return response;
    }
}
