package org.metrofabric.p4sim.runtime;

/** A counter cell's value: packets and bytes (both always kept, whatever the P4Info unit). */
public record CounterData(long packets, long bytes) {
    public static final CounterData ZERO = new CounterData(0, 0);
}
