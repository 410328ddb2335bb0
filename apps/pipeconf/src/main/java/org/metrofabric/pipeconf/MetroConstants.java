package org.metrofabric.pipeconf;

import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiPacketMetadataId;
import org.onosproject.net.pi.model.PiPipeconfId;
import org.onosproject.net.pi.model.PiTableId;

/**
 * The P4Info names of every metro.p4 entity the MetroFabric apps use (see p4src/README.md).
 * MetroConstantsTest checks each one against the P4Info that p4sim generates from p4src.
 */
public final class MetroConstants {

    /** Id under which the pipeconf is registered; netcfg {@code basic.pipeconf} names it. */
    public static final PiPipeconfId PIPECONF_ID = new PiPipeconfId("org.metrofabric.pipeconf.metro");

    // Tables, in pipeline order.
    public static final PiTableId PUNT = PiTableId.of("IngressPipe.punt");
    public static final PiTableId ROUTING_V4 = PiTableId.of("IngressPipe.routing_v4");
    public static final PiTableId PATH_PINNING = PiTableId.of("IngressPipe.path_pinning");
    public static final PiTableId ECMP = PiTableId.of("IngressPipe.ecmp");

    // Match fields.
    public static final PiMatchFieldId META_ETHER_TYPE = PiMatchFieldId.of("meta.ether_type");
    public static final PiMatchFieldId HDR_IPV4_SRC_ADDR = PiMatchFieldId.of("hdr.ipv4.src_addr");
    public static final PiMatchFieldId HDR_IPV4_DST_ADDR = PiMatchFieldId.of("hdr.ipv4.dst_addr");
    public static final PiMatchFieldId HDR_IPV4_DSCP = PiMatchFieldId.of("hdr.ipv4.dscp");
    public static final PiMatchFieldId META_ECMP_GROUP_ID = PiMatchFieldId.of("meta.ecmp_group_id");

    // Actions.
    public static final PiActionId SET_NEXT_HOP = PiActionId.of("IngressPipe.set_next_hop");
    public static final PiActionId ROUTE_VIA_UPLINKS = PiActionId.of("IngressPipe.route_via_uplinks");
    public static final PiActionId DROP = PiActionId.of("IngressPipe.drop");
    public static final PiActionId PUNT_TO_CPU = PiActionId.of("IngressPipe.punt_to_cpu");
    public static final PiActionId NO_ACTION = PiActionId.of("NoAction");

    // Action parameters.
    public static final PiActionParamId PORT = PiActionParamId.of("port");
    public static final PiActionParamId SRC_MAC = PiActionParamId.of("src_mac");
    public static final PiActionParamId DST_MAC = PiActionParamId.of("dst_mac");
    public static final PiActionParamId ECMP_GROUP_ID = PiActionParamId.of("ecmp_group_id");
    public static final PiActionParamId REASON = PiActionParamId.of("reason");

    // Action profiles (ONOS SELECT groups of the ecmp table).
    public static final PiActionProfileId ECMP_SELECTOR = PiActionProfileId.of("IngressPipe.ecmp_selector");

    // Counters: drop_counter is indexed by drop reason; path_pinning_counter is direct.
    public static final PiCounterId DROP_COUNTER = PiCounterId.of("IngressPipe.drop_counter");
    public static final PiCounterId PATH_PINNING_COUNTER = PiCounterId.of("IngressPipe.path_pinning_counter");

    // Controller packet metadata: packet_in carries INGRESS_PORT, packet_out EGRESS_PORT; both pad.
    public static final PiPacketMetadataId INGRESS_PORT = PiPacketMetadataId.of("ingress_port");
    public static final PiPacketMetadataId EGRESS_PORT = PiPacketMetadataId.of("egress_port");
    public static final PiPacketMetadataId PAD = PiPacketMetadataId.of("_pad");

    /** Width of a v1model port number (ports, packet_in/packet_out port metadata). */
    public static final int PORT_BITWIDTH = 9;
    /** Width of the padding that completes the packet_in/packet_out headers to two bytes. */
    public static final int PAD_BITWIDTH = 7;
    /** The CPU port: BMv2 runs with {@code --cpu-port 255}, the ONOS BMv2 convention. */
    public static final long CPU_PORT = 255;

    // Indexes of DROP_COUNTER (metro.p4's DROP_* constants): why a packet was dropped.
    public static final int DROP_ROUTE_MISS = 0;
    public static final int DROP_TTL_EXPIRED = 1;
    public static final int DROP_PARSER_ERROR = 2;
    public static final int DROP_IPV4_CHECKSUM = 3;
    public static final int DROP_NOT_ROUTABLE = 4;
    public static final int DROP_NO_UPLINK = 5;
    /** The reason a route installed as a blackhole (routing_v4 → drop) must use. */
    public static final int DROP_BY_ROUTE = 6;

    private MetroConstants() {
    }
}
