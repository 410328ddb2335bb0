package org.metrofabric.p4sim.serve;

import com.google.protobuf.ByteString;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4RuntimeOuterClass.Action;
import p4.v1.P4RuntimeOuterClass.CounterEntry;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.FieldMatch;
import p4.v1.P4RuntimeOuterClass.Index;
import p4.v1.P4RuntimeOuterClass.TableAction;
import p4.v1.P4RuntimeOuterClass.TableEntry;
import p4.v1.P4RuntimeOuterClass.Update;

/** Wire messages for the corpus {@code routing} program, ids taken from p4c's P4Info by name. */
final class RoutingEntities {
    static final P4Info P4INFO = ServeHarness.p4cP4Info("routing");
    static final P4InfoIndex INDEX = P4InfoIndex.of(P4INFO);
    static final int TABLE = INDEX.table("RoutingIngress.ipv4_lpm").id();
    static final int DST = INDEX.table("RoutingIngress.ipv4_lpm").matchField("hdr.ipv4.dstAddr").getId();
    static final int SET_NHOP = INDEX.action("RoutingIngress.set_nhop").id();
    static final int DROP = INDEX.action("RoutingIngress.drop").id();
    static final int REPORT = INDEX.action("RoutingIngress.report").id();
    static final int DROPS = INDEX.counter("RoutingIngress.drops").getPreamble().getId();

    private RoutingEntities() {
    }

    static ByteString bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return ByteString.copyFrom(out);
    }

    static FieldMatch lpm(ByteString value, int prefixLength) {
        return FieldMatch.newBuilder().setFieldId(DST)
                .setLpm(FieldMatch.LPM.newBuilder().setValue(value).setPrefixLen(prefixLength)).build();
    }

    static Action setNhop(ByteString dmac, ByteString smac, ByteString port) {
        return Action.newBuilder().setActionId(SET_NHOP)
                .addParams(Action.Param.newBuilder().setParamId(1).setValue(dmac))
                .addParams(Action.Param.newBuilder().setParamId(2).setValue(smac))
                .addParams(Action.Param.newBuilder().setParamId(3).setValue(port)).build();
    }

    static Action setNhop(int port) {
        return setNhop(bytes(0x0a, 0, 0, 0, 0, 1), bytes(0x0a, 0, 0, 0, 0, 2), bytes(port));
    }

    /** 10.0.{third}.0/24 -> set_nhop(.., port). */
    static TableEntry route(int third, Action action) {
        return TableEntry.newBuilder().setTableId(TABLE).addMatch(lpm(bytes(10, 0, third, 0), 24))
                .setAction(TableAction.newBuilder().setAction(action)).build();
    }

    static TableEntry route(int third, int port) {
        return route(third, setNhop(port));
    }

    static Update update(Update.Type type, TableEntry entry) {
        return Update.newBuilder().setType(type).setEntity(Entity.newBuilder().setTableEntry(entry)).build();
    }

    static Entity tableEntity(TableEntry entry) {
        return Entity.newBuilder().setTableEntry(entry).build();
    }

    static Entity counterRead(Integer index) {
        CounterEntry.Builder counter = CounterEntry.newBuilder().setCounterId(DROPS);
        if (index != null) {
            counter.setIndex(Index.newBuilder().setIndex(index));
        }
        return Entity.newBuilder().setCounterEntry(counter).build();
    }
}
