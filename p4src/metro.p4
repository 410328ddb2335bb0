/*
 * metro.p4 -- MetroFabric leaf-spine pipeline, version 1 (P4_16, v1model, BMv2 simple_switch_grpc).
 *
 * One program for every fabric switch; its role (leaf or spine) is given only by the entries
 * the controller writes:
 *   - packet I/O with the controller through CPU port 255 (packet_in / packet_out headers);
 *   - ARP, LLDP and BDDP are always punted to the controller with their ingress port (ONOS host
 *     and link discovery depend on it, so it does not wait for an entry);
 *   - IPv4 routing: LPM to a directly attached next hop (a host, or on a spine a leaf), or to a
 *     group of spine uplinks chosen per flow by an action selector over the 5-tuple;
 *   - path pinning at the ingress leaf overrides the ECMP choice for selected traffic;
 *   - TTL decrement, IPv4 checksum update, and every drop counted by reason.
 *
 * Control-plane names are absolute (@name(".X.y")): P4_16 prefixes relative names with the
 * enclosing control, so only a leading dot pins the name the P4Info, the ONOS apps and p4sim use.
 * The names are listed in p4src/README.md.
 */
#include <core.p4>
#include <v1model.p4>

typedef bit<9>  port_num_t;
typedef bit<48> mac_addr_t;
typedef bit<32> ipv4_addr_t;

const port_num_t CPU_PORT = 255;

const bit<16> ETHERTYPE_IPV4 = 0x0800;
const bit<16> ETHERTYPE_ARP  = 0x0806;
const bit<16> ETHERTYPE_VLAN = 0x8100;
const bit<16> ETHERTYPE_LLDP = 0x88cc;
const bit<16> ETHERTYPE_BDDP = 0x8942;

const bit<8> IP_PROTO_TCP = 6;
const bit<8> IP_PROTO_UDP = 17;

/* Indexes of IngressPipe.drop_counter: why a packet was dropped. */
const bit<8> DROP_ROUTE_MISS     = 0;  /* no IPv4 route (routing_v4 default action) */
const bit<8> DROP_TTL_EXPIRED    = 1;  /* arrived with TTL 0 or 1 */
const bit<8> DROP_PARSER_ERROR   = 2;  /* truncated or malformed headers */
const bit<8> DROP_IPV4_CHECKSUM  = 3;  /* IPv4 header checksum did not verify */
const bit<8> DROP_NOT_ROUTABLE   = 4;  /* neither IPv4 nor a punted control protocol */
const bit<8> DROP_NO_UPLINK      = 5;  /* route points at an ECMP group with no entry */
const bit<8> DROP_BY_ROUTE       = 6;  /* a route whose action is drop (blackhole) */
const bit<32> DROP_REASONS = 8;

/* ---------------------------------------------------------------- headers */

@controller_header("packet_in")
header packet_in_header_t {
    port_num_t ingress_port;
    bit<7>     _pad;
}

@controller_header("packet_out")
header packet_out_header_t {
    port_num_t egress_port;
    bit<7>     _pad;
}

header ethernet_t {
    mac_addr_t dst_addr;
    mac_addr_t src_addr;
    bit<16>    ether_type;
}

header vlan_t {
    bit<3>  pcp;
    bit<1>  dei;
    bit<12> vid;
    bit<16> ether_type;
}

/* ARP for IPv4 over Ethernet; only parsed so that it reaches the controller intact. */
header arp_t {
    bit<16>     hw_type;
    bit<16>     proto_type;
    bit<8>      hw_addr_len;
    bit<8>      proto_addr_len;
    bit<16>     opcode;
    mac_addr_t  sender_hw_addr;
    ipv4_addr_t sender_proto_addr;
    mac_addr_t  target_hw_addr;
    ipv4_addr_t target_proto_addr;
}

header ipv4_t {
    bit<4>      version;
    bit<4>      ihl;
    bit<6>      dscp;
    bit<2>      ecn;
    bit<16>     total_len;
    bit<16>     identification;
    bit<3>      flags;
    bit<13>     frag_offset;
    bit<8>      ttl;
    bit<8>      protocol;
    bit<16>     hdr_checksum;
    ipv4_addr_t src_addr;
    ipv4_addr_t dst_addr;
}

