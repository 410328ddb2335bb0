package org.metrofabric.p4runtime.codec;

import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiTableId;
import p4.v1.P4RuntimeOuterClass.ActionProfileGroup;
import p4.v1.P4RuntimeOuterClass.ActionProfileMember;
import p4.v1.P4RuntimeOuterClass.CloneSessionEntry;
import p4.v1.P4RuntimeOuterClass.CounterData;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.MeterEntry;
import p4.v1.P4RuntimeOuterClass.MulticastGroupEntry;
import p4.v1.P4RuntimeOuterClass.PacketReplicationEngineEntry;
import p4.v1.P4RuntimeOuterClass.TableEntry;

/**
 * Wildcard read requests (P4Runtime 1.3, "Wildcard Reads"), in the shapes ONOS 2.7's client
 * sends: a table's entries with an empty {@code counter_data} when the table has a direct counter
 * (which asks for the counts), a table's default entry, all members or groups of a profile, all
 * cells of a meter, all multicast groups or clone sessions (id 0).
 */
final class ReadRequestCodec {

    private final P4InfoIndex p4Info;

    ReadRequestCodec(P4InfoIndex p4Info) {
        this.p4Info = p4Info;
    }

    Entity tableEntries(PiTableId tableId) {
        TableInfo table = p4Info.table(tableId.id());
        TableEntry.Builder filter = TableEntry.newBuilder().setTableId(table.id());
        if (table.directCounterId().isPresent()) {
            filter.setCounterData(CounterData.getDefaultInstance());
        }
        return Entity.newBuilder().setTableEntry(filter).build();
    }

    Entity defaultEntry(PiTableId tableId) {
        TableInfo table = p4Info.table(tableId.id());
        return Entity.newBuilder().setTableEntry(TableEntry.newBuilder().setTableId(table.id())
                .setIsDefaultAction(true)).build();
    }

    Entity members(PiActionProfileId profileId) {
        int id = p4Info.actionProfile(profileId.id()).getPreamble().getId();
        return Entity.newBuilder().setActionProfileMember(ActionProfileMember.newBuilder().setActionProfileId(id))
                .build();
    }

    Entity groups(PiActionProfileId profileId) {
        int id = p4Info.actionProfile(profileId.id()).getPreamble().getId();
        return Entity.newBuilder().setActionProfileGroup(ActionProfileGroup.newBuilder().setActionProfileId(id))
                .build();
    }

    Entity meterCells(PiMeterId meterId) {
        int id = p4Info.meter(meterId.id()).getPreamble().getId();
        return Entity.newBuilder().setMeterEntry(MeterEntry.newBuilder().setMeterId(id)).build();
    }

    static Entity multicastGroups() {
        return Entity.newBuilder().setPacketReplicationEngineEntry(PacketReplicationEngineEntry.newBuilder()
                .setMulticastGroupEntry(MulticastGroupEntry.getDefaultInstance())).build();
    }

    static Entity cloneSessions() {
        return Entity.newBuilder().setPacketReplicationEngineEntry(PacketReplicationEngineEntry.newBuilder()
                .setCloneSessionEntry(CloneSessionEntry.getDefaultInstance())).build();
    }
}
