package org.metrofabric.p4sim.typecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.p4sim.arch.v1model.OutputPacket;
import org.metrofabric.p4sim.ir.Annotation;
import org.metrofabric.p4sim.ir.ControlDecl;
import org.metrofabric.p4sim.ir.Keyset;
import org.metrofabric.p4sim.ir.Program;
import org.metrofabric.p4sim.ir.TableDecl;

/** Constructs a realistic fabric program uses beyond the corpus, compiled and run once. */
class LanguageCoverageTest {
    private static final String SOURCE = """
            #include <core.p4>
            #include <v1model.p4>
            #define FABRIC_PORT 9w7
            #ifndef NO_UNIONS
            #define WITH_UNIONS 1
            #endif
            typedef bit<9> port_num_t;
            enum bit<8> Kind { PLAIN = 1, SPECIAL = 2 }
            const bit<16> ETH_SPECIAL = 0x88B7;
            header ethernet_t { bit<48> dst; bit<48> src; bit<16> etherType; }
            header vlan_t { bit<3> pcp; bit<1> dei; bit<12> vid; bit<16> etherType; }
            header a_t { bit<8> kind; bit<8> x; }
            header b_t { bit<16> y; }
            header_union ab_t { a_t a; b_t b; }
            header out_t { bit<8> kind; bit<9> port; bit<7> pad; bit<12> combo; bit<1> flag; bit<3> pad2; }
            struct inner_t { bit<8> depth; }
            struct headers_t { ethernet_t ethernet; vlan_t[2] vlan; ab_t ab; out_t res; }
            struct meta_t { inner_t inner; bool special; error err; }
            parser P(packet_in pkt, out headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
                bit<8> seen = 0;
                state start {
                    pkt.extract(hdr.ethernet);
                    transition select(hdr.ethernet.etherType) {
                        0x8100 &&& 0xEFFF: parse_vlan;
                        ETH_SPECIAL: parse_a;
                        default: accept;
                    }
                }
                state parse_vlan {
                    pkt.extract(hdr.vlan.next);
                    seen = seen + 1;
                    if (seen > 1) { meta.inner.depth = seen; }
                    transition select(hdr.vlan.last.etherType, hdr.vlan.last.vid) {
                        (0x8100, _): parse_vlan;
                        (ETH_SPECIAL, 12w0 .. 12w100): parse_a;
                        default: accept;
                    }
                }
                state parse_a {
                    pkt.extract(hdr.ab.a);
                    verify(hdr.ab.a.kind != 0, error.NoMatch);
                    transition accept;
                }
            }
            control V(inout headers_t hdr, inout meta_t meta) { apply { } }
            control I(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
                const bit<4> FOUR = 4;
                bit<8> counterLocal = 0;
                @name(".fabric.set_port") action set_port(@name("egress") port_num_t port) {
                    sm.egress_spec = port;
                }
                @id(0x01000099) action special() { meta.special = true; }
                @name(".fabric.classify")
                table classify {
                    key = {
                        hdr.ab.a.kind: exact @name("kind");
                        hdr.ab.a.x: ternary;
                    }
                    actions = { set_port; special; @defaultonly NoAction; }
                    const entries = {
                        (Kind.PLAIN, 8w0x10 &&& 8w0xF0): set_port(3);
                        (Kind.SPECIAL, _): special();
                    }
                    const default_action = NoAction();
                    size = 16;
                }
                apply {
                    sm.egress_spec = FABRIC_PORT;
                    meta.err = sm.parser_error;
                    if (!hdr.ab.isValid()) { exit; }
                    classify.apply();
                    hdr.res.setValid();
                    hdr.res.kind = hdr.ab.a.kind;
                    hdr.res.port = (port_num_t) sm.egress_spec;
                    hdr.res.combo = FOUR ++ hdr.ab.a.x;
                    hdr.res.flag = meta.special && meta.err == error.NoError ? 1w1 : 1w0;
                    log_msg("kind {}", {hdr.ab.a.kind});
                }
            }
            control E(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) { apply { } }
            control C(inout headers_t hdr, inout meta_t meta) { apply { } }
            control D(packet_out pkt, in headers_t hdr) {
                apply { pkt.emit(hdr.ethernet); pkt.emit(hdr.vlan); pkt.emit(hdr.ab); pkt.emit(hdr.res); }
            }
            V1Switch(P(), V(), I(), E(), C(), D()) main;
            """;

    @Test
    void compilesWithAnnotationsAndConstEntriesKept() {
        Program p = Compiler.compileText("fabric.p4", SOURCE);
        ControlDecl ingress = p.control("I");
        TableDecl classify = ingress.table("classify");
        assertEquals(".fabric.classify", Annotation.find(classify.annotations(), "name").orElseThrow().stringValue());
        assertEquals("\"kind\"", Annotation.find(classify.keys().get(0).annotations(), "name").orElseThrow().body());
        assertTrue(Annotation.find(classify.actions().get(2).annotations(), "defaultonly").isPresent());
        assertTrue(classify.defaultActionConst());
        assertTrue(classify.entriesConst());
        assertEquals(List.of(new Keyset.Exact(java.math.BigInteger.ONE),
                        new Keyset.Mask(java.math.BigInteger.valueOf(0x10), java.math.BigInteger.valueOf(0xF0))),
                classify.entries().get(0).keys());
        assertEquals(new Keyset.DontCare(), classify.entries().get(1).keys().get(1));
        String before = SOURCE.substring(0, SOURCE.indexOf("@name(\".fabric.classify\")"));
        assertEquals(before.split("\n", -1).length, classify.location().line());
        assertEquals("0x01000099", Annotation.find(ingress.action("special").annotations(), "id").orElseThrow().body());
        assertFalse(ingress.action("set_port").parameters().get(0).annotations().isEmpty());
    }

    @Test
    void runs() {
        P4Sim.Switch sw = P4Sim.of(Compiler.compileText("fabric.p4", SOURCE)).newSwitch();
        String eth = "000000000001" + "000000000002";
        String frame = eth + "8100" + "0005" + "8100" + "000a" + "88b7" + "0112";
        List<OutputPacket> out = sw.dataPlane().process(0, HexFormat.of().parseHex(frame), 0);
        assertEquals(1, out.size());
        assertEquals(3, out.get(0).port());
        // res: kind 01, port 3 (9 bits) + pad, combo 4++0x12, flag 0
        assertEquals(frame + "01" + "0180" + "4120", HexFormat.of().formatHex(out.get(0).bytes()));
    }
}
