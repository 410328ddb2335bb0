package org.metrofabric.p4sim.runtime;

import java.math.BigInteger;
import java.util.Set;

/**
 * BMv2's hash algorithms over packed bytes (see {@link BitWriter}). The {@code *_custom} CRCs use BMv2's
 * defaults, which equal the plain CRCs; run-time reconfiguration of them is not modelled. {@code random}
 * is rejected as BMv2 rejects it when loading a program.
 */
public final class Hashes {
    public static final Set<String> ALGORITHMS =
            Set.of("crc16", "crc32", "crc16_custom", "crc32_custom", "csum16", "xor16", "identity");

    private static final int[] CRC16_ARC_TABLE = reflectedTable(0xA001);
    private static final int[] CRC32_TABLE = reflectedTable(0xEDB88320);

    private Hashes() {
    }

    /**
     * Hashes {@code packed}, whose first {@code bitLength} bits are meaningful (the rest is padding or, for
     * {@code *_with_payload}, appended payload bytes that count too).
     */
    public static BigInteger compute(String algorithm, byte[] packed, int bitLength) {
        if (bitLength < 0 || bitLength > packed.length * 8L) {
            throw new IllegalArgumentException(
                    "bit length " + bitLength + " does not fit " + packed.length + " bytes");
        }
        long hash = computeLong(algorithm, packed);
        BigInteger value = BigInteger.valueOf(hash & Long.MAX_VALUE);
        return hash < 0 ? value.setBit(63) : value;
    }

    /** The same as {@link #compute} as an unsigned 64-bit pattern; for hot paths such as selectors. */
    public static long computeLong(String algorithm, byte[] packed) {
        switch (algorithm) {
            case "crc16":
            case "crc16_custom":
                return crc16Arc(packed);
            case "crc32":
            case "crc32_custom":
                return crc32(packed);
            case "csum16":
                return csum16(packed);
            case "xor16":
                return xor16(packed);
            case "identity":
                return identity(packed);
            default:
                throw new IllegalArgumentException("Unknown hash algorithm '" + algorithm
                        + "' (BMv2 knows " + String.join(", ", ALGORITHMS.stream().sorted().toList()) + ")");
        }
    }

    public static boolean isKnown(String algorithm) {
        return ALGORITHMS.contains(algorithm);
    }

    private static int[] reflectedTable(int reflectedPoly) {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ reflectedPoly : crc >>> 1;
            }
            table[i] = crc;
        }
        return table;
    }

    static int crc16Arc(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc = (crc >>> 8) ^ CRC16_ARC_TABLE[(crc ^ b) & 0xff];
        }
        return crc & 0xffff;
    }

    static long crc32(byte[] data) {
        int crc = 0xffffffff;
        for (byte b : data) {
            crc = (crc >>> 8) ^ CRC32_TABLE[(crc ^ b) & 0xff];
        }
        return Integer.toUnsignedLong(~crc);
    }

    /** RFC 1071 Internet checksum over big-endian 16-bit words, an odd last byte padded with zero. */
    static int csum16(byte[] data) {
        long sum = 0;
        for (int i = 0; i < data.length; i += 2) {
            int high = data[i] & 0xff;
            int low = i + 1 < data.length ? data[i + 1] & 0xff : 0;
            sum += (high << 8) | low;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /** XOR of big-endian 16-bit words, an odd last byte taken as the high byte. */
    static int xor16(byte[] data) {
        int result = 0;
        for (int i = 0; i < data.length; i += 2) {
            int high = data[i] & 0xff;
            int low = i + 1 < data.length ? data[i + 1] & 0xff : 0;
            result ^= (high << 8) | low;
        }
        return result;
    }

    /** The first up to eight bytes, big-endian. */
    static long identity(byte[] data) {
        long result = 0;
        for (int i = 0; i < Math.min(8, data.length); i++) {
            result = (result << 8) | (data[i] & 0xff);
        }
        return result;
    }
}
