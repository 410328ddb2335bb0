package org.metrofabric.p4sim.arch.v1model;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A frame the switch sent out of {@code port}, from the priority queue {@code priority} it was enqueued
 * in (standard_metadata.priority at the end of ingress, or of the egress pass that cloned it; 0 with one
 * queue per port).
 */
public record OutputPacket(int port, byte[] bytes, int priority) {
    /** A frame from the default queue (priority 0). */
    public OutputPacket(int port, byte[] bytes) {
        this(port, bytes, 0);
    }

    @Override
    public String toString() {
        return port + (priority == 0 ? "" : " (priority " + priority + ")") + " " + HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputPacket p && p.port == port && p.priority == priority && Arrays.equals(p.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * port + priority) + Arrays.hashCode(bytes);
    }
}
