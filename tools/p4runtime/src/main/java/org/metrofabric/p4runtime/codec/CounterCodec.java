package org.metrofabric.p4runtime.codec;

import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiCounterType;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellData;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiTableEntry;
import p4.config.v1.P4InfoOuterClass.Counter;
import p4.v1.P4RuntimeOuterClass.CounterData;
import p4.v1.P4RuntimeOuterClass.CounterEntry;
import p4.v1.P4RuntimeOuterClass.DirectCounterEntry;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.Index;

/**
 * Counter cells (indexed and direct) between PI and P4Runtime. A cell id alone encodes a read
 * request; a cell with data encodes a write or a read reply.
 */
final class CounterCodec {

    private final P4InfoIndex p4Info;
    private final TableEntryCodec tableEntries;

    CounterCodec(P4InfoIndex p4Info, TableEntryCodec tableEntries) {
        this.p4Info = p4Info;
        this.tableEntries = tableEntries;
    }

    Entity encode(PiCounterCellId cell, PiCounterCellData data) {
        if (cell.counterType() == PiCounterType.DIRECT) {
            PiTableEntry entry = cell.tableEntry();
            TableInfo table = p4Info.table(entry.table().id());
            if (table.directCounterId().isEmpty()) {
                throw P4RuntimeException.invalidArgument("table '%s' has no direct counter", table.name());
            }
            DirectCounterEntry.Builder out = DirectCounterEntry.newBuilder()
                    .setTableEntry(tableEntries.encode(TableEntryCodec.withoutCounterData(entry), null));
            if (data != null) {
                out.setData(encodeData(data));
            }
            return Entity.newBuilder().setDirectCounterEntry(out).build();
        }
        Counter counter = p4Info.counter(cell.counterId().id());
        String what = "counter '" + counter.getPreamble().getName() + "'";
        CounterEntry.Builder out = CounterEntry.newBuilder()
                .setCounterId(counter.getPreamble().getId())
                .setIndex(Index.newBuilder().setIndex(CellIndex.check(cell.index(), counter.getSize(), what)));
        if (data != null) {
            out.setData(encodeData(data));
        }
        return Entity.newBuilder().setCounterEntry(out).build();
    }

    /** A read request for every cell of an indexed counter (index unset). */
    Entity encodeReadAll(PiCounterId counterId) {
        Counter counter = p4Info.counter(counterId.id());
        return Entity.newBuilder().setCounterEntry(CounterEntry.newBuilder()
                .setCounterId(counter.getPreamble().getId())).build();
    }

    PiCounterCell decode(CounterEntry entry) {
        Counter counter = p4Info.counter(entry.getCounterId());
        String what = "counter '" + counter.getPreamble().getName() + "'";
        if (!entry.hasIndex()) {
            throw P4RuntimeException.invalidArgument("%s: the entry has no index", what);
        }
        long index = CellIndex.check(entry.getIndex().getIndex(), counter.getSize(), what);
        return new PiCounterCell(PiCounterCellId.ofIndirect(PiCounterId.of(counter.getPreamble().getName()), index),
                decodeData(entry.getData()));
    }

    PiCounterCell decode(DirectCounterEntry entry) {
        if (!entry.hasTableEntry()) {
            throw P4RuntimeException.invalidArgument("direct counter entry has no table entry");
        }
        TableInfo table = p4Info.table(entry.getTableEntry().getTableId());
        if (table.directCounterId().isEmpty()) {
            throw P4RuntimeException.invalidArgument("table '%s' has no direct counter", table.name());
        }
        return new PiCounterCell(PiCounterCellId.ofDirect(tableEntries.decode(entry.getTableEntry())),
                decodeData(entry.getData()));
    }

    private static CounterData encodeData(PiCounterCellData data) {
        return CounterData.newBuilder().setPacketCount(data.packets()).setByteCount(data.bytes()).build();
    }

    private static PiCounterCellData decodeData(CounterData data) {
        return new PiCounterCellData(data.getPacketCount(), data.getByteCount());
    }
}
