package org.metrofabric.p4sim.conformance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

/** A frame on a port, compared by value; golden order is by port, then by hex bytes. */
public record Frame(int port, byte[] bytes) {
    public static final Comparator<Frame> GOLDEN_ORDER =
            Comparator.comparingInt(Frame::port).thenComparing(Frame::hex);

    public Frame {
        bytes = bytes.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Frame frame && frame.port == port && Arrays.equals(frame.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * port + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return port + " " + hex();
    }
}
