/* Test program for digests of list data, which p4c names digest_0, digest_1, ... in the order it meets
 * the calls (the control's actions first, then its apply block): learn() sends the source MAC and
 * ingress port (digest_0), the apply block sends the destination MAC (digest_1). */
#include <core.p4>
#include <v1model.p4>

header ethernet_t { bit<48> dst; bit<48> src; bit<16> etherType; }
struct headers_t { ethernet_t ethernet; }
struct meta_t { }

parser ListParser(packet_in pkt, out headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
    state start { pkt.extract(hdr.ethernet); transition accept; }
}

control ListVerify(inout headers_t hdr, inout meta_t meta) { apply { } }

control ListIngress(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
    action learn() { digest(1, { hdr.ethernet.src, sm.ingress_port }); }
    apply {
        digest(2, { hdr.ethernet.dst });
        learn();
        sm.egress_spec = 1;
    }
}

control ListEgress(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) { apply { } }
control ListCompute(inout headers_t hdr, inout meta_t meta) { apply { } }
control ListDeparser(packet_out pkt, in headers_t hdr) { apply { pkt.emit(hdr.ethernet); } }

V1Switch(ListParser(), ListVerify(), ListIngress(), ListEgress(), ListCompute(), ListDeparser()) main;
