package org.metrofabric.emulator.hosts;

import org.metrofabric.emulator.clock.SimTime;

/** When the k-th packet of a flow is sent, relative to the flow's start. */
public sealed interface TrafficPattern {
    /** Offset of packet {@code k} (k ≥ 0) from the start, in ns. */
    long offsetNanos(long k);

    /** Evenly spaced packets; packet k leaves at floor(k × 1 s / rate), so the rate never drifts. */
    record ConstantRate(long packetsPerSecond) implements TrafficPattern {
        public ConstantRate {
            if (packetsPerSecond <= 0) {
                throw new IllegalArgumentException("packetsPerSecond must be > 0, got " + packetsPerSecond);
            }
        }

        @Override
        public long offsetNanos(long k) {
            return Math.multiplyExact(k, SimTime.NANOS_PER_SECOND) / packetsPerSecond;
        }
    }

    /**
     * Bursts: during each {@code onNanos} period packets leave at {@code packetsPerSecond}, then
     * nothing for {@code offNanos}. A burst holds max(1, floor(on × rate)) packets.
     */
    record OnOff(long packetsPerSecond, long onNanos, long offNanos) implements TrafficPattern {
        public OnOff {
            if (packetsPerSecond <= 0) {
                throw new IllegalArgumentException("packetsPerSecond must be > 0, got " + packetsPerSecond);
            }
            if (onNanos <= 0) {
                throw new IllegalArgumentException("onNanos must be > 0, got " + onNanos);
            }
            if (offNanos < 0) {
                throw new IllegalArgumentException("offNanos must be >= 0, got " + offNanos);
            }
        }

        public long packetsPerBurst() {
            return Math.max(1, Math.multiplyExact(onNanos, packetsPerSecond) / SimTime.NANOS_PER_SECOND);
        }

        @Override
        public long offsetNanos(long k) {
            long burst = k / packetsPerBurst();
            long inBurst = k % packetsPerBurst();
            return Math.multiplyExact(burst, onNanos + offNanos)
                    + Math.multiplyExact(inBurst, SimTime.NANOS_PER_SECOND) / packetsPerSecond;
        }
    }
}
