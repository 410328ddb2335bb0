package org.metrofabric.emulator.clock;

/** Conversions to the scheduler's unit, the nanosecond. */
public final class SimTime {
    public static final long NANOS_PER_MICRO = 1_000L;
    public static final long NANOS_PER_MILLI = 1_000_000L;
    public static final long NANOS_PER_SECOND = 1_000_000_000L;

    private SimTime() {
    }

    public static long micros(long micros) {
        return Math.multiplyExact(micros, NANOS_PER_MICRO);
    }

    public static long millis(long millis) {
        return Math.multiplyExact(millis, NANOS_PER_MILLI);
    }

    public static long seconds(long seconds) {
        return Math.multiplyExact(seconds, NANOS_PER_SECOND);
    }
}
