package org.metrofabric.emulator.packet;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/** An IPv4 packet without options; addresses are {@code int}s in network order. */
public record Ipv4(int dscp, int ttl, int protocol, int src, int dst, int identification, byte[] payload) {
    public static final int HEADER_BYTES = 20;
    public static final int PROTO_ICMP = 1;
    public static final int PROTO_UDP = 17;

    /** The packet with its header checksum filled in. */
    public byte[] encode() {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        buffer.put((byte) 0x45).put((byte) (dscp << 2)).putShort((short) (HEADER_BYTES + payload.length));
        buffer.putShort((short) identification).putShort((short) 0);
        buffer.put((byte) ttl).put((byte) protocol).putShort((short) 0);
        buffer.putInt(src).putInt(dst);
        buffer.put(payload);
        byte[] bytes = buffer.array();
        int checksum = Checksums.internet(bytes, 0, HEADER_BYTES);
        bytes[10] = (byte) (checksum >>> 8);
        bytes[11] = (byte) checksum;
        return bytes;
    }

    /**
     * The IPv4 packet after the Ethernet header, if it is well formed and its header checksum
     * verifies; options are skipped, the payload ends at the total length.
     */
    public static Optional<Ipv4> decode(byte[] frame) {
        int at = Ethernet.HEADER_BYTES;
        if (frame.length < at + HEADER_BYTES || (frame[at] & 0xf0) != 0x40) {
            return Optional.empty();
        }
        int headerBytes = (frame[at] & 0x0f) * 4;
        int totalLength = ((frame[at + 2] & 0xff) << 8) | (frame[at + 3] & 0xff);
        if (headerBytes < HEADER_BYTES || totalLength < headerBytes || frame.length < at + totalLength
                || Checksums.internet(frame, at, headerBytes) != 0) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        return Optional.of(new Ipv4((frame[at + 1] & 0xff) >>> 2, frame[at + 8] & 0xff, frame[at + 9] & 0xff,
                buffer.getInt(at + 12), buffer.getInt(at + 16), buffer.getShort(at + 4) & 0xffff,
                Arrays.copyOfRange(frame, at + headerBytes, at + totalLength)));
    }

    /** Dotted-quad text of {@code address}. */
    public static String text(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }
}
