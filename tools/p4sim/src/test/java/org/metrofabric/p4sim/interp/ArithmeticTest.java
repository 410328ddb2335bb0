package org.metrofabric.p4sim.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Operator semantics of V1MODEL-SEMANTICS section 9, one expression at a time. */
class ArithmeticTest {
    private static String eval16(String expr, int a, int b, int s, int n) {
        return MiniSwitch.run("bit<16> r;", "bit<16> a = hdr.data.a; bit<16> b = hdr.data.b; int<16> s = hdr.data.s;"
                + " hdr.res.r = " + expr + ";", a, b, s, n, 0);
    }

    private static String eval8(String expr, int a, int b, int s, int n) {
        return MiniSwitch.run("bit<8> r;", "bit<16> a = hdr.data.a; bit<16> b = hdr.data.b; int<16> s = hdr.data.s;"
                + " hdr.res.r = " + expr + ";", a, b, s, n, 0);
    }

    @Test
    void signedComparisonWithLiteral() {
        assertEquals("01", eval8("s < 0 ? 8w1 : 8w0", 0, 0, -5, 0));
        assertEquals("00", eval8("s < 0 ? 8w1 : 8w0", 0, 0, 5, 0));
        assertEquals("02", eval8("s > -16s100 ? 8w2 : 8w0", 0, 0, -5, 0));
        assertEquals("00", eval8("s > -16s100 ? 8w2 : 8w0", 0, 0, -101, 0));
    }

    @Test
    void wrapAndSaturate() {
        assertEquals("0001", eval16("a + b", 0xFFFF, 2, 0, 0));
        assertEquals("ffff", eval16("a |+| b", 0xFFFF, 2, 0, 0));
        assertEquals("0000", eval16("a |-| b", 1, 2, 0, 0));
        assertEquals("7fff", eval16("(bit<16>)(s |+| 16s20000)", 0, 0, 20000, 0));
    }

    @Test
    void shiftsByWidthOrMore() {
        assertEquals("0000", eval16("a << hdr.data.n", 0xFFFF, 0, 0, 16));
        assertEquals("0000", eval16("a >> hdr.data.n", 0xFFFF, 0, 0, 200));
        assertEquals("ffff", eval16("(bit<16>)(s >> hdr.data.n)", 0, 0, -3, 40));
        assertEquals("fff8", eval16("(bit<16>)(s >> 3)", 0, 0, -64, 0));
    }

    @Test
    void castsSlicesConcat() {
        assertEquals("fffffffb", MiniSwitch.run("bit<32> r;", "hdr.res.r = (bit<32>)(int<32>)hdr.data.s;", 0, 0, -5, 0, 0));
        assertEquals("23", eval8("a[11:4]", 0x1234, 0, 0, 0));
        assertEquals("12345678", MiniSwitch.run("bit<32> r;", "hdr.res.r = hdr.data.a ++ hdr.data.b;", 0x1234, 0x5678, 0, 0, 0));
    }
}
