package org.metrofabric.p4sim.interp;

import java.math.BigInteger;
import java.util.Arrays;

/** Big-endian bit-level reads from packet bytes and writes into a growing buffer. */
public final class BitIO {
    private BitIO() {
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

    /** An output buffer written MSB-first. */
    public static final class Writer {
        private byte[] data = new byte[128];
        private long bits;

        public void write(long value, int width) {
            ensure(bits + width);
            if ((bits & 7) == 0 && (width & 7) == 0) {
                int at = (int) (bits >>> 3);
                for (int shift = width - 8; shift >= 0; shift -= 8) {
                    data[at++] = (byte) (value >>> shift);
                }
                bits += width;
                return;
            }
            for (int i = width - 1; i >= 0; ) {
                int byteIndex = (int) (bits >>> 3);
                int inByte = (int) (bits & 7);
                int take = Math.min(8 - inByte, i + 1);
                int chunk = (int) ((value >>> (i + 1 - take)) & ((1 << take) - 1));
                data[byteIndex] |= (byte) (chunk << (8 - inByte - take));
                bits += take;
                i -= take;
            }
        }

        public void write(BigInteger value, int width) {
            int done = 0;
            while (done < width) {
                int take = Math.min(56, width - done);
                write(value.shiftRight(width - done - take).longValue() & Ev.mask(take), take);
                done += take;
            }
        }

        public void writeBytes(byte[] src, int from, int to) {
            if ((bits & 7) == 0) {
                ensure(bits + (long) (to - from) * 8);
                System.arraycopy(src, from, data, (int) (bits >>> 3), to - from);
                bits += (long) (to - from) * 8;
                return;
            }
            for (int i = from; i < to; i++) {
                write(src[i] & 0xFF, 8);
            }
        }

        private void ensure(long totalBits) {
            int need = (int) ((totalBits + 7) >>> 3);
            if (need > data.length) {
                data = Arrays.copyOf(data, Math.max(need, data.length * 2));
            }
        }

        public void clear() {
            Arrays.fill(data, 0, (int) ((bits + 7) >>> 3), (byte) 0);
            bits = 0;
        }

        public long bitLength() {
            return bits;
        }

        public byte[] toBytes() {
            return Arrays.copyOf(data, (int) ((bits + 7) >>> 3));
        }
    }
}
