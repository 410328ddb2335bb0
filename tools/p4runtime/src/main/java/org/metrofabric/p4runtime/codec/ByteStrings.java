package org.metrofabric.p4runtime.codec;

import com.google.protobuf.ByteString;

import java.util.HexFormat;

/**
 * P4Runtime byte strings of a known bitwidth W (P4Runtime 1.3, "Bytestrings").
 *
 * <p>Produced values are canonical: the shortest big-endian string, {@code \x00} for zero.
 * Accepted values are canonical or longer with leading zero bytes, as long as the value fits
 * in W bits; ONOS 2.7 sends values padded to ceil(W/8) bytes, newer clients send them canonical.
 *
 * <p>Empty strings are rejected. The specification requires it; BMv2's PI server accepts an
 * empty action parameter and reads it as zero (recorded in the conformance README). We follow
 * the specification because an empty value is a client bug that would otherwise go unnoticed,
 * and ONOS never sends one. Both overflow and empty values are INVALID_ARGUMENT, the code
 * the PI server answers for an over-wide value.
 */
public final class ByteStrings {

    private static final HexFormat HEX = HexFormat.of();

    private ByteStrings() {
    }

    /** The canonical form of {@code value}, checked to fit {@code bitwidth} bits. */
    public static ByteString canonical(byte[] value, int bitwidth, String what) {
        int first = firstSignificantByte(value, bitwidth, what);
        if (first == value.length) {
            return ByteString.copyFrom(new byte[] {0});
        }
        return ByteString.copyFrom(value, first, value.length - first);
    }

    /** The canonical form of {@code value}, checked to fit {@code bitwidth} bits. */
    public static ByteString canonical(ByteString value, int bitwidth, String what) {
        return canonical(value.toByteArray(), bitwidth, what);
    }

    /**
     * {@code value} as exactly ceil(bitwidth/8) bytes, the form ONOS 2.7 PI objects carry
     * (its flow-rule translator fits every value to the field width).
     */
    public static byte[] padded(ByteString value, int bitwidth, String what) {
        byte[] bytes = value.toByteArray();
        int first = firstSignificantByte(bytes, bitwidth, what);
        byte[] out = new byte[byteWidth(bitwidth)];
        int significant = bytes.length - first;
        System.arraycopy(bytes, first, out, out.length - significant, significant);
        return out;
    }

    /** Number of bytes of a value of {@code bitwidth} bits: ceil(bitwidth/8). */
    public static int byteWidth(int bitwidth) {
        return (bitwidth + 7) / 8;
    }

    /** Index of the first non-zero byte (value.length if all zero), after the range checks. */
    private static int firstSignificantByte(byte[] value, int bitwidth, String what) {
        if (bitwidth <= 0) {
            throw P4RuntimeException.invalidArgument("%s: the P4Info gives it bitwidth %d, cannot encode a value",
                    what, bitwidth);
        }
        if (value.length == 0) {
            throw P4RuntimeException.invalidArgument(
                    "%s: empty byte string; a %d-bit value needs at least one byte (zero is \\x00)", what, bitwidth);
        }
        int first = 0;
        while (first < value.length && value[first] == 0) {
            first++;
        }
        int significant = value.length - first;
        int maxBytes = byteWidth(bitwidth);
        int topBits = bitwidth % 8;
        boolean overflow = significant > maxBytes
                || (significant == maxBytes && topBits != 0 && (value[first] & 0xff) >>> topBits != 0);
        if (overflow) {
            throw P4RuntimeException.invalidArgument("%s: value 0x%s does not fit in %d bits",
                    what, HEX.formatHex(value), bitwidth);
        }
        return first;
    }
}
