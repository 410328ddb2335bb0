package org.metrofabric.p4runtime.codec;

import org.onosproject.net.PortNumber;
import org.onosproject.net.pi.runtime.PiCloneSessionEntry;
import org.onosproject.net.pi.runtime.PiMulticastGroupEntry;
import org.onosproject.net.pi.runtime.PiPreEntry;
import org.onosproject.net.pi.runtime.PiPreReplica;
import p4.v1.P4RuntimeOuterClass.CloneSessionEntry;
import p4.v1.P4RuntimeOuterClass.MulticastGroupEntry;
import p4.v1.P4RuntimeOuterClass.PacketReplicationEngineEntry;
import p4.v1.P4RuntimeOuterClass.Replica;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Packet replication engine entries (multicast groups, clone sessions) between PI and P4Runtime.
 * They do not depend on the P4Info. Ports are uint32 on the wire (P4Runtime 1.2/1.3
 * {@code egress_port}); an ONOS port number above 2^32-1 cannot be sent.
 */
final class PreEntryCodec {

    private PreEntryCodec() {
    }

    static PacketReplicationEngineEntry encode(PiPreEntry entry) {
        PacketReplicationEngineEntry.Builder out = PacketReplicationEngineEntry.newBuilder();
        switch (entry.preEntryType()) {
            case MULTICAST_GROUP -> {
                PiMulticastGroupEntry group = (PiMulticastGroupEntry) entry;
                String what = "multicast group " + Integer.toUnsignedString(group.groupId());
                out.setMulticastGroupEntry(MulticastGroupEntry.newBuilder()
                        .setMulticastGroupId(group.groupId())
                        .addAllReplicas(encodeReplicas(group.replicas(), what)));
            }
            case CLONE_SESSION -> {
                PiCloneSessionEntry session = (PiCloneSessionEntry) entry;
                String what = "clone session " + Integer.toUnsignedString(session.sessionId());
                out.setCloneSessionEntry(CloneSessionEntry.newBuilder()
                        .setSessionId(session.sessionId())
                        .addAllReplicas(encodeReplicas(session.replicas(), what))
                        .setClassOfService(session.classOfService())
                        .setPacketLengthBytes(session.maxPacketLengthBytes()));
            }
            default -> throw P4RuntimeException.invalidArgument("PRE entry type %s is not supported",
                    entry.preEntryType());
        }
        PacketReplicationEngineEntry encoded = out.build();
        decode(encoded);
        return encoded;
    }

    static PiPreEntry decode(PacketReplicationEngineEntry entry) {
        switch (entry.getTypeCase()) {
            case MULTICAST_GROUP_ENTRY -> {
                MulticastGroupEntry group = entry.getMulticastGroupEntry();
                String what = "multicast group " + Integer.toUnsignedString(group.getMulticastGroupId());
                return PiMulticastGroupEntry.builder()
                        .withGroupId(group.getMulticastGroupId())
                        .addReplicas(decodeReplicas(group.getReplicasList(), what))
                        .build();
            }
            case CLONE_SESSION_ENTRY -> {
                CloneSessionEntry session = entry.getCloneSessionEntry();
                String what = "clone session " + Integer.toUnsignedString(session.getSessionId());
                if (session.getPacketLengthBytes() < 0) {
                    throw P4RuntimeException.invalidArgument("%s: packet_length_bytes %d is negative", what,
                            session.getPacketLengthBytes());
                }
                return PiCloneSessionEntry.builder()
                        .withSessionId(session.getSessionId())
                        .addReplicas(decodeReplicas(session.getReplicasList(), what))
                        .withClassOfService(session.getClassOfService())
                        .withMaxPacketLengthBytes(session.getPacketLengthBytes())
                        .build();
            }
            default -> throw P4RuntimeException.invalidArgument("the packet replication engine entry is empty");
        }
    }

    private static List<Replica> encodeReplicas(Collection<PiPreReplica> replicas, String what) {
        List<Replica> out = new ArrayList<>();
        for (PiPreReplica replica : replicas) {
            long port = replica.egressPort().toLong();
            if (port < 0 || port > 0xffff_ffffL) {
                throw P4RuntimeException.invalidArgument("%s: egress port %s does not fit in 32 bits", what,
                        replica.egressPort());
            }
            out.add(Replica.newBuilder().setEgressPort((int) port).setInstance(replica.instanceId()).build());
        }
        return out;
    }

    private static List<PiPreReplica> decodeReplicas(List<Replica> replicas, String what) {
        List<PiPreReplica> out = new ArrayList<>();
        for (Replica replica : replicas) {
            PiPreReplica decoded = new PiPreReplica(
                    PortNumber.portNumber(Integer.toUnsignedLong(replica.getEgressPort())), replica.getInstance());
            if (out.contains(decoded)) {
                throw P4RuntimeException.invalidArgument("%s: replica (port %d, instance %d) is listed twice",
                        what, Integer.toUnsignedLong(replica.getEgressPort()), replica.getInstance());
            }
            out.add(decoded);
        }
        return out;
    }
}
