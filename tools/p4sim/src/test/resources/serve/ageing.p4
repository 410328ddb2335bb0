/*
 * Test program for idle timeouts: table smac (exact source MAC, support_timeout = true) ages its entries,
 * as a learning switch's source table does; table dmac (exact destination MAC) does not support timeouts.
 */
#include <core.p4>
#include <v1model.p4>

header ethernet_t { bit<48> dst; bit<48> src; bit<16> etherType; }
struct headers_t { ethernet_t ethernet; }
struct meta_t { }

parser AgeingParser(packet_in pkt, out headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
    state start { pkt.extract(hdr.ethernet); transition accept; }
}

control AgeingVerify(inout headers_t hdr, inout meta_t meta) { apply { } }

control AgeingIngress(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
    action known() { }
    action forward(bit<9> port) { sm.egress_spec = port; }

    table smac {
        key = { hdr.ethernet.src : exact; }
        actions = { known; NoAction; }
        default_action = NoAction();
        support_timeout = true;
        size = 64;
    }

    table dmac {
        key = { hdr.ethernet.dst : exact; }
        actions = { forward; NoAction; }
        default_action = NoAction();
        size = 64;
    }

    apply {
        smac.apply();
        dmac.apply();
    }
}

control AgeingEgress(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) { apply { } }
control AgeingCompute(inout headers_t hdr, inout meta_t meta) { apply { } }
control AgeingDeparser(packet_out pkt, in headers_t hdr) { apply { pkt.emit(hdr.ethernet); } }

V1Switch(AgeingParser(), AgeingVerify(), AgeingIngress(), AgeingEgress(), AgeingCompute(), AgeingDeparser()) main;
