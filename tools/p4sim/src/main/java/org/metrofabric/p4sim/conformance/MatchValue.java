package org.metrofabric.p4sim.conformance;

import java.math.BigInteger;

/** A match value as written in a golden file; which form is legal depends on the field's match kind. */
sealed interface MatchValue {
    /** {@code V}: exact or optional. */
    record Plain(BigInteger value) implements MatchValue { }

    /** {@code V/LEN}. */
    record Prefix(BigInteger value, int length) implements MatchValue { }

    /** {@code V&&&MASK}. */
    record Masked(BigInteger value, BigInteger mask) implements MatchValue { }

    /** {@code LO..HI}. */
    record Range(BigInteger low, BigInteger high) implements MatchValue { }
}
