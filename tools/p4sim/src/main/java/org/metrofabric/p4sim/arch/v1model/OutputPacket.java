package org.metrofabric.p4sim.arch.v1model;

import java.util.HexFormat;

/** A frame the switch sent out of {@code port}. */
public record OutputPacket(int port, byte[] bytes) {
    @Override
    public String toString() {
        return port + " " + HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputPacket p && p.port == port && java.util.Arrays.equals(p.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * port + java.util.Arrays.hashCode(bytes);
    }
}
