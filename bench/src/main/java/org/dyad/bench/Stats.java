package org.dyad.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small numeric helpers: nearest-rank percentiles and medians. */
final class Stats {

    private Stats() {
    }

    /** Nearest-rank percentile of {@code values} (any order); NaN when empty. */
    static double percentile(long[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static long[] toArray(Collection<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** p50/p90/p99/max of nanosecond samples, in milliseconds. */
    static Map<String, Object> latencyMillis(long[] nanos) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", nanos.length);
        m.put("p50Ms", round(percentile(nanos, 50) / 1e6));
        m.put("p90Ms", round(percentile(nanos, 90) / 1e6));
        m.put("p99Ms", round(percentile(nanos, 99) / 1e6));
        m.put("maxMs", round(percentile(nanos, 100) / 1e6));
        return m;
    }

    static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return Math.round(value * 10.0) / 10.0;
    }
}
