package org.metrofabric.emulator.hosts;

import java.util.Arrays;

/**
 * Every latency sample of a flow, kept (8 bytes each) so that percentiles are exact rather than
 * bucketed: p99 is the nearest-rank value, the smallest sample with at least 99 % of samples at
 * or below it. Sorting happens once per query on a copy.
 */
public final class LatencySamples {
    private long[] samples = new long[64];
    private int count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    public void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
        sum += nanos;
        min = Math.min(min, nanos);
        max = Math.max(max, nanos);
    }

    public int count() {
        return count;
    }

    /** Smallest sample; fails if there is none. */
    public long min() {
        requireSamples();
        return min;
    }

    public long max() {
        requireSamples();
        return max;
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
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sorted[Math.max(rank, 1) - 1];
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
