package org.metrofabric.p4sim.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashesTest {
    private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

    private static BigInteger hash(String algorithm, byte[] data) {
        return Hashes.compute(algorithm, data, data.length * 8);
    }

    @Test
    void crcsMatchTheirCatalogueCheckValues() {
        assertEquals(0xBB3D, hash("crc16", CHECK).intValue());
        assertEquals(0xBB3D, hash("crc16_custom", CHECK).intValue());
        assertEquals(0xCBF43926L, hash("crc32", CHECK).longValue());
        assertEquals(0xCBF43926L, hash("crc32_custom", CHECK).longValue());
    }

    @Test
    void csum16IsTheInternetChecksumWithOddBytePadded() {
        // RFC 1071 example words 0x0001 0xf203 0xf4f5 0xf6f7: sum 0xddf2, checksum 0x220d
        assertEquals(0x220d, hash("csum16", new byte[] {0x00, 0x01, (byte) 0xf2, 0x03,
                (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7}).intValue());
        assertEquals(~0x1200 & 0xffff, hash("csum16", new byte[] {0x12}).intValue());
    }

    @Test
    void xor16TakesAnOddByteAsHighByte() {
        assertEquals(0x1234 ^ 0x5600, hash("xor16", new byte[] {0x12, 0x34, 0x56}).intValue());
    }

    @Test
    void identityIsTheFirstEightBytesBigEndian() {
        byte[] nine = BitWriter.pack(new BigInteger[] {BigInteger.valueOf(0x1ff)}, new int[] {9});
        assertEquals(0x1ff << 7, Hashes.compute("identity", nine, 9).intValue());
        byte[] ten = {(byte) 0xff, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(new BigInteger("ff02030405060708", 16), hash("identity", ten));
    }

    @Test
    void unknownAlgorithmsAreRejectedLikeBmv2() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> hash("random", CHECK));
        assertEquals(true, error.getMessage().contains("random"));
    }
}
