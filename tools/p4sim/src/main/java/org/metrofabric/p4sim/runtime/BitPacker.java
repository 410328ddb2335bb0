package org.metrofabric.p4sim.runtime;

import java.math.BigInteger;

/**
 * Packs values MSB-first without gaps, zero-padding the last byte: the layout BMv2 feeds to hash(),
 * checksums and action selectors.
 */
public final class BitPacker {
    private BitPacker() {
    }

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
        int bitPos = 0;
        for (int i = 0; i < values.length; i++) {
            BigInteger value = values[i];
            for (int bit = widths[i] - 1; bit >= 0; bit--) {
                if (value.testBit(bit)) {
                    out[bitPos >>> 3] |= (byte) (0x80 >>> (bitPos & 7));
                }
                bitPos++;
            }
        }
        return out;
    }
}