/* Options are kept so that the header checksum covers them (IHL up to 15 words). */
header ipv4_options_t {
    varbit<320> options;
}

header tcp_t {
    bit<16> src_port;
    bit<16> dst_port;
    bit<32> seq_no;
    bit<32> ack_no;
    bit<4>  data_offset;
    bit<3>  res;
    bit<3>  ecn;
    bit<6>  ctrl;
    bit<16> window;
    bit<16> checksum;
    bit<16> urgent_ptr;
}

header udp_t {
    bit<16> src_port;
    bit<16> dst_port;
    bit<16> length;
    bit<16> checksum;
}

/* DetNet (own issue): the R-TAG header (0xF1C1: 16 bits reserved, 16-bit sequence number,
   next EtherType) joins this struct after vlan. */
struct headers_t {
    packet_out_header_t packet_out;
    packet_in_header_t  packet_in;
    ethernet_t          ethernet;
    vlan_t              vlan;
    arp_t               arp;
    ipv4_t              ipv4;
    ipv4_options_t      ipv4_options;
    tcp_t               tcp;
    udp_t               udp;
}

struct local_metadata_t {
    bit<16> ether_type;      /* EtherType after any 802.1Q tag */
    bit<16> l4_src_port;     /* TCP/UDP ports, 0 for other protocols and non-first fragments */
    bit<16> l4_dst_port;
    bool    via_uplinks;     /* routing_v4 chose the spine uplinks (ECMP or a pinned path) */
    bit<16> ecmp_group_id;
    /* DetNet (own issue): stream id and sequence number; compute steering (own issue):
       service id and the pinned instance. */
}

/* ---------------------------------------------------------------- parser */

parser MetroParser(packet_in packet,
                   out headers_t hdr,
                   inout local_metadata_t meta,
                   inout standard_metadata_t standard_metadata) {
    state start {
        transition select(standard_metadata.ingress_port) {
            CPU_PORT: parse_packet_out;
            default: parse_ethernet;
        }
    }

    /* A packet-out is sent as is: nothing after its header is parsed, so nothing is rewritten. */
    state parse_packet_out {
        packet.extract(hdr.packet_out);
        transition accept;
    }

    state parse_ethernet {
        packet.extract(hdr.ethernet);
        meta.ether_type = hdr.ethernet.ether_type;
        transition select(hdr.ethernet.ether_type) {
            ETHERTYPE_VLAN: parse_vlan;
            default: parse_ether_payload;
        }
    }

    state parse_vlan {
        packet.extract(hdr.vlan);
        meta.ether_type = hdr.vlan.ether_type;
        transition parse_ether_payload;
    }

    state parse_ether_payload {
        transition select(meta.ether_type) {
            ETHERTYPE_ARP: parse_arp;
            ETHERTYPE_IPV4: parse_ipv4;
            /* DetNet (own issue): 0xF1C1 -> parse_rtag, which extracts the R-TAG, sets
               meta.ether_type to the R-TAG's next EtherType and comes back to this state. */
            default: accept;
        }
    }

    state parse_arp {
        packet.extract(hdr.arp);
        transition accept;
    }

    state parse_ipv4 {
        packet.extract(hdr.ipv4);
        verify(hdr.ipv4.ihl >= 5, error.HeaderTooShort);
        transition select(hdr.ipv4.ihl) {
            5: parse_l4;
            default: parse_ipv4_options;
        }
    }

    state parse_ipv4_options {
        packet.extract(hdr.ipv4_options, (bit<32>)(((bit<16>)hdr.ipv4.ihl - 5) * 32));
        transition parse_l4;
    }

    /* Only a first fragment carries the L4 ports. */
    state parse_l4 {
        transition select(hdr.ipv4.frag_offset, hdr.ipv4.protocol) {
            (0, IP_PROTO_TCP): parse_tcp;
            (0, IP_PROTO_UDP): parse_udp;
            default: accept;
        }
    }

    state parse_tcp {
        packet.extract(hdr.tcp);
        meta.l4_src_port = hdr.tcp.src_port;
        meta.l4_dst_port = hdr.tcp.dst_port;
        transition accept;
    }

    state parse_udp {
        packet.extract(hdr.udp);
        meta.l4_src_port = hdr.udp.src_port;
        meta.l4_dst_port = hdr.udp.dst_port;
        transition accept;
    }
}

