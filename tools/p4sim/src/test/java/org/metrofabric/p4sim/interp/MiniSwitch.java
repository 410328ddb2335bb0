package org.metrofabric.p4sim.interp;

import java.util.HexFormat;
import java.util.List;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.p4sim.arch.v1model.OutputPacket;
import org.metrofabric.p4sim.typecheck.Compiler;

/**
 * Test support: a v1model program whose ingress body is given, over one 8-byte "data" header
 * after Ethernet (EtherType 0x88B5), and an "out" header the ingress fills and the deparser emits.
 */
final class MiniSwitch {
    private MiniSwitch() {
    }

    /** A program with the given declarations before the controls, ingress locals/body and egress body. */
    static String custom(String declarations, String ingressLocals, String ingressBody, String egressBody) {
        return """
                #include <core.p4>
                #include <v1model.p4>
                header ethernet_t { bit<48> dst; bit<48> src; bit<16> etherType; }
                header data_t { bit<16> a; bit<16> b; int<16> s; bit<8> n; bit<8> m; }
                %s
                parser P(packet_in pkt, out headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
                    state start {
                        pkt.extract(hdr.ethernet);
                        transition select(hdr.ethernet.etherType) { 0x88B5: parse_data; default: accept; }
                    }
                    state parse_data { pkt.extract(hdr.data); transition accept; }
                }
                control V(inout headers_t hdr, inout meta_t meta) { apply { } }
                control I(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
                    %s
                    apply {
                        %s
                    }
                }
                control E(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
                    apply {
                        %s
                    }
                }
                control C(inout headers_t hdr, inout meta_t meta) { apply { } }
                control D(packet_out pkt, in headers_t hdr) { apply { pkt.emit(hdr); } }
                V1Switch(P(), V(), I(), E(), C(), D()) main;
                """.formatted(declarations, ingressLocals, ingressBody, egressBody);
    }

    /** Loads a program and installs control-plane lines in the golden format. */
    static P4Sim.Switch load(String source, String... entries) {
        P4Sim.Switch sw = P4Sim.of(Compiler.compileText("test.p4", source)).newSwitch();
        org.metrofabric.p4sim.conformance.GoldenReport r = org.metrofabric.p4sim.conformance.GoldenRunner.run(
                org.metrofabric.p4sim.conformance.GoldenParser.parse("entries", List.of(entries)), sw.control(),
                (port, bytes, now) -> List.of());
        if (!r.passed()) {
            throw new AssertionError(r.describe());
        }
        return sw;
    }

    /** Ethernet + data header frame, as hex. */
    static String frame(int a, int b, int s, int n, int m) {
        return "000000000001" + "000000000002" + "88b5" + String.format("%04x%04x%04x%02x%02x", a, b, s & 0xFFFF, n, m);
    }

    static List<OutputPacket> send(P4Sim.Switch sw, int port, String hex) {
        return sw.dataPlane().process(port, HexFormat.of().parseHex(hex), 0);
    }

    static String program(String outFields, String ingressBody) {
        return """
                #include <core.p4>
                #include <v1model.p4>
                header ethernet_t { bit<48> dst; bit<48> src; bit<16> etherType; }
                header data_t { bit<16> a; bit<16> b; int<16> s; bit<8> n; bit<8> m; }
                header out_t { %s }
                struct headers_t { ethernet_t ethernet; data_t data; out_t res; }
                struct meta_t { bit<16> tmp; }
                parser P(packet_in pkt, out headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
                    state start {
                        pkt.extract(hdr.ethernet);
                        transition select(hdr.ethernet.etherType) { 0x88B5: parse_data; default: accept; }
                    }
                    state parse_data { pkt.extract(hdr.data); transition accept; }
                }
                control V(inout headers_t hdr, inout meta_t meta) { apply { } }
                control I(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
                    apply {
                        sm.egress_spec = 1;
                        hdr.res.setValid();
                        %s
                    }
                }
                control E(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) { apply { } }
                control C(inout headers_t hdr, inout meta_t meta) { apply { } }
                control D(packet_out pkt, in headers_t hdr) {
                    apply { pkt.emit(hdr.ethernet); pkt.emit(hdr.data); pkt.emit(hdr.res); }
                }
                V1Switch(P(), V(), I(), E(), C(), D()) main;
                """.formatted(outFields, ingressBody);
    }

    /** Runs one packet with data (a, b, s, n, m) and returns the hex of the out header. */
    static String run(String outFields, String ingressBody, int a, int b, int s, int n, int m) {
        P4Sim.Switch sw = P4Sim.of(Compiler.compileText("mini.p4", program(outFields, ingressBody))).newSwitch();
        String hex = "000000000001" + "000000000002" + "88b5"
                + String.format("%04x%04x%04x%02x%02x", a, b, s & 0xFFFF, n, m);
        List<OutputPacket> out = sw.dataPlane().process(0, HexFormat.of().parseHex(hex), 0);
        if (out.size() != 1) {
            throw new AssertionError("expected one output frame, got " + out);
        }
        return HexFormat.of().formatHex(out.get(0).bytes()).substring(hex.length());
    }
}
