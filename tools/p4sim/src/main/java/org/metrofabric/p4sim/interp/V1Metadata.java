package org.metrofabric.p4sim.interp;

import org.metrofabric.p4sim.ir.P4Type;

/** Slots of standard_metadata_t fields in the frame, so the architecture reads/writes them directly. */
public final class V1Metadata {
    public final int ingressPort;
    public final int egressSpec;
    public final int egressPort;
    public final int instanceType;
    public final int packetLength;
    public final int enqTimestamp;
    public final int enqQdepth;
    public final int deqTimedelta;
    public final int deqQdepth;
    public final int ingressGlobalTimestamp;
    public final int egressGlobalTimestamp;
    public final int mcastGrp;
    public final int egressRid;
    public final int checksumError;
    public final int parserError;
    public final int priority;

    V1Metadata(P4Type.Struct type, Layout.Struct layout) {
        ingressPort = slot(type, layout, "ingress_port");
        egressSpec = slot(type, layout, "egress_spec");
        egressPort = slot(type, layout, "egress_port");
        instanceType = slot(type, layout, "instance_type");
        packetLength = slot(type, layout, "packet_length");
        enqTimestamp = slot(type, layout, "enq_timestamp");
        enqQdepth = slot(type, layout, "enq_qdepth");
        deqTimedelta = slot(type, layout, "deq_timedelta");
        deqQdepth = slot(type, layout, "deq_qdepth");
        ingressGlobalTimestamp = slot(type, layout, "ingress_global_timestamp");
        egressGlobalTimestamp = slot(type, layout, "egress_global_timestamp");
        mcastGrp = slot(type, layout, "mcast_grp");
        egressRid = slot(type, layout, "egress_rid");
        checksumError = slot(type, layout, "checksum_error");
        parserError = slot(type, layout, "parser_error");
        priority = slot(type, layout, "priority");
    }

    private static int slot(P4Type.Struct type, Layout.Struct layout, String field) {
        int i = type.fieldIndex(field);
        if (i < 0) {
            throw new IllegalArgumentException("standard_metadata_t has no field " + field);
        }
        return ((Layout.Scalar) layout.members()[i]).slot();
    }
}
