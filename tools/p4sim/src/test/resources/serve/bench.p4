/* Benchmark program for the P4Runtime server: one exact table large enough for 200,000 entries. */
#include <core.p4>
#include <v1model.p4>

header ethernet_t { bit<48> dst; bit<48> src; bit<16> etherType; }
header ipv4_t {
    bit<4> version; bit<4> ihl; bit<8> diffserv; bit<16> totalLen;
    bit<16> identification; bit<3> flags; bit<13> fragOffset;
    bit<8> ttl; bit<8> protocol; bit<16> hdrChecksum;
    bit<32> srcAddr; bit<32> dstAddr;
}
struct headers_t { ethernet_t ethernet; ipv4_t ipv4; }
struct meta_t { bit<1> unused; }

parser BenchParser(packet_in pkt, out headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
    state start {
        pkt.extract(hdr.ethernet);
        transition select(hdr.ethernet.etherType) { 0x0800: parse_ipv4; default: accept; }
    }
    state parse_ipv4 { pkt.extract(hdr.ipv4); transition accept; }
}

control BenchVerify(inout headers_t hdr, inout meta_t meta) { apply { } }

control BenchIngress(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
    action set_port(bit<9> port, bit<48> dmac) { sm.egress_spec = port; hdr.ethernet.dst = dmac; }
    action drop() { mark_to_drop(sm); }
    table hosts {
        key = { hdr.ipv4.dstAddr: exact; }
        actions = { set_port; drop; }
        default_action = drop();
        size = 200000;
    }
    apply { if (hdr.ipv4.isValid()) { hosts.apply(); } }
}

control BenchEgress(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) { apply { } }
control BenchCompute(inout headers_t hdr, inout meta_t meta) { apply { } }
control BenchDeparser(packet_out pkt, in headers_t hdr) { apply { pkt.emit(hdr.ethernet); pkt.emit(hdr.ipv4); } }

V1Switch(BenchParser(), BenchVerify(), BenchIngress(), BenchEgress(), BenchCompute(), BenchDeparser()) main;
