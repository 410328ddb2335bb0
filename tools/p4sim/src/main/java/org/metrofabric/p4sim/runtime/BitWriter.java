package org.metrofabric.p4sim.runtime;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A growing buffer written MSB-first without gaps, the last byte zero-padded: the layout BMv2 feeds to
 * hash(), checksums and action selectors, and the layout of a deparsed packet. One writer is reused
 * packet after packet ({@link #clear()}), so packing allocates only the bytes it returns.
 */
public final class BitWriter {
    /** Bits moved at a time for wide values; fits a long after any bit offset. */
    private static final int CHUNK_BITS = 56;

    private byte[] data;
    private long bits;

    public BitWriter() {
        this(128);
    }

    private BitWriter(int capacityBytes) {
        data = new byte[Math.max(1, capacityBytes)];
    }

    /** Packs each value's low {@code widths[i]} bits, first value first. */
    public static byte[] pack(BigInteger[] values, int[] widths) {
        if (values.length != widths.length) {
            throw new IllegalArgumentException(values.length + " values but " + widths.length + " widths");
        }
        long totalBits = 0;
        for (int width : widths) {
            if (width < 0) {
                throw new IllegalArgumentException("negative width " + width);
            }
            totalBits += width;
        }
        BitWriter writer = new BitWriter((int) ((totalBits + 7) >>> 3));
        for (int i = 0; i < values.length; i++) {
            writer.write(values[i], widths[i]);
        }
        // Sized exactly and never reused: hand over the buffer itself (unless empty, where it is 1 byte).
        return totalBits == 0 ? new byte[0] : writer.data;
    }

    /** Appends the low {@code width} (at most 64) bits of {@code value}. */
    public void write(long value, int width) {
        ensure(bits + width);
        int at = (int) (bits >>> 3);
        int used = (int) (bits & 7);
        bits += width;
        long v = width < Long.SIZE ? value & ((1L << width) - 1) : value;
        int left = width;
        if (used != 0) {
            int free = 8 - used;
            if (left <= free) {
                data[at] |= (byte) (v << (free - left));
                return;
            }
            data[at++] |= (byte) (v >>> (left - free));
            left -= free;
        }
        while (left >= 8) {
            left -= 8;
            data[at++] = (byte) (v >>> left);
        }
        if (left > 0) {
            data[at] = (byte) (v << (8 - left));
        }
    }

    /** Appends the low {@code width} bits of {@code value}, any width. */
    public void write(BigInteger value, int width) {
        if (width <= Long.SIZE) {
            write(value.longValue(), width);
            return;
        }
        int done = 0;
        while (done < width) {
            int take = Math.min(CHUNK_BITS, width - done);
            write(value.shiftRight(width - done - take).longValue() & ((1L << take) - 1), take);
            done += take;
        }
    }

    /** Appends bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code src}. */
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

    /** Empties the writer for reuse. */
    public void clear() {
        Arrays.fill(data, 0, (int) ((bits + 7) >>> 3), (byte) 0);
        bits = 0;
    }

    public long bitLength() {
        return bits;
    }

    /** The bytes written so far, the last one zero-padded. */
    public byte[] toBytes() {
        return Arrays.copyOf(data, (int) ((bits + 7) >>> 3));
    }
}
