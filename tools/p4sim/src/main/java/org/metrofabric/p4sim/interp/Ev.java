package org.metrofabric.p4sim.interp;

import java.math.BigInteger;

/**
 * A compiled expression. Fixed-width values up to 64 bits (and bool, error, enum) are evaluated
 * with {@link #l} as their unsigned bit pattern; wider ones (and varbits) with {@link #b}.
 */
public abstract class Ev {
    /** Width in bits (1 for bool); 0 for values without width. */
    public final int width;
    public final boolean signed;
    public final boolean wide;

    protected Ev(int width, boolean signed, boolean wide) {
        this.width = width;
        this.signed = signed;
        this.wide = wide;
    }

    public long l(Frame f) {
        return b(f).longValue();
    }

    public BigInteger b(Frame f) {
        return unsigned(l(f));
    }

    public static BigInteger unsigned(long v) {
        return v >= 0 ? BigInteger.valueOf(v) : BigInteger.valueOf(v & Long.MAX_VALUE).setBit(63);
    }

    /** Sign-extends the low {@code width} bits of {@code v}. */
    public static long signExtend(long v, int width) {
        return width >= 64 ? v : (v << (64 - width)) >> (64 - width);
    }

    public static long mask(int width) {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    public static BigInteger bigMask(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }
}