control MetroVerifyChecksum(inout headers_t hdr, inout local_metadata_t meta) {
    apply {
        verify_checksum(hdr.ipv4.isValid(),
            { hdr.ipv4.version, hdr.ipv4.ihl, hdr.ipv4.dscp, hdr.ipv4.ecn,
              hdr.ipv4.total_len, hdr.ipv4.identification, hdr.ipv4.flags,
              hdr.ipv4.frag_offset, hdr.ipv4.ttl, hdr.ipv4.protocol,
              hdr.ipv4.src_addr, hdr.ipv4.dst_addr, hdr.ipv4_options.options },
            hdr.ipv4.hdr_checksum, HashAlgorithm.csum16);
    }
}

/* ---------------------------------------------------------------- ingress */

control IngressPipe(inout headers_t hdr,
                    inout local_metadata_t meta,
                    inout standard_metadata_t standard_metadata) {

    @name(".IngressPipe.drop_counter")
    counter(DROP_REASONS, CounterType.packets_and_bytes) drop_counter;

    @name(".IngressPipe.path_pinning_counter")
    direct_counter(CounterType.packets_and_bytes) path_pinning_counter;

    /* 14-bit crc16 over the 5-tuple picks one member of the group (BMv2: hash mod members). */
    @name(".IngressPipe.ecmp_selector")
    action_selector(HashAlgorithm.crc16, 32w1024, 32w14) ecmp_selector;

    @name(".IngressPipe.drop")
    action drop(bit<8> reason) {
        drop_counter.count((bit<32>)reason);
        mark_to_drop(standard_metadata);
    }

    @name(".IngressPipe.punt_to_cpu")
    action punt_to_cpu() {
        standard_metadata.egress_spec = CPU_PORT;
    }

    /* Every routed packet leaves through exactly one call of this action. */
    @name(".IngressPipe.set_next_hop")
    action set_next_hop(port_num_t port, mac_addr_t src_mac, mac_addr_t dst_mac) {
        standard_metadata.egress_spec = port;
        hdr.ethernet.src_addr = src_mac;
        hdr.ethernet.dst_addr = dst_mac;
        hdr.ipv4.ttl = hdr.ipv4.ttl - 1;
    }

    @name(".IngressPipe.route_via_uplinks")
    action route_via_uplinks(bit<16> ecmp_group_id) {
        meta.via_uplinks = true;
        meta.ecmp_group_id = ecmp_group_id;
    }

    /* Which frames go to the controller: fixed, since discovery must work before any entry. */
    @name(".IngressPipe.punt")
    table punt {
        key = {
            meta.ether_type: exact;
        }
        actions = {
            punt_to_cpu;
            @defaultonly NoAction;
        }
        const entries = {
            ETHERTYPE_ARP: punt_to_cpu();
            ETHERTYPE_LLDP: punt_to_cpu();
            ETHERTYPE_BDDP: punt_to_cpu();
        }
        const default_action = NoAction();
    }

    /* Where an IPv4 destination goes: one next hop, or a group of spine uplinks. */
    @name(".IngressPipe.routing_v4")
    table routing_v4 {
        key = {
            hdr.ipv4.dst_addr: lpm;
        }
        actions = {
            set_next_hop;
            route_via_uplinks;
            drop;
        }
        const default_action = drop(DROP_ROUTE_MISS);
        size = 4096;
    }

    /* Which uplink a flow takes when a path intent pins it (overrides ECMP). */
    @name(".IngressPipe.path_pinning")
    table path_pinning {
        key = {
            hdr.ipv4.src_addr: ternary;
            hdr.ipv4.dst_addr: ternary;
            hdr.ipv4.dscp: optional;
        }
        actions = {
            set_next_hop;
            @defaultonly NoAction;
        }
        const default_action = NoAction();
        counters = path_pinning_counter;
        // Each path intent pins one entry at both its leaves; a cloud leaf serves many access
        // leaves, so it fills first (up to ~1,400 at 100,000 intents on 32 x 512, see
        // docs/benchmarks.md).
        size = 2048;
    }

    /* Which uplink of the group a flow takes: hash of the 5-tuple. */
    @name(".IngressPipe.ecmp")
    table ecmp {
        key = {
            meta.ecmp_group_id: exact;
            hdr.ipv4.src_addr: selector;
            hdr.ipv4.dst_addr: selector;
            hdr.ipv4.protocol: selector;
            meta.l4_src_port: selector;
            meta.l4_dst_port: selector;
        }
        actions = {
            set_next_hop;
        }
        implementation = ecmp_selector;
        size = 1024;
    }

    apply {
        if (hdr.packet_out.isValid()) {
            /* From the controller: straight to the requested port, bypassing the pipeline. */
            standard_metadata.egress_spec = hdr.packet_out.egress_port;
            hdr.packet_out.setInvalid();
            exit;
        }
        if (standard_metadata.parser_error != error.NoError) {
            drop(DROP_PARSER_ERROR);
            return;
        }
        if (punt.apply().hit) {
            return;
        }
        /* DetNet (own issue): R-TAG elimination at the egress leaf goes here. */
        if (!hdr.ipv4.isValid()) {
            drop(DROP_NOT_ROUTABLE);
            return;
        }
        if (standard_metadata.checksum_error == 1) {
            drop(DROP_IPV4_CHECKSUM);
            return;
        }
        if (hdr.ipv4.ttl <= 1) {
            drop(DROP_TTL_EXPIRED);
            return;
        }
        /* Compute steering (own issue): the service table, the flow-pin table and the NAT
           rewrite of a service address to the chosen instance go here, before routing. */
        routing_v4.apply();
        if (meta.via_uplinks) {
            if (!path_pinning.apply().hit) {
                if (!ecmp.apply().hit) {
                    drop(DROP_NO_UPLINK);
                }
            }
        }
        /* DetNet (own issue): replication at the ingress leaf (multicast group) goes here. */
        if (hdr.vlan.isValid()) {
            /* Fabric links and routed host ports are untagged. */
            hdr.ethernet.ether_type = hdr.vlan.ether_type;
            hdr.vlan.setInvalid();
        }
    }
}

