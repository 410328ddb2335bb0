package org.metrofabric.p4sim.runtime;

import java.math.BigInteger;

/**
 * Packs values MSB-first without gaps, zero-padding the last byte: the layout BMv2 feeds to hash(),
 * checksums and action selectors.
 */
public final class BitPacker {
    /** Bits moved at a time; with fewer than 8 bits pending, a chunk always fits in a long. */
    private static final int CHUNK_BITS = 48;

    private BitPacker() {
    }

    /** {@code take} bits of {@code value} starting {@code shift} bits above its least significant bit. */
    private static long chunk(BigInteger value, int shift, int take) {
        long mask = (1L << take) - 1;
        if (shift == 0 && value.bitLength() <= 63) {
            return value.longValue() & mask;
        }
        return value.shiftRight(shift).longValue() & mask;
    }

    /** Packs each value's low {@code widths[i]} bits, first value first. */
    public static byte[] pack(BigInteger[] values, int[] widths) {
        if (values.length != widths.length) {
            throw new IllegalArgumentException(
                    values.length + " values but " + widths.length + " widths");
        }
        int totalBits = 0;
        for (int width : widths) {
            if (width < 0) {
                throw new IllegalArgumentException("negative width " + width);
            }
            totalBits += width;
        }
        byte[] out = new byte[(totalBits + 7) / 8];
        int outPos = 0;
        long pending = 0;
        int pendingBits = 0;
        for (int i = 0; i < values.length; i++) {
            int width = widths[i];
            int remaining = width;
            while (remaining > 0) {
                int take = Math.min(CHUNK_BITS, remaining);
                long chunk = chunk(values[i], remaining - take, take);
                pending = (pending << take) | chunk;
                pendingBits += take;
                while (pendingBits >= 8) {
                    out[outPos++] = (byte) (pending >>> (pendingBits - 8));
                    pendingBits -= 8;
                }
                pending &= (1L << pendingBits) - 1;
                remaining -= take;
            }
        }
        if (pendingBits > 0) {
            out[outPos] = (byte) (pending << (8 - pendingBits));
        }
        return out;
    }
}
