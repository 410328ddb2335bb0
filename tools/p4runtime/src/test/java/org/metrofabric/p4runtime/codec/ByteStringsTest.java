package org.metrofabric.p4runtime.codec;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteStringsTest {

    /** Every width 1..64 plus the odd widths of real P4 fields and a 128-bit one (IPv6). */
    static int[] widths() {
        return IntStream.concat(IntStream.rangeClosed(1, 64), IntStream.of(9, 12, 48, 65, 128)).toArray();
    }

    @Test
    void canonicalRoundTripForEveryWidth() {
        Random random = new Random(7);
        for (int width : widths()) {
            for (BigInteger value : samples(width, random)) {
                byte[] padded = toBytes(value, ByteStrings.byteWidth(width));
                ByteString wire = ByteStrings.canonical(padded, width, "f");
                assertEquals(shortest(value), wire, "width " + width + " value " + value);
                assertEquals(value, new BigInteger(1, wire.toByteArray()));
                assertArrayEquals(padded, ByteStrings.padded(wire, width, "f"), "width " + width);
            }
        }
    }

    @Test
    void zeroIsOneZeroByte() {
        assertEquals(ByteString.copyFrom(new byte[] {0}), ByteStrings.canonical(new byte[] {0, 0, 0}, 20, "f"));
        assertArrayEquals(new byte[] {0, 0}, ByteStrings.padded(ByteString.copyFrom(new byte[] {0}), 9, "f"));
    }

    @Test
    void paddedAndOverPaddedInputIsAccepted() {
        for (int width : widths()) {
            BigInteger max = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
            byte[] overPadded = toBytes(max, ByteStrings.byteWidth(width) + 3);
            assertEquals(shortest(max), ByteStrings.canonical(overPadded, width, "f"));
            assertArrayEquals(toBytes(max, ByteStrings.byteWidth(width)),
                    ByteStrings.padded(ByteString.copyFrom(overPadded), width, "f"));
        }
    }

    @Test
    void overflowIsRejectedNamingFieldWidthAndValue() {
        for (int width : widths()) {
            byte[] tooBig = toBytes(BigInteger.ONE.shiftLeft(width), ByteStrings.byteWidth(width + 1));
            P4RuntimeException e = assertThrows(P4RuntimeException.class,
                    () -> ByteStrings.canonical(tooBig, width, "table 't' match field 'x'"));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
            assertTrue(e.getMessage().contains("table 't' match field 'x'"), e.getMessage());
            assertTrue(e.getMessage().contains(width + " bits"), e.getMessage());
            assertTrue(e.getMessage().contains(java.util.HexFormat.of().formatHex(tooBig)), e.getMessage());
            assertThrows(P4RuntimeException.class,
                    () -> ByteStrings.padded(ByteString.copyFrom(tooBig), width, "f"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 12, 48})
    void oddWidthsCheckTheTopByte(int width) {
        int topBits = width % 8;
        int bytes = ByteStrings.byteWidth(width);
        byte[] fits = new byte[bytes];
        fits[0] = (byte) ((1 << topBits) - 1);
        if (topBits == 0) {
            fits[0] = (byte) 0xff;
        }
        Arrays.fill(fits, 1, bytes, (byte) 0xff);
        assertEquals(ByteString.copyFrom(fits), ByteStrings.canonical(fits, width, "f"));
        if (topBits != 0) {
            byte[] over = fits.clone();
            over[0] = (byte) (1 << topBits);
            assertThrows(P4RuntimeException.class, () -> ByteStrings.canonical(over, width, "f"));
        }
    }

    @Test
    void emptyIsRejected() {
        P4RuntimeException e = assertThrows(P4RuntimeException.class,
                () -> ByteStrings.padded(ByteString.EMPTY, 9, "action 'a' parameter 'port'"));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("action 'a' parameter 'port'"), e.getMessage());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(P4RuntimeException.class, () -> ByteStrings.canonical(new byte[0], 9, "f"));
    }

    private static List<BigInteger> samples(int width, Random random) {
        BigInteger max = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        List<BigInteger> out = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, max,
                BigInteger.ONE.shiftLeft(width - 1)));
        for (int i = 0; i < 20; i++) {
            out.add(new BigInteger(width, random));
        }
        return out;
    }

    private static ByteString shortest(BigInteger value) {
        if (value.signum() == 0) {
            return ByteString.copyFrom(new byte[] {0});
        }
        return ByteString.copyFrom(toBytes(value, (value.bitLength() + 7) / 8));
    }

    private static byte[] toBytes(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
