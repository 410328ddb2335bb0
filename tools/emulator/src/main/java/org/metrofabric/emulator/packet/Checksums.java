package org.metrofabric.emulator.packet;

/** The Internet checksum (RFC 1071). */
public final class Checksums {
    private Checksums() {
    }

    /** One's-complement of the one's-complement sum of big-endian 16-bit words; 0 over data that includes a valid checksum. */
    public static int internet(byte[] bytes, int offset, int length) {
        long sum = 0;
        int end = offset + length;
        for (int i = offset; i + 1 < end; i += 2) {
            sum += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
        }
        if ((length & 1) == 1) {
            sum += (bytes[end - 1] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
