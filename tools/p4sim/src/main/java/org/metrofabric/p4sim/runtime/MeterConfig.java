package org.metrofabric.p4sim.runtime;

/**
 * A two-rate three-colour meter configuration as P4Runtime gives it: committed and peak information rates
 * in units (packets or bytes) per second, bursts in units.
 */
public record MeterConfig(double committedRate, long committedBurst, double peakRate, long peakBurst) {
    public MeterConfig {
        if (!(committedRate >= 0) || !(peakRate >= 0) || committedBurst < 0 || peakBurst < 0) {
            throw new IllegalArgumentException("meter rates and bursts must be non-negative: " + this);
        }
        if (committedRate > peakRate) {
            throw new IllegalArgumentException(
                    "committed rate " + committedRate + " exceeds peak rate " + peakRate);
        }
    }

    @Override
    public String toString() {
        return committedRate + "/" + committedBurst + " " + peakRate + "/" + peakBurst;
    }
}
