package org.metrofabric.emulator.packet;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/** An ICMP echo request or reply (RFC 792). */
public record IcmpEcho(int type, int identifier, int sequence, byte[] data) {
    public static final int ECHO_REPLY = 0;
    public static final int ECHO_REQUEST = 8;
    private static final int HEADER_BYTES = 8;

    public byte[] encode() {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + data.length);
        buffer.put((byte) type).put((byte) 0).putShort((short) 0);
        buffer.putShort((short) identifier).putShort((short) sequence).put(data);
        byte[] bytes = buffer.array();
        int checksum = Checksums.internet(bytes, 0, bytes.length);
        bytes[2] = (byte) (checksum >>> 8);
        bytes[3] = (byte) checksum;
        return bytes;
    }

    /** The echo message in an ICMP payload, if it is one and its checksum verifies. */
    public static Optional<IcmpEcho> decode(byte[] icmp) {
        if (icmp.length < HEADER_BYTES || icmp[1] != 0 || Checksums.internet(icmp, 0, icmp.length) != 0) {
            return Optional.empty();
        }
        int type = icmp[0] & 0xff;
        if (type != ECHO_REQUEST && type != ECHO_REPLY) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(icmp);
        return Optional.of(new IcmpEcho(type, buffer.getShort(4) & 0xffff, buffer.getShort(6) & 0xffff,
                Arrays.copyOfRange(icmp, HEADER_BYTES, icmp.length)));
    }
}
