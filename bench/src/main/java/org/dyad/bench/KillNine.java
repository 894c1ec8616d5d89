package org.dyad.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Nothing acknowledged is lost: writers open cases and record goals with a counter while the application, a separate
 * JVM on the durable file backend, is killed with SIGKILL at a random moment; after each restart every acknowledged
 * write must be in the event store and, within a bounded wait, in the case views.
 */
final class KillNine {

    private static final int WRITERS = 4;

    /** Per case, the highest goals counter acknowledged (0 = only the opening). */
    private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();

    static Map<String, Object> run(Options options, Path jar, Path work, int trials, long seed) throws Exception {
        return new KillNine().trials(options, jar, work, trials, seed);
    }

    private Map<String, Object> trials(Options options, Path jar, Path work, int trials, long seed) throws Exception {
        Random random = new Random(seed);
        Path data = work.resolve("app");
        List<Map<String, Object>> rows = new ArrayList<>();
        int lostTotal = 0;
        AppProcess app = AppProcess.start(options, jar, data, work.resolve("kill-nine-app-0.log"));
        Bench.progress("kill -9: seed %d, %d trials; first start seeds the demo data", seed, trials);
        app.awaitSeeded(180);
        for (int trial = 1; trial <= trials; trial++) {
            int before = count();
            long killAfter = 1000 + random.nextInt(4000);
            AtomicBoolean running = new AtomicBoolean(true);
            AppProcess current = app;
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Thread t = new Thread(() -> write(current.api.basicCaller("psychiatrist"), running), "writer-" + w);
                t.start();
                writers.add(t);
            }
            Thread.sleep(killAfter);
            int exit = app.kill();
            running.set(false);
            for (Thread t : writers) {
                t.join(35_000);
            }
            app.close(); // the killed app's clients
            long restartStart = System.nanoTime();
            app = AppProcess.start(options, jar, data, work.resolve("kill-nine-app-" + trial + ".log"));
            app.awaitSeeded(180);
            double restartSeconds = (System.nanoTime() - restartStart) / 1e9;
            int lost = check(app);
            lostTotal += lost;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("trial", trial);
            row.put("killedAfterMs", killAfter);
            row.put("exitCode", exit);
            row.put("acknowledgedThisTrial", count() - before);
            row.put("acknowledgedSoFar", count());
            row.put("lost", lost);
            row.put("restartToReadySeconds", Stats.round(restartSeconds));
            rows.add(row);
            Bench.progress("trial %2d: killed after %4d ms (exit %d), %3d acknowledged, %d lost, ready again after %.1f s",
                    trial, killAfter, exit, count() - before, lost, restartSeconds);
        }
        app.close();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("seed", seed);
        result.put("trials", trials);
        result.put("acknowledged", count());
        result.put("lost", lostTotal);
        result.put("restartSecondsMedian", Stats.round(median(rows)));
        result.put("rows", rows);
        return result;
    }

    /** Opens a case, then records goals on it with a rising counter, remembering each acknowledged write. */
    private void write(Api.Caller caller, AtomicBoolean running) {
        while (running.get()) {
            try {
                Api.Response opened = caller.post("/api/cases", """
                        {"preferredName": "Crash Test", "dateOfBirth": "1980-01-01", "setting": "INPATIENT", "unit": "north"}""");
                if (opened.statusCode() != 201) {
                    continue;
                }
                String caseId = Api.JSON.readTree(opened.body()).get("id").asText();
                acknowledged.put(caseId, 0);
                for (int k = 1; k <= 5 && running.get(); k++) {
                    Api.Response goals = caller.post("/api/cases/" + caseId + "/goals",
                            "{\"whatMattersMost\": \"" + k + "\"}");
                    if (goals.statusCode() == 204) {
                        acknowledged.put(caseId, k);
                    }
                }
            } catch (Exception e) {
                return; // the application is gone: whatever was not answered was not acknowledged
            }
        }
    }

    private int count() {
        return acknowledged.values().stream().mapToInt(k -> k + 1).sum();
    }

    /** Acknowledged writes missing from the event store, or from the case views once they have had time to catch up. */
    private int check(AppProcess app) throws Exception {
        AtomicInteger lost = new AtomicInteger();
        for (Map.Entry<String, Integer> e : acknowledged.entrySet()) {
            List<String> payloads = app.payloadsOf(e.getKey());
            boolean opened = payloads.stream().anyMatch(p -> p.contains("\"preferredName\""));
            if (!opened) {
                lost.addAndGet(e.getValue() + 1);
                continue;
            }
            for (int k = 1; k <= e.getValue(); k++) {
                String marker = "\"whatMattersMost\":\"" + k + "\"";
                if (payloads.stream().noneMatch(p -> p.contains(marker))) {
                    lost.incrementAndGet();
                }
            }
            if (!viewCaughtUp(app, e.getKey(), e.getValue())) {
                Bench.progress("case %s: the view did not catch up to goals %d", e.getKey(), e.getValue());
                lost.incrementAndGet();
            }
        }
        return lost.get();
    }

    private static boolean viewCaughtUp(AppProcess app, String caseId, int counter) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Api.Response view = app.api.get("psychiatrist", "/api/cases/" + caseId);
            if (view.statusCode() == 200) {
                JsonNode goals = Api.JSON.readTree(view.body()).get("goals");
                int shown = goals == null || goals.isNull() ? 0 : goals.get("whatMattersMost").asInt();
                if (shown >= counter) {
                    return true;
                }
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static double median(List<Map<String, Object>> rows) {
        double[] values = rows.stream().mapToDouble(r -> ((Number) r.get("restartToReadySeconds")).doubleValue()).sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }

    static void write(Path target, Map<String, Object> result) throws Exception {
        Files.writeString(target.resolve("kill-nine-results.json"),
                Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }
}
