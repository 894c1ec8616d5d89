package org.dyad.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Phase 2: case commands per second through the real application over HTTP, {@code --clients} concurrent clients,
 * all psychiatrist. No two clients ever command the same case, so no command races another for one aggregate. A
 * command returns once the case view shows it (the app's read-your-writes), so a "command" here is the whole
 * write path: authentication, access check, aggregate load, event append, projections, reply.
 * <p>
 * Each command is measured twice: with HTTP Basic on every request (a script's client; the server checks a BCrypt
 * hash each time) and with a signed-in session like the pages (BCrypt once per session). Goals are recorded on
 * north's existing demo cases first, while the north board has its demo size; opening cases comes last, because
 * every case opened on north adds a row to the north board.
 */
final class CommandThroughput {

    private CommandThroughput() {
    }

    /** GET /api/me with Basic: HTTP + BCrypt check + a trivial read; the ceiling for any Basic request. */
    static Map<String, Object> authOnly(Api api, Options options, Cpu appCpu) throws InterruptedException {
        Api.Caller caller = api.basicCaller("psychiatrist");
        return ClosedLoop.run("GET /api/me (Basic)", options.clients(), 2, options.windows(),
                Math.max(1, options.windowSeconds() * 2 / 3), appCpu,
                (client, n) -> Api.expect(caller.get("/api/me"), 200, "GET /api/me"));
    }

    static Map<String, Map<String, Object>> run(Api api, Options options, Supplier<Map<String, Object>> store,
                                                Cpu appCpu, Supplier<AppProcess.VmWork> appVm) throws Exception {
        int clients = options.clients();
        int windows = options.windows();
        int seconds = options.windowSeconds();
        Api.Caller basic = api.basicCaller("psychiatrist");
        List<Api.Caller> sessions = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            sessions.add(api.sessionCaller("psychiatrist"));
        }

        // Existing cases: north's unrestricted demo cases, dealt out so that each client has its own.
        List<String> demo = AppProcess.ids(api.getJson("psychiatrist", "/api/cases?unit=north"), true);
        List<List<String>> casesByClient = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            casesByClient.add(new ArrayList<>());
        }
        for (int i = 0; i < demo.size(); i++) {
            casesByClient.get(i % clients).add(demo.get(i));
        }
        for (int c = 0; c < clients; c++) {
            if (casesByClient.get(c).isEmpty()) { // more clients than demo cases: open one for this client
                casesByClient.get(c).add(Api.openCase(basic, "north", "Bench extra " + c));
            }
        }

        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        Map<String, Object> before = store.get();
        results.put("recordGoalsBasic", ClosedLoop.run("POST /api/cases/{id}/goals (Basic)", clients, 3, windows,
                seconds, appCpu, appVm, (client, n) -> Api.recordGoals(basic, pick(casesByClient.get(client), n), n)));
        results.get("recordGoalsBasic").put("storeAtStart", before);

        before = store.get();
        results.put("recordGoalsSession", ClosedLoop.run("POST /api/cases/{id}/goals (session)", clients, 2, windows,
                seconds, appCpu, appVm, (client, n) -> Api.recordGoals(sessions.get(client), pick(casesByClient.get(client), n), n)));
        results.get("recordGoalsSession").put("storeAtStart", before);

        before = store.get();
        results.put("openCaseBasic", ClosedLoop.run("POST /api/cases (Basic)", clients, 2, windows, seconds, appCpu, appVm,
                (client, n) -> Api.openCase(basic, "north", "Bench B" + client + "-" + n)));
        results.get("openCaseBasic").put("storeAtStart", before);

        before = store.get();
        results.put("openCaseSession", ClosedLoop.run("POST /api/cases (session)", clients, 2, windows, seconds, appCpu, appVm,
                (client, n) -> Api.openCase(sessions.get(client), "north", "Bench S" + client + "-" + n)));
        results.get("openCaseSession").put("storeAtStart", before);
        results.get("openCaseSession").put("storeAtEnd", store.get());
        return results;
    }

    private static String pick(List<String> mine, long n) {
        return mine.get((int) (n % mine.size()));
    }
}
