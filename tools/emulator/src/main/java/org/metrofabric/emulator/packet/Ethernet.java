package org.metrofabric.emulator.packet;

import java.nio.ByteBuffer;

/** Untagged Ethernet II frames; MAC addresses are the low 48 bits of a {@code long}. */
public final class Ethernet {
    public static final int HEADER_BYTES = 14;
    public static final int TYPE_IPV4 = 0x0800;
    public static final int TYPE_ARP = 0x0806;
    public static final long BROADCAST = 0xFFFF_FFFF_FFFFL;

    private Ethernet() {
    }

    public static byte[] frame(long dst, long src, int etherType, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        putMac(buffer, dst);
        putMac(buffer, src);
        buffer.putShort((short) etherType);
        buffer.put(payload);
        return buffer.array();
    }

    /** Whether {@code frame} is long enough to carry an Ethernet header. */
    public static boolean hasHeader(byte[] frame) {
        return frame.length >= HEADER_BYTES;
    }

    public static long dst(byte[] frame) {
        return getMac(frame, 0);
    }

    public static long src(byte[] frame) {
        return getMac(frame, 6);
    }

    public static int etherType(byte[] frame) {
        return ((frame[12] & 0xff) << 8) | (frame[13] & 0xff);
    }

    static void putMac(ByteBuffer buffer, long mac) {
        for (int shift = 40; shift >= 0; shift -= 8) {
            buffer.put((byte) (mac >>> shift));
        }
    }

    static long getMac(byte[] bytes, int offset) {
        long mac = 0;
        for (int i = 0; i < 6; i++) {
            mac = (mac << 8) | (bytes[offset + i] & 0xff);
        }
        return mac;
    }
}
