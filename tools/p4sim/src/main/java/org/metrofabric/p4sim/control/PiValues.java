package org.metrofabric.p4sim.control;

import java.math.BigInteger;
import org.onlab.util.ImmutableByteSequence;

/** Conversions between P4Runtime byte strings and the runtime's unsigned values. */
public final class PiValues {
    private PiValues() {
    }

    /**
     * The value of a big-endian byte string that must fit {@code width} bits once leading zeros are
     * dropped; {@code what} names the field in errors.
     */
    public static BigInteger toValue(ImmutableByteSequence bytes, int width, String what) {
        if (bytes == null || bytes.size() == 0) {
            throw ControlException.invalid(what + ": empty byte string");
        }
        BigInteger value = new BigInteger(1, bytes.asArray());
        if (value.bitLength() > width) {
            throw new ControlException(ControlException.Code.OUT_OF_RANGE, what + ": value 0x"
                    + value.toString(16) + " does not fit in " + width + " bits");
        }
        return value;
    }

    /** The value as ONOS 2.7 sends it: exactly ceil(width/8) bytes. */
    public static ImmutableByteSequence toBytes(BigInteger value, int width) {
        int size = Math.max(1, (width + 7) / 8);
        byte[] raw = value.toByteArray();
        byte[] out = new byte[size];
        int copy = Math.min(size, raw.length);
        System.arraycopy(raw, raw.length - copy, out, size - copy, copy);
        return ImmutableByteSequence.copyFrom(out);
    }

    /** All-ones of {@code width} bits. */
    public static BigInteger allOnes(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }

    static String hex(BigInteger value) {
        return "0x" + value.toString(16);
    }
}
