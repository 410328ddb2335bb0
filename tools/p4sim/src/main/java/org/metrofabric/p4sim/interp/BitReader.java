package org.metrofabric.p4sim.interp;

import java.math.BigInteger;

/** Big-endian bit-level reads from packet bytes (writes: {@link org.metrofabric.p4sim.runtime.BitWriter}). */
public final class BitReader {
    private BitReader() {
    }

    /** Reads {@code width} <= 64 bits starting at {@code bitOffset}; the caller checks bounds. */
    public static long read(byte[] d, long bitOffset, int width) {
        int first = (int) (bitOffset >>> 3);
        int shift = (int) (bitOffset & 7);
        if (shift + width <= 64 && first + 8 <= d.length) {
            // Fast path: one big-endian 64-bit load covers the field.
            long word = 0;
            for (int i = 0; i < 8; i++) {
                word = (word << 8) | (d[first + i] & 0xFFL);
            }
            return (word << shift) >>> (64 - width);
        }
        long v = 0;
        long bit = bitOffset;
        int left = width;
        while (left > 0) {
            int byteIndex = (int) (bit >>> 3);
            int inByte = (int) (bit & 7);
            int take = Math.min(8 - inByte, left);
            int b = (d[byteIndex] & 0xFF) >>> (8 - inByte - take);
            v = (v << take) | (b & ((1 << take) - 1));
            bit += take;
            left -= take;
        }
        return v;
    }

    public static BigInteger readBig(byte[] d, long bitOffset, int width) {
        BigInteger v = BigInteger.ZERO;
        int done = 0;
        while (done < width) {
            int take = Math.min(56, width - done);
            v = v.shiftLeft(take).or(BigInteger.valueOf(read(d, bitOffset + done, take)));
            done += take;
        }
        return v;
    }
}
