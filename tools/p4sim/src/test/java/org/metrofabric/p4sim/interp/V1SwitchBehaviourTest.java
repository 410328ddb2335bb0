package org.metrofabric.p4sim.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.p4sim.arch.v1model.OutputPacket;
import org.metrofabric.p4sim.typecheck.Compiler;

/** v1model behaviour the corpus goldens do not pin down, one construct per test. */
class V1SwitchBehaviourTest {
    private static final String OUT_STRUCTS = """
            header out_t { bit<32> v0; bit<32> v1; bit<32> v2; bit<32> v3; }
            struct headers_t { ethernet_t ethernet; data_t data; out_t res; }
            struct meta_t { @field_list(1) bit<32> kept; bit<32> lost; }
            """;

    private static String outHex(List<OutputPacket> out, int index) {
        String hex = HexFormat.of().formatHex(out.get(index).bytes());
        return hex.substring(MiniSwitch.frame(0, 0, 0, 0, 0).length());
    }

    @Test
    void switchOnActionRunWithFallthroughAndDefault() {
        String locals = """
                action a1() { } action a2() { } action a3() { }
                table t { key = { hdr.data.n: exact; } actions = { a1; a2; a3; NoAction; } default_action = NoAction(); }
                """;
        String body = """
                sm.egress_spec = 1; hdr.res.setValid();
                switch (t.apply().action_run) {
                    a1:
                    a2: { hdr.res.v0 = 12; }
                    default: { hdr.res.v0 = 99; }
                }
                """;
        P4Sim.Switch sw = MiniSwitch.load(MiniSwitch.custom(OUT_STRUCTS, locals, body, ""),
                "table_add I.t hdr.data.n=1 => I.a1()", "table_add I.t hdr.data.n=2 => I.a2()",
                "table_add I.t hdr.data.n=3 => I.a3()");
        assertEquals("0000000c", outHex(MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 1, 0)), 0).substring(0, 8));
        assertEquals("0000000c", outHex(MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 2, 0)), 0).substring(0, 8));
        assertEquals("00000063", outHex(MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 3, 0)), 0).substring(0, 8));
        assertEquals("00000063", outHex(MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 4, 0)), 0).substring(0, 8));
    }

    @Test
    void hitMissAndExitInsideAnAppliedAction() {
        String locals = """
                action stop() { sm.egress_spec = 3; exit; }
                action go() { }
                table t { key = { hdr.data.n: exact; } actions = { stop; go; NoAction; } default_action = NoAction(); }
                """;
        String body = """
                sm.egress_spec = 1; hdr.res.setValid();
                if (t.apply().miss) { hdr.res.v0 = 1; } else { hdr.res.v0 = 2; }
                hdr.res.v1 = 7;
                """;
        P4Sim.Switch sw = MiniSwitch.load(MiniSwitch.custom(OUT_STRUCTS, locals, body, ""),
                "table_add I.t hdr.data.n=1 => I.stop()", "table_add I.t hdr.data.n=2 => I.go()");
        List<OutputPacket> stopped = MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 1, 0));
        assertEquals(3, stopped.get(0).port());
        assertEquals("0000000000000000", outHex(stopped, 0).substring(0, 16));
        assertEquals("0000000200000007", outHex(MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 2, 0)), 0).substring(0, 16));
        assertEquals("0000000100000007", outHex(MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 5, 0)), 0).substring(0, 16));
    }

    @Test
    void setValidZeroesOnlyAnInvalidHeaderAndFieldsKeepStaleValues() {
        String body = """
                sm.egress_spec = 1;
                hdr.res.setValid(); hdr.res.v0 = 5;
                hdr.res.setValid();
                hdr.res.setInvalid(); hdr.res.v1 = 6;
                hdr.res.setValid();
                hdr.res.v2 = hdr.res.v0 + 1;
                hdr.data.setInvalid();
                hdr.res.v3 = (bit<32>) hdr.data.a;
                """;
        P4Sim.Switch sw = MiniSwitch.load(MiniSwitch.custom(OUT_STRUCTS, "", body, ""));
        List<OutputPacket> out = MiniSwitch.send(sw, 0, MiniSwitch.frame(0x1234, 0, 0, 0, 0));
        String hex = HexFormat.of().formatHex(out.get(0).bytes());
        assertEquals("000000000001000000000002" + "88b5" + "00000000" + "00000000" + "00000001" + "00001234", hex);
    }

    @Test
    void headerStackPushPopAndDynamicIndex() {
        String decls = """
                header item_t { bit<8> v; }
                header out_t { bit<8> count; }
                struct headers_t { ethernet_t ethernet; data_t data; item_t[3] items; out_t res; }
                struct meta_t { bit<8> unused; }
                """;
        String body = """
                sm.egress_spec = 1;
                hdr.items.push_front(2);
                hdr.items[0].setValid(); hdr.items[0].v = 1;
                hdr.items[1].setValid(); hdr.items[1].v = 2;
                hdr.items.push_front(1);
                hdr.items[0].setValid(); hdr.items[0].v = 9;
                hdr.items.pop_front(1);
                hdr.items[hdr.data.n].v = hdr.items[hdr.data.n].v + 10;
                hdr.res.setValid();
                hdr.res.count = hdr.items[2].isValid() ? 8w1 : 8w0;
                """;
        P4Sim.Switch sw = MiniSwitch.load(MiniSwitch.custom(decls, "", body, ""));
        String hex = HexFormat.of().formatHex(MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 1, 0)).get(0).bytes());
        assertTrue(hex.endsWith("0000000000000100" + "010c" + "00"), hex);
    }

    @Test
    void resubmitAndRecirculateKeepOnlyTheirFieldList() {
        String body = """
                if (sm.instance_type == 0) {
                    meta.kept = 0xAAAA; meta.lost = 0xBBBB;
                    if (hdr.data.n == 1) { resubmit_preserving_field_list(1); } else { sm.egress_spec = 2; }
                } else {
                    sm.egress_spec = 1;
                    hdr.res.setValid();
                    hdr.res.v0 = sm.instance_type; hdr.res.v1 = meta.kept; hdr.res.v2 = meta.lost;
                    hdr.res.v3 = (bit<32>) sm.ingress_port | (bit<32>) sm.ingress_global_timestamp;
                }
                """;
        // BMv2 resets instance_type to 0 for a unicast packet, so egress tells passes apart by res validity.
        String egress = "if (!hdr.res.isValid() && hdr.data.n == 2) { recirculate_preserving_field_list(1); }";
        P4Sim.Switch sw = MiniSwitch.load(MiniSwitch.custom(OUT_STRUCTS, "", body, egress));
        List<OutputPacket> resubmitted = sw.dataPlane().process(5,
                HexFormat.of().parseHex(MiniSwitch.frame(0, 0, 0, 1, 0)), 7_000_000);
        assertEquals(1, resubmitted.size());
        assertEquals("00000006" + "0000aaaa" + "00000000" + "00000000", outHex(resubmitted, 0));
        List<OutputPacket> recirculated = MiniSwitch.send(sw, 5, MiniSwitch.frame(0, 0, 0, 2, 0));
        assertEquals(1, recirculated.size());
        assertEquals(1, recirculated.get(0).port());
        assertEquals("00000004" + "0000aaaa" + "00000000" + "00000000", outHex(recirculated, 0));
    }

    /** What the digest listener hears when a data frame from port 4 passes the program. */
    private static List<String> digestsHeard(String program, int dataA) {
        P4Sim.Switch sw = MiniSwitch.load(program);
        List<String> heard = new ArrayList<>();
        sw.dataPlane().setDigestListener((name, fields) -> heard.add(name + fields));
        MiniSwitch.send(sw, 4, MiniSwitch.frame(dataA, 0, 0, 0, 0));
        return heard;
    }

    @Test
    void structDigestsReachTheListenerWithTheStructName() {
        String decls = """
                header out_t { bit<8> unused; }
                struct learn_t { bit<48> src; bit<9> port; }
                struct headers_t { ethernet_t ethernet; data_t data; out_t res; }
                struct meta_t { learn_t learn; }
                """;
        String body = """
                sm.egress_spec = 1;
                meta.learn.src = hdr.ethernet.src; meta.learn.port = sm.ingress_port;
                digest<learn_t>(1, meta.learn);
                digest<learn_t>(1, { hdr.ethernet.src, 7 });
                """;
        assertEquals(List.of("learn_t[2, 4]", "learn_t[2, 7]"),
                digestsHeard(MiniSwitch.custom(decls, "", body, ""), 0), "a struct, and a list typed as one");
    }

    @Test
    void listDigestsReachTheListenerUnderTheirP4InfoNames() {
        String decls = "header out_t { bit<8> unused; } struct headers_t { ethernet_t ethernet; data_t data; out_t res; }"
                + " struct meta_t { }";
        String locals = "action learn() { digest(32w1, { hdr.ethernet.src, sm.ingress_port }); }";
        String body = "sm.egress_spec = 1; learn(); digest(32w2, { hdr.data.a });";
        String program = MiniSwitch.custom(decls, locals, body, "");
        assertEquals(List.of("digest_0[2, 4]", "digest_1[7]"), digestsHeard(program, 7));
        List<String> p4infoNames = P4Sim.of(Compiler.compileText("test.p4", program)).p4info().getDigestsList()
                .stream().map(d -> d.getPreamble().getName()).toList();
        assertEquals(List.of("digest_0", "digest_1"), p4infoNames);
    }

    @Test
    void multicastIgnoresTheDropPortAndReplicasSeeRid() {
        String body = "mark_to_drop(sm); sm.mcast_grp = 7;";
        String egress = "hdr.res.setValid(); hdr.res.v0 = (bit<32>) sm.egress_rid; hdr.res.v1 = sm.instance_type;"
                + " hdr.res.v2 = sm.packet_length;";
        P4Sim.Switch sw = MiniSwitch.load(MiniSwitch.custom(OUT_STRUCTS, "", body, egress), "mc_group 7 3:30 1:10");
        List<OutputPacket> out = MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 0, 0));
        assertEquals(2, out.size());
        assertEquals(3, out.get(0).port());
        assertEquals("0000001e" + "00000005" + "00000016" + "00000000", outHex(out, 0));
        assertEquals(1, out.get(1).port());
    }

    @Test
    void packetLengthInEgressCountsHeadersAddedInIngress() {
        String body = "sm.egress_spec = 1; hdr.res.setValid(); hdr.data.setInvalid();";
        String egress = "hdr.res.v0 = sm.packet_length;";
        P4Sim.Switch sw = MiniSwitch.load(MiniSwitch.custom(OUT_STRUCTS, "", body, egress));
        List<OutputPacket> out = MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 0, 0) + "ffff");
        String hex = HexFormat.of().formatHex(out.get(0).bytes());
        assertEquals("000000000001000000000002" + "88b5" + String.format("%08x", 24 - 8 + 16) + "000000000000000000000000"
                + "ffff", hex);
    }

    @Test
    void egressStartsWithEgressSpecOneAboveTheDropPort() {
        String egress = "hdr.res.setValid(); hdr.res.v0 = (bit<32>) sm.egress_spec;";
        P4Sim.Switch sw = MiniSwitch.load(MiniSwitch.custom(OUT_STRUCTS, "", "sm.egress_spec = 1;", egress));
        assertEquals("00000000", outHex(MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 0, 0)), 0).substring(0, 8));
        sw.dataPlane().setDropPort(100);
        assertEquals("00000065", outHex(MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 0, 0)), 0).substring(0, 8));
    }

    @Test
    void nonZeroPriorityIsDroppedWithOneQueue() {
        String body = "sm.egress_spec = 1; sm.priority = (bit<3>) hdr.data.n;";
        P4Sim.Switch sw = MiniSwitch.load(MiniSwitch.custom(OUT_STRUCTS, "", body, ""));
        assertEquals(1, MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 0, 0)).size());
        assertEquals(0, MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 1, 0)).size());
        sw.dataPlane().setPriorityQueues(2);
        List<OutputPacket> sent = MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 1, 0));
        assertEquals(1, sent.size());
        assertEquals(1, sent.get(0).priority(), "the output names the queue it was enqueued in");
        assertEquals(0, MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 0, 0)).get(0).priority());
    }

    @Test
    void randomStaysInRangeAndIsRepeatable() {
        String body = "sm.egress_spec = 1; hdr.res.setValid(); random(hdr.res.v0, 32w10, 32w13);"
                + " random(hdr.res.v1, 32w5, 32w4);";
        String source = MiniSwitch.custom(OUT_STRUCTS, "", body, "");
        P4Sim.Switch a = MiniSwitch.load(source);
        P4Sim.Switch b = MiniSwitch.load(source);
        for (int i = 0; i < 50; i++) {
            String x = outHex(MiniSwitch.send(a, 0, MiniSwitch.frame(0, 0, 0, 0, 0)), 0);
            assertEquals(x, outHex(MiniSwitch.send(b, 0, MiniSwitch.frame(0, 0, 0, 0, 0)), 0));
            long v = Long.parseLong(x.substring(0, 8), 16);
            assertTrue(v >= 10 && v <= 13, x);
            assertEquals("00000000", x.substring(8, 16), "lo > hi writes nothing");
        }
    }

    @Test
    void registerReadAsAnExpressionAndOutOfRangeLeavesTheDestination() {
        String locals = "register<bit<32>>(4) r;";
        String body = """
                sm.egress_spec = 1; hdr.res.setValid();
                r.write((bit<32>) hdr.data.n, 32w77);
                hdr.res.v0 = r.read((bit<32>) hdr.data.n);
                hdr.res.v1 = 5;
                r.read(hdr.res.v1, 32w9);
                """;
        P4Sim.Switch sw = MiniSwitch.load(MiniSwitch.custom(OUT_STRUCTS, locals, body, ""));
        assertEquals("0000004d00000005", outHex(MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 2, 0)), 0).substring(0, 16));
        assertEquals(BigInteger.valueOf(77), sw.state().register("I.r").read(2));
    }

    @Test
    void wideValuesUseExactArithmetic() {
        String decls = """
                header out_t { bit<128> sum; bit<128> shifted; bit<8> cmp; bit<64> low; }
                struct headers_t { ethernet_t ethernet; data_t data; out_t res; }
                struct meta_t { bit<8> unused; }
                """;
        String body = """
                sm.egress_spec = 1; hdr.res.setValid();
                bit<128> x = 128w0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF;
                hdr.res.sum = x + 128w2;
                hdr.res.shifted = (bit<128>) hdr.data.a << 100;
                hdr.res.cmp = x > (bit<128>) hdr.data.a ? 8w1 : 8w0;
                hdr.res.low = x[99:36];
                """;
        P4Sim.Switch sw = MiniSwitch.load(MiniSwitch.custom(decls, "", body, ""));
        String hex = outHex(MiniSwitch.send(sw, 0, MiniSwitch.frame(0x1234, 0, 0, 0, 0)), 0);
        assertEquals("00000000000000000000000000000001" + "00012340000000000000000000000000" + "01" + "ffffffffffffffff", hex);
    }

    @Test
    void actionOutParametersAreCopiedBack() {
        String locals = "action twice(in bit<32> x, out bit<32> y) { y = x + x; }";
        String body = "sm.egress_spec = 1; hdr.res.setValid(); twice((bit<32>) hdr.data.a, hdr.res.v0);";
        P4Sim.Switch sw = MiniSwitch.load(MiniSwitch.custom(OUT_STRUCTS, locals, body, ""));
        assertEquals("00000006", outHex(MiniSwitch.send(sw, 0, MiniSwitch.frame(3, 0, 0, 0, 0)), 0).substring(0, 8));
    }

    @Test
    void aHeaderUnionHoldsOneValidMember() {
        String decls = """
                header a_t { bit<8> a; }
                header b_t { bit<16> b; }
                header_union ab_t { a_t a; b_t b; }
                header out_t { bit<8> flags; }
                struct headers_t { ethernet_t ethernet; data_t data; ab_t ab; out_t res; }
                struct meta_t { bit<8> unused; }
                """;
        String body = """
                sm.egress_spec = 1;
                hdr.ab.a.setValid(); hdr.ab.a.a = 0x11;
                hdr.ab.b.setValid(); hdr.ab.b.b = 0x2222;
                hdr.res.setValid();
                hdr.res.flags = (hdr.ab.a.isValid() ? 8w1 : 8w0) | (hdr.ab.b.isValid() ? 8w2 : 8w0)
                        | (hdr.ab.isValid() ? 8w4 : 8w0);
                """;
        P4Sim.Switch sw = MiniSwitch.load(MiniSwitch.custom(decls, "", body, ""));
        assertEquals("2222" + "06", outHex(MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 0, 0)), 0));
    }

    @Test
    void truncateCutsTheFrame() {
        String body = "sm.egress_spec = 1; truncate(32w16);";
        P4Sim.Switch sw = MiniSwitch.load(MiniSwitch.custom(OUT_STRUCTS, "", body, ""));
        assertEquals(16, MiniSwitch.send(sw, 0, MiniSwitch.frame(0, 0, 0, 0, 0)).get(0).bytes().length);
    }
}
