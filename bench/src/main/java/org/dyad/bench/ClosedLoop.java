package org.dyad.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * N clients, each sending its next request as soon as the previous one is answered, for a warm-up and then a
 * number of measured windows. Reports the median rate of successful requests over the windows and the latency
 * of requests that started and ended inside the measured span.
 */
final class ClosedLoop {

    /** One client's request; returns normally on success (2xx), throws otherwise. */
    interface Request {
        void send(int client, long n) throws Exception;
    }

    private ClosedLoop() {
    }

    static Map<String, Object> run(String name, int clients, int warmUpSeconds, int windows, int windowSeconds,
                                   Request request) throws InterruptedException {
        return run(name, clients, warmUpSeconds, windows, windowSeconds, Cpu.NONE, request);
    }

    /** As above, also reporting the CPU time {@code appCpu} (ns) spent per successful request while measuring. */
    static Map<String, Object> run(String name, int clients, int warmUpSeconds, int windows, int windowSeconds,
                                   Cpu appCpu, Request request) throws InterruptedException {
        return run(name, clients, warmUpSeconds, windows, windowSeconds, appCpu, () -> AppProcess.VmWork.UNKNOWN, request);
    }

    /** As above, also reporting what the app's JIT compilers did while measuring. */
    static Map<String, Object> run(String name, int clients, int warmUpSeconds, int windows, int windowSeconds,
                                   Cpu appCpu, Supplier<AppProcess.VmWork> appVm, Request request)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        List<List<long[]>> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<long[]> mine = new ArrayList<>();
            samples.add(mine);
            int client = c;
            Thread thread = new Thread(() -> {
                long n = 0;
                while (!stop.get()) {
                    long start = System.nanoTime();
                    try {
                        request.send(client, n++);
                        mine.add(new long[]{start, System.nanoTime()});
                        ok.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        if (errors.size() < 5) {
                            errors.add(String.valueOf(e.getMessage()));
                        }
                    }
                }
            }, name + "-client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);

        Bench.progress("%s: %d clients, warm-up %d s", name, clients, warmUpSeconds);
        Thread.sleep(warmUpSeconds * 1000L);
        long failedBefore = failed.get();
        AppProcess.VmWork vmStart = appVm.get();
        long cpuStart = appCpu.nanos();
        long benchCpuStart = Cpu.BENCH.nanos();
        long measureStart = System.nanoTime();
        List<Double> rates = new ArrayList<>();
        long measuredOk = 0;
        for (int w = 1; w <= windows; w++) {
            long c0 = ok.get();
            long t0 = System.nanoTime();
            Thread.sleep(windowSeconds * 1000L);
            long c1 = ok.get();
            long t1 = System.nanoTime();
            double rate = (c1 - c0) / ((t1 - t0) / 1e9);
            rates.add(rate);
            measuredOk += c1 - c0;
            Bench.progress("%s: window %d/%d: %.1f/s", name, w, windows, rate);
        }
        long measureEnd = System.nanoTime();
        long cpuEnd = appCpu.nanos();
        long benchCpuEnd = Cpu.BENCH.nanos();
        AppProcess.VmWork vmEnd = appVm.get();
        long measuredFailed = failed.get() - failedBefore;
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(35_000);
        }

        List<Long> latencies = new ArrayList<>();
        for (List<long[]> mine : samples) {
            for (long[] s : mine) {
                if (s[0] >= measureStart && s[1] <= measureEnd) {
                    latencies.add(s[1] - s[0]);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("clients", clients);
        result.put("perSecondMedian", Stats.round(Stats.median(rates)));
        result.put("perSecondWindows", rates.stream().map(Stats::round).toList());
        result.put("succeeded", measuredOk);
        result.put("failed", measuredFailed);
        result.put("latency", Stats.latencyMillis(Stats.toArray(latencies)));
        if (cpuStart >= 0 && cpuEnd >= 0 && measuredOk > 0) {
            result.put("appCpuMsPerRequest", Stats.round((cpuEnd - cpuStart) / 1e6 / measuredOk));
            result.put("appCpuCoresBusy", Math.round((cpuEnd - cpuStart) / (double) (measureEnd - measureStart) * 100) / 100.0);
        }
        result.put("benchCpuCoresBusy",
                Math.round((benchCpuEnd - benchCpuStart) / (double) (measureEnd - measureStart) * 100) / 100.0);
        result.putAll(vmEnd.since(vmStart, "app", "Measured"));
        if (!errors.isEmpty()) {
            result.put("firstErrors", List.copyOf(errors));
        }
        return result;
    }
}
