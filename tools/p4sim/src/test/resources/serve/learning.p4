/* Test program for P4Runtime digests: every frame sends its source MAC and ingress port to the controller. */
#include <core.p4>
#include <v1model.p4>

header ethernet_t { bit<48> dst; bit<48> src; bit<16> etherType; }
struct headers_t { ethernet_t ethernet; }
struct learn_t { bit<48> src; bit<9> port; }
struct meta_t { learn_t learn; }

parser LearnParser(packet_in pkt, out headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
    state start { pkt.extract(hdr.ethernet); transition accept; }
}

control LearnVerify(inout headers_t hdr, inout meta_t meta) { apply { } }

control LearnIngress(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
    apply {
        meta.learn.src = hdr.ethernet.src;
        meta.learn.port = sm.ingress_port;
        digest<learn_t>(1, meta.learn);
        sm.egress_spec = 1;
    }
}

control LearnEgress(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) { apply { } }
control LearnCompute(inout headers_t hdr, inout meta_t meta) { apply { } }
control LearnDeparser(packet_out pkt, in headers_t hdr) { apply { pkt.emit(hdr.ethernet); } }

V1Switch(LearnParser(), LearnVerify(), LearnIngress(), LearnEgress(), LearnCompute(), LearnDeparser()) main;
