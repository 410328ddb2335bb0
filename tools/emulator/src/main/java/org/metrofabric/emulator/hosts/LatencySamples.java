package org.metrofabric.emulator.hosts;

import java.util.Map;
import java.util.TreeMap;

/**
 * A flow's latency samples, counted per distinct value so that percentiles stay exact (not
 * bucketed) while memory grows with the number of different latencies, not with the packets: a
 * flow served for hours repeats the same few path and queueing delays. p99 is the nearest-rank
 * value, the smallest sample with at least 99 % of samples at or below it.
 */
public final class LatencySamples {
    private final TreeMap<Long, Long> countByNanos = new TreeMap<>();
    private long count;
    private long sum;

    public void add(long nanos) {
        countByNanos.merge(nanos, 1L, Long::sum);
        count++;
        sum += nanos;
    }

    public long count() {
        return count;
    }

    /** Smallest sample; fails if there is none. */
    public long min() {
        requireSamples();
        return countByNanos.firstKey();
    }

    public long max() {
        requireSamples();
        return countByNanos.lastKey();
    }

    public double mean() {
        requireSamples();
        return (double) sum / count;
    }

    /** Nearest-rank percentile, {@code 0 < percent <= 100}. */
    public long percentile(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percent);
        }
        requireSamples();
        long rank = Math.max((long) Math.ceil(percent / 100.0 * count), 1);
        long seen = 0;
        for (Map.Entry<Long, Long> value : countByNanos.entrySet()) {
            seen += value.getValue();
            if (seen >= rank) {
                return value.getKey();
            }
        }
        return countByNanos.lastKey();
    }

    public long p99() {
        return percentile(99);
    }

    private void requireSamples() {
        if (count == 0) {
            throw new IllegalStateException("no latency samples yet");
        }
    }
}
