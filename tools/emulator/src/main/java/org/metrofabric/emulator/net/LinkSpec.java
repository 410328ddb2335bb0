package org.metrofabric.emulator.net;

import org.metrofabric.emulator.clock.SimTime;

/**
 * What one direction of a full-duplex link does to a frame: it takes {@code bytes × 8 / rate}
 * to put on the wire (frame bytes only: preamble, inter-frame gap and FCS are not modelled),
 * {@code propagationNanos} to cross, and is lost with {@code lossProbability}.
 */
public record LinkSpec(long rateBitsPerSecond, long propagationNanos, double lossProbability) {
    public LinkSpec {
        if (rateBitsPerSecond <= 0) {
            throw new IllegalArgumentException("rateBitsPerSecond must be > 0, got " + rateBitsPerSecond);
        }
        if (propagationNanos < 0) {
            throw new IllegalArgumentException("propagationNanos must be >= 0, got " + propagationNanos);
        }
        if (!(lossProbability >= 0.0 && lossProbability <= 1.0)) {
            throw new IllegalArgumentException("lossProbability must be in [0, 1], got " + lossProbability);
        }
    }

    /** A lossless link of {@code gigabitsPerSecond} and one-way {@code propagationNanos}. */
    public static LinkSpec gbps(double gigabitsPerSecond, long propagationNanos) {
        return new LinkSpec(Math.round(gigabitsPerSecond * 1e9), propagationNanos, 0.0);
    }

    public LinkSpec withLoss(double probability) {
        return new LinkSpec(rateBitsPerSecond, propagationNanos, probability);
    }

    /** Time to serialise {@code bytes}, rounded up to the next nanosecond. */
    public long serializationNanos(long bytes) {
        long bitNanos = Math.multiplyExact(Math.multiplyExact(bytes, 8L), SimTime.NANOS_PER_SECOND);
        long whole = bitNanos / rateBitsPerSecond;
        return bitNanos % rateBitsPerSecond == 0 ? whole : whole + 1;
    }
}
