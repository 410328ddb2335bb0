package org.metrofabric.p4sim.ir;

import java.math.BigInteger;

/** One component of a select case or a const table entry key, with constants folded. */
public sealed interface Keyset {
    record Exact(BigInteger value) implements Keyset { }

    /** {@code value &&& mask}. */
    record Mask(BigInteger value, BigInteger mask) implements Keyset { }

    /** {@code low .. high}, inclusive. */
    record Range(BigInteger low, BigInteger high) implements Keyset { }

    /** {@code default} or {@code _}: matches anything. */
    record DontCare() implements Keyset { }

    /** Whether {@code v} (the unsigned bits of the key value) matches. */
    default boolean matches(BigInteger v) {
        if (this instanceof Exact e) {
            return e.value().equals(v);
        } else if (this instanceof Mask m) {
            return v.and(m.mask()).equals(m.value().and(m.mask()));
        } else if (this instanceof Range r) {
            return v.compareTo(r.low()) >= 0 && v.compareTo(r.high()) <= 0;
        }
        return true;
    }
}
