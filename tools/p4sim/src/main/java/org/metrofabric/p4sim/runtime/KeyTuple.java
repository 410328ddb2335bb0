package org.metrofabric.p4sim.runtime;

import java.math.BigInteger;
import java.util.Arrays;

/** A hashable tuple of key values. */
final class KeyTuple {
    private final BigInteger[] values;
    private final int hash;

    KeyTuple(BigInteger[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyTuple tuple && tuple.hash == hash && Arrays.equals(tuple.values, values);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
