package org.metrofabric.p4sim.runtime;

import java.math.BigInteger;
import java.util.Objects;

/**
 * How one key element of a table entry matches. Values are the unsigned bits of a field of the match
 * field's width.
 */
public sealed interface FieldMatch {

    /** Whether a key value matches; {@code width} is the key element's bit width. */
    boolean matches(BigInteger key, int width);

    static FieldMatch exact(BigInteger value) {
        return new Exact(value);
    }

    static FieldMatch lpm(BigInteger value, int prefixLength) {
        return new Lpm(value, prefixLength);
    }

    static FieldMatch ternary(BigInteger value, BigInteger mask) {
        return new Ternary(value, mask);
    }

    static FieldMatch range(BigInteger low, BigInteger high) {
        return new Range(low, high);
    }

    static FieldMatch optional(BigInteger value) {
        return new Optional(value);
    }

    static FieldMatch dontCare() {
        return DontCare.INSTANCE;
    }

    /** Mask with the {@code prefixLength} most significant of {@code width} bits set. */
    static BigInteger prefixMask(int width, int prefixLength) {
        BigInteger ones = BigInteger.ONE.shiftLeft(prefixLength).subtract(BigInteger.ONE);
        return ones.shiftLeft(width - prefixLength);
    }

    record Exact(BigInteger value) implements FieldMatch {
        public Exact {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean matches(BigInteger key, int width) {
            return value.equals(key);
        }
    }

    record Lpm(BigInteger value, int prefixLength) implements FieldMatch {
        public Lpm {
            Objects.requireNonNull(value, "value");
            if (prefixLength < 0) {
                throw new IllegalArgumentException("negative prefix length " + prefixLength);
            }
        }

        @Override
        public boolean matches(BigInteger key, int width) {
            BigInteger mask = prefixMask(width, prefixLength);
            return key.and(mask).equals(value.and(mask));
        }
    }

    record Ternary(BigInteger value, BigInteger mask) implements FieldMatch {
        public Ternary {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(mask, "mask");
        }

        @Override
        public boolean matches(BigInteger key, int width) {
            return key.and(mask).equals(value.and(mask));
        }
    }

    record Range(BigInteger low, BigInteger high) implements FieldMatch {
        public Range {
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
        }

        @Override
        public boolean matches(BigInteger key, int width) {
            return key.compareTo(low) >= 0 && key.compareTo(high) <= 0;
        }
    }

    record Optional(BigInteger value) implements FieldMatch {
        public Optional {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean matches(BigInteger key, int width) {
            return value.equals(key);
        }
    }

    /** A wildcard: an omitted ternary, range or optional field. */
    final class DontCare implements FieldMatch {
        static final DontCare INSTANCE = new DontCare();

        private DontCare() {
        }

        @Override
        public boolean matches(BigInteger key, int width) {
            return true;
        }

        @Override
        public String toString() {
            return "*";
        }
    }
}
