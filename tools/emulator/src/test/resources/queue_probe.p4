/* Test program for SwitchNode: the low byte of the destination MAC is the output port, the low
 * three bits of the EtherType the priority; egress writes the queue metadata it was given into
 * the source MAC (enq_qdepth in the top 16 bits, deq_timedelta in the low 32). */
#include <core.p4>
#include <v1model.p4>

header ethernet_t {
    bit<48> dst;
    bit<48> src;
    bit<16> ether_type;
}

struct headers_t {
    ethernet_t ethernet;
}

struct meta_t {
}

parser ProbeParser(packet_in packet, out headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
    state start {
        packet.extract(hdr.ethernet);
        transition accept;
    }
}

control ProbeVerify(inout headers_t hdr, inout meta_t meta) {
    apply { }
}

control ProbeIngress(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
    apply {
        sm.egress_spec = (bit<9>) hdr.ethernet.dst[7:0];
        sm.priority = hdr.ethernet.ether_type[2:0];
    }
}

control ProbeEgress(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
    apply {
        hdr.ethernet.src = ((bit<48>) sm.enq_qdepth << 32) | (bit<48>) sm.deq_timedelta;
    }
}

control ProbeCompute(inout headers_t hdr, inout meta_t meta) {
    apply { }
}

control ProbeDeparser(packet_out packet, in headers_t hdr) {
    apply {
        packet.emit(hdr.ethernet);
    }
}

V1Switch(ProbeParser(), ProbeVerify(), ProbeIngress(), ProbeEgress(), ProbeCompute(), ProbeDeparser()) main;
