package org.metrofabric.p4sim.serve;

import com.google.protobuf.ByteString;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import org.metrofabric.p4runtime.codec.TableInfo;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4RuntimeOuterClass.Action;
import p4.v1.P4RuntimeOuterClass.ActionProfileGroup;
import p4.v1.P4RuntimeOuterClass.ActionProfileMember;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.FieldMatch;
import p4.v1.P4RuntimeOuterClass.TableAction;
import p4.v1.P4RuntimeOuterClass.TableEntry;
import p4.v1.P4RuntimeOuterClass.Update;

/** Wire messages for p4src/metro.p4, ids from the pipeconf's P4Info by name. */
final class MetroEntities {
    static final P4Info P4INFO = ServeHarness.parseP4Info(ServeHarness.METRO_P4INFO);
    static final P4InfoIndex INDEX = P4InfoIndex.of(P4INFO);
    static final TableInfo ROUTING = INDEX.table("IngressPipe.routing_v4");
    static final TableInfo PINNING = INDEX.table("IngressPipe.path_pinning");
    static final TableInfo ECMP = INDEX.table("IngressPipe.ecmp");
    static final int SELECTOR = INDEX.actionProfile("IngressPipe.ecmp_selector").getPreamble().getId();

    private MetroEntities() {
    }

    static int field(TableInfo table, String name) {
        return table.matchField(name).getId();
    }

    static Action action(String name, ByteString... values) {
        var info = INDEX.action(name);
        Action.Builder out = Action.newBuilder().setActionId(info.id());
        for (int i = 0; i < values.length; i++) {
            out.addParams(Action.Param.newBuilder().setParamId(info.params().get(i).getId()).setValue(values[i]));
        }
        return out.build();
    }

    /** set_next_hop(port, src_mac, dst_mac), parameters in P4Info order. */
    static Action setNextHop(ByteString port, ByteString srcMac, ByteString dstMac) {
        return action("IngressPipe.set_next_hop", port, srcMac, dstMac);
    }

    static Action setNextHop(int port) {
        return setNextHop(RoutingEntities.bytes(port), RoutingEntities.bytes(2), RoutingEntities.bytes(3));
    }

    static FieldMatch lpm(int fieldId, ByteString value, int prefix) {
        return FieldMatch.newBuilder().setFieldId(fieldId)
                .setLpm(FieldMatch.LPM.newBuilder().setValue(value).setPrefixLen(prefix)).build();
    }

    static TableEntry route(ByteString dst, int prefix, Action action) {
        return TableEntry.newBuilder().setTableId(ROUTING.id())
                .addMatch(lpm(field(ROUTING, "hdr.ipv4.dst_addr"), dst, prefix))
                .setAction(TableAction.newBuilder().setAction(action)).build();
    }

    static TableEntry pin(ByteString src, ByteString srcMask, ByteString dscp, int priority, Action action) {
        return TableEntry.newBuilder().setTableId(PINNING.id())
                .addMatch(FieldMatch.newBuilder().setFieldId(field(PINNING, "hdr.ipv4.src_addr"))
                        .setTernary(FieldMatch.Ternary.newBuilder().setValue(src).setMask(srcMask)))
                .addMatch(FieldMatch.newBuilder().setFieldId(field(PINNING, "hdr.ipv4.dscp"))
                        .setOptional(FieldMatch.Optional.newBuilder().setValue(dscp)))
                .setPriority(priority)
                .setAction(TableAction.newBuilder().setAction(action)).build();
    }

    static Entity member(int id, Action action) {
        return Entity.newBuilder().setActionProfileMember(ActionProfileMember.newBuilder().setActionProfileId(SELECTOR)
                .setMemberId(id).setAction(action)).build();
    }

    static Entity group(int id, int... members) {
        ActionProfileGroup.Builder group = ActionProfileGroup.newBuilder().setActionProfileId(SELECTOR).setGroupId(id);
        for (int m : members) {
            group.addMembers(ActionProfileGroup.Member.newBuilder().setMemberId(m).setWeight(1));
        }
        return Entity.newBuilder().setActionProfileGroup(group).build();
    }

    static TableEntry ecmpEntry(ByteString groupId, int group) {
        return TableEntry.newBuilder().setTableId(ECMP.id())
                .addMatch(FieldMatch.newBuilder().setFieldId(field(ECMP, "meta.ecmp_group_id"))
                        .setExact(FieldMatch.Exact.newBuilder().setValue(groupId)))
                .setAction(TableAction.newBuilder().setActionProfileGroupId(group)).build();
    }

    static Update insert(Entity entity) {
        return Update.newBuilder().setType(Update.Type.INSERT).setEntity(entity).build();
    }

    static Update insert(TableEntry entry) {
        return insert(Entity.newBuilder().setTableEntry(entry).build());
    }
}
