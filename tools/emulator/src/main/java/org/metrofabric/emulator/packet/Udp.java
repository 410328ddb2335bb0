package org.metrofabric.emulator.packet;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/** A UDP datagram; sent with checksum 0 ("none", allowed over IPv4). */
public record Udp(int srcPort, int dstPort, byte[] payload) {
    public static final int HEADER_BYTES = 8;

    public byte[] encode() {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        buffer.putShort((short) srcPort).putShort((short) dstPort);
        buffer.putShort((short) (HEADER_BYTES + payload.length)).putShort((short) 0).put(payload);
        return buffer.array();
    }

    /** The datagram in an IPv4 payload, if its length field fits. */
    public static Optional<Udp> decode(byte[] ipPayload) {
        if (ipPayload.length < HEADER_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(ipPayload);
        int length = buffer.getShort(4) & 0xffff;
        if (length < HEADER_BYTES || length > ipPayload.length) {
            return Optional.empty();
        }
        return Optional.of(new Udp(buffer.getShort(0) & 0xffff, buffer.getShort(2) & 0xffff,
                Arrays.copyOfRange(ipPayload, HEADER_BYTES, length)));
    }
}
