package org.dyad.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/** CPU time consumed so far by a process, in nanoseconds; negative when unknown. */
@FunctionalInterface
interface Cpu {

    long nanos();

    Cpu NONE = () -> -1;

    /** This JVM: the benchmark's own clients, sharing the machine with the app. */
    Cpu BENCH = () -> ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getProcessCpuTime() : -1;

    /** Another process, e.g. the app (Linux: from /proc, all its threads). */
    static Cpu of(ProcessHandle process) {
        return () -> process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}
