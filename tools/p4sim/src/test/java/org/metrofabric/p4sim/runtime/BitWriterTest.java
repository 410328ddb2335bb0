package org.metrofabric.p4sim.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** MSB-first packing without gaps, checked against packing bit by bit. */
class BitWriterTest {
    /** The expected bytes of a string of '0'/'1', zero-padded to a byte. */
    private static byte[] bytesOf(StringBuilder bits) {
        while (bits.length() % 8 != 0) {
            bits.append('0');
        }
        byte[] expected = new byte[bits.length() / 8];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) Integer.parseInt(bits.substring(8 * i, 8 * i + 8), 2);
        }
        return expected;
    }

    private static void appendBits(StringBuilder bits, BigInteger value, int width) {
        for (int bit = width - 1; bit >= 0; bit--) {
            bits.append(value.testBit(bit) ? '1' : '0');
        }
    }

    @Test
    void packAgreesWithBitByBitPackingForAnyWidths() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int count = 1 + random.nextInt(6);
            BigInteger[] values = new BigInteger[count];
            int[] widths = new int[count];
            StringBuilder bits = new StringBuilder();
            for (int i = 0; i < count; i++) {
                widths[i] = random.nextInt(140);
                values[i] = new BigInteger(widths[i] + 8, random);
                appendBits(bits, values[i], widths[i]);
            }
            assertArrayEquals(bytesOf(bits), BitWriter.pack(values, widths), "round " + round);
        }
    }

    @Test
    void packPacksMsbFirstWithoutGaps() {
        byte[] packed = BitWriter.pack(
                new BigInteger[] {BigInteger.valueOf(0xa), BigInteger.valueOf(0x1ff), BigInteger.ONE},
                new int[] {4, 9, 1});
        // 1010 111111111 1 -> 1010 1111 1111 11 00
        assertArrayEquals(new byte[] {(byte) 0xaf, (byte) 0xfc}, packed);
    }

    @Test
    void aReusedWriterAgreesWithBitByBitPackingForLongsBigIntegersAndBytes() {
        Random random = new Random(7);
        BitWriter writer = new BitWriter();
        for (int round = 0; round < 300; round++) {
            writer.clear();
            StringBuilder bits = new StringBuilder();
            for (int i = 0, count = 1 + random.nextInt(8); i < count; i++) {
                switch (random.nextInt(3)) {
                    case 0 -> {
                        int width = random.nextInt(65);
                        long value = random.nextLong();
                        writer.write(value, width);
                        appendBits(bits, BigInteger.valueOf(value), width);
                    }
                    case 1 -> {
                        int width = random.nextInt(200);
                        BigInteger value = new BigInteger(width + 8, random);
                        writer.write(value, width);
                        appendBits(bits, value, width);
                    }
                    default -> {
                        byte[] src = new byte[random.nextInt(6)];
                        random.nextBytes(src);
                        int from = src.length == 0 ? 0 : random.nextInt(src.length);
                        writer.writeBytes(src, from, src.length);
                        for (int b = from; b < src.length; b++) {
                            appendBits(bits, BigInteger.valueOf(src[b] & 0xFF), 8);
                        }
                    }
                }
            }
            assertEquals(bits.length(), writer.bitLength(), "round " + round);
            assertArrayEquals(bytesOf(bits), writer.toBytes(), "round " + round);
        }
    }

    @Test
    void packRejectsMismatchedOrNegativeWidths() {
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> BitWriter.pack(new BigInteger[] {BigInteger.ONE}, new int[] {1, 2}));
        assertEquals("1 values but 2 widths", count.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> BitWriter.pack(new BigInteger[] {BigInteger.ONE}, new int[] {-1}));
        assertEquals("negative width -1", negative.getMessage());
        assertArrayEquals(new byte[0], BitWriter.pack(new BigInteger[] {BigInteger.TEN}, new int[] {0}));
    }
}
