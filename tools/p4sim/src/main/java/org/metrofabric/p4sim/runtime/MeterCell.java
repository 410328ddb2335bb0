package org.metrofabric.p4sim.runtime;

/**
 * One colour-blind two-rate three-colour meter (RFC 2698) with BMv2's integer token buckets: rates are
 * turned into tokens per microsecond, both buckets start full when configured, and each execution adds
 * floor(µs since creation × rate) minus the tokens already credited, capped at the burst. The peak bucket
 * is checked first (short: RED, nothing taken), then the committed one (short: YELLOW).
 */
public final class MeterCell {
    public static final int GREEN = 0;
    public static final int YELLOW = 1;
    public static final int RED = 2;

    private final long createdMicros;
    private MeterConfig config;
    private final Bucket peak = new Bucket();
    private final Bucket committed = new Bucket();

    MeterCell(long createdMicros) {
        this.createdMicros = createdMicros;
    }

    public synchronized void configure(MeterConfig newConfig) {
        config = newConfig;
        peak.reset(newConfig.peakRate() / 1e6, newConfig.peakBurst());
        committed.reset(newConfig.committedRate() / 1e6, newConfig.committedBurst());
    }

    public synchronized void unconfigure() {
        config = null;
    }

    /** The configuration, or null when unconfigured. */
    public synchronized MeterConfig config() {
        return config;
    }

    /** Colours a packet of {@code units} (1 for packet meters, bytes for byte meters). */
    public synchronized int execute(long units, long nowMicros) {
        if (config == null) {
            return GREEN;
        }
        long elapsed = Math.max(0, nowMicros - createdMicros);
        if (!peak.take(units, elapsed)) {
            return RED;
        }
        if (!committed.take(units, elapsed)) {
            return YELLOW;
        }
        return GREEN;
    }

    private static final class Bucket {
        private double ratePerMicro;
        private long burst;
        private long tokens;
        private long credited;

        void reset(double newRatePerMicro, long newBurst) {
            ratePerMicro = newRatePerMicro;
            burst = newBurst;
            tokens = newBurst;
            credited = 0;
        }

        boolean take(long units, long elapsedMicros) {
            long earned = (long) Math.floor(elapsedMicros * ratePerMicro);
            tokens = Math.min(tokens + (earned - credited), burst);
            credited = earned;
            if (tokens < units) {
                return false;
            }
            tokens -= units;
            return true;
        }
    }
}