/* ---------------------------------------------------------------- egress */

control EgressPipe(inout headers_t hdr,
                   inout local_metadata_t meta,
                   inout standard_metadata_t standard_metadata) {
    apply {
        if (standard_metadata.egress_port == CPU_PORT) {
            hdr.packet_in.setValid();
            hdr.packet_in.ingress_port = standard_metadata.ingress_port;
            hdr.packet_in._pad = 0;
        }
        /* DetNet (own issue): per-copy next hop chosen by standard_metadata.egress_rid. */
    }
}

control MetroComputeChecksum(inout headers_t hdr, inout local_metadata_t meta) {
    apply {
        update_checksum(hdr.ipv4.isValid(),
            { hdr.ipv4.version, hdr.ipv4.ihl, hdr.ipv4.dscp, hdr.ipv4.ecn,
              hdr.ipv4.total_len, hdr.ipv4.identification, hdr.ipv4.flags,
              hdr.ipv4.frag_offset, hdr.ipv4.ttl, hdr.ipv4.protocol,
              hdr.ipv4.src_addr, hdr.ipv4.dst_addr, hdr.ipv4_options.options },
            hdr.ipv4.hdr_checksum, HashAlgorithm.csum16);
        /* Compute steering (own issue): the NAT rewrite makes TCP/UDP checksums stale; their
           update_checksum_with_payload goes here. */
    }
}

control MetroDeparser(packet_out packet, in headers_t hdr) {
    apply {
        packet.emit(hdr.packet_in);
        packet.emit(hdr.ethernet);
        packet.emit(hdr.vlan);
        packet.emit(hdr.arp);
        packet.emit(hdr.ipv4);
        packet.emit(hdr.ipv4_options);
        packet.emit(hdr.tcp);
        packet.emit(hdr.udp);
    }
}

V1Switch(MetroParser(),
         MetroVerifyChecksum(),
         IngressPipe(),
         EgressPipe(),
         MetroComputeChecksum(),
         MetroDeparser()) main;
