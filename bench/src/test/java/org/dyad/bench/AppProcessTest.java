package org.dyad.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class AppProcessTest {

    /** Lines of what {@code jcmd PerfCounter.print} printed for a JDK 17 JVM (G1), with others around them. */
    private static final String PERF_COUNTERS = """
            1234:
            java.ci.totalTime=10535543483
            sun.ci.totalCompilesX=7
            sun.ci.totalCompiles=4030
            sun.gc.collector.0.invocations=3
            sun.gc.collector.0.name="G1 young collection pauses"
            sun.gc.collector.0.time=37697624
            sun.gc.collector.1.invocations=1
            sun.gc.collector.1.name="G1 full collection pauses"
            sun.gc.collector.1.time=412000000
            sun.gc.collector.2.invocations=0
            sun.os.hrt.frequency=1000000000
            """;

    @Test
    void theJvmsWorkIsReadFromItsPerformanceCountersAndGivenAsWhatWasDoneSinceAnEarlierReading() {
        AppProcess.VmWork before = AppProcess.vmWork(PERF_COUNTERS.replace("totalCompiles=4030", "totalCompiles=4000")
                .replace("collector.0.invocations=3", "collector.0.invocations=1")
                .replace("collector.0.time=37697624", "collector.0.time=12000000")
                .replace("collector.1.invocations=1", "collector.1.invocations=0")
                .replace("collector.1.time=412000000", "collector.1.time=0")
                .replace("totalTime=10535543483", "totalTime=9535543483"));
        AppProcess.VmWork after = AppProcess.vmWork(PERF_COUNTERS);

        assertThat(after).isEqualTo(new AppProcess.VmWork(4030, 10.535543483, 3, 0.037697624, 1, 0.412));
        assertThat(after.since(before, "app", "Measured")).containsExactly(
                entry("appJitCompilationsMeasured", 30L), entry("appJitSecondsMeasured", 1.0),
                entry("appYoungGcsMeasured", 2L), entry("appYoungGcMsMeasured", 25.7),
                entry("appFullGcsMeasured", 1L), entry("appFullGcMsMeasured", 412.0));
    }

    @Test
    void withoutTheJitsCountersTheWorkIsUnknownAndWithoutTheCollectorsOnlyTheJitIsGiven() {
        assertThat(AppProcess.vmWork("1234:\nPerfCounter.print: unknown command\n")).isSameAs(AppProcess.VmWork.UNKNOWN);
        AppProcess.VmWork jitOnly = AppProcess.vmWork(PERF_COUNTERS.replaceAll("(?m)^sun\\.gc\\..*\\n", ""));
        assertThat(jitOnly.since(jitOnly, "app", "")).containsOnlyKeys("appJitCompilations", "appJitSeconds");
        assertThat(AppProcess.VmWork.UNKNOWN.since(jitOnly, "app", "")).isEmpty();
    }

    /** What {@code jcmd GC.heap_info} printed for a JDK 17 JVM holding 64 MiB, after {@code GC.run}, per collector. */

    @Test
    void g1sHeapIsItsOneLine() {
        assertThat(AppProcess.heapUsedKiB("""
                13002:
                 garbage-first heap   total 327680K, used 71618K [0x0000000686800000, 0x0000000800000000)
                  region size 4096K, 0 young (0K), 0 survivors (0K)
                 Metaspace       used 9124K, committed 9344K, reserved 1114112K
                  class space    used 1095K, committed 1216K, reserved 1048576K
                """)).isEqualTo(71618);
    }

    @Test
    void theParallelCollectorsHeapIsItsYoungAndOldGenerationsWithoutMetaspace() {
        assertThat(AppProcess.heapUsedKiB("""
                13063:
                 PSYoungGen      total 113152K, used 512K [0x0000000782380000, 0x000000078a180000, 0x0000000800000000)
                  eden space 97280K, 0% used [0x0000000782380000,0x0000000782380000,0x0000000788280000)
                  from space 15872K, 0% used [0x0000000788280000,0x0000000788280000,0x0000000789200000)
                  to   space 15872K, 0% used [0x0000000789200000,0x0000000789200000,0x000000078a180000)
                 ParOldGen       total 258048K, used 67843K [0x0000000686a00000, 0x0000000696600000, 0x0000000782380000)
                  object space 258048K, 26% used [0x0000000686a00000,0x000000068ac40d68,0x0000000696600000)
                 Metaspace       used 9077K, committed 9344K, reserved 1114112K
                  class space    used 1094K, committed 1216K, reserved 1048576K
                """)).isEqualTo(512 + 67843);
    }

    @Test
    void theSerialCollectorsHeapIsItsYoungAndTenuredGenerations() {
        assertThat(AppProcess.heapUsedKiB("""
                13120:
                 def new generation   total 116224K, used 0K [0x0000000686a00000, 0x000000068e810000, 0x00000007046a0000)
                  eden space 103360K,   0% used [0x0000000686a00000, 0x0000000686a00000, 0x000000068cef0000)
                 tenured generation   total 258048K, used 67839K [0x00000007046a0000, 0x00000007142a0000, 0x0000000800000000)
                 Metaspace       used 9075K, committed 9344K, reserved 1114112K
                """)).isEqualTo(67839);
    }

    @Test
    void outputWithoutAHeapLineIsNotReadAsAHeap() {
        assertThat(AppProcess.heapUsedKiB("13063:\nGC.heap_info: unknown command\n Metaspace       used 9077K\n"))
                .isEqualTo(-1);
    }
}
