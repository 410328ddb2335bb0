package org.metrofabric.p4runtime.codec;

import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiMeterType;
import org.onosproject.net.pi.runtime.PiMeterBand;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;
import p4.config.v1.P4InfoOuterClass.Meter;
import p4.v1.P4RuntimeOuterClass.DirectMeterEntry;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.Index;
import p4.v1.P4RuntimeOuterClass.MeterConfig;
import p4.v1.P4RuntimeOuterClass.MeterEntry;

/**
 * Meter cell configurations (indexed and direct) between PI and P4Runtime. ONOS 2.7 PI has two
 * forms: both bands (committed = cir/cburst, peak = pir/pburst) or none, which means "reset the cell
 * to its default" and travels as an entry without {@code config}. A single band cannot be encoded.
 */
final class MeterCodec {

    private final P4InfoIndex p4Info;
    private final TableEntryCodec tableEntries;

    MeterCodec(P4InfoIndex p4Info, TableEntryCodec tableEntries) {
        this.p4Info = p4Info;
        this.tableEntries = tableEntries;
    }

    Entity encode(PiMeterCellConfig config) {
        PiMeterCellId cell = config.cellId();
        if (cell.meterType() == PiMeterType.DIRECT) {
            TableInfo table = p4Info.table(cell.tableEntry().table().id());
            if (table.directMeterId().isEmpty()) {
                throw P4RuntimeException.invalidArgument("table '%s' has no direct meter", table.name());
            }
            DirectMeterEntry.Builder out = DirectMeterEntry.newBuilder()
                    .setTableEntry(tableEntries.encode(TableEntryCodec.withoutCounterData(cell.tableEntry()), null));
            if (!config.isDefaultConfig()) {
                out.setConfig(encodeBands(config, "direct meter of table '" + table.name() + "'"));
            }
            return Entity.newBuilder().setDirectMeterEntry(out).build();
        }
        Meter meter = p4Info.meter(cell.meterId().id());
        String what = "meter '" + meter.getPreamble().getName() + "'";
        MeterEntry.Builder out = MeterEntry.newBuilder()
                .setMeterId(meter.getPreamble().getId())
                .setIndex(Index.newBuilder().setIndex(CellIndex.check(cell.index(), meter.getSize(), what)));
        if (!config.isDefaultConfig()) {
            out.setConfig(encodeBands(config, what));
        }
        return Entity.newBuilder().setMeterEntry(out).build();
    }

    PiMeterCellConfig decode(MeterEntry entry) {
        Meter meter = p4Info.meter(entry.getMeterId());
        String what = "meter '" + meter.getPreamble().getName() + "'";
        if (!entry.hasIndex()) {
            throw P4RuntimeException.invalidArgument("%s: the entry has no index", what);
        }
        long index = CellIndex.check(entry.getIndex().getIndex(), meter.getSize(), what);
        PiMeterCellId cell = PiMeterCellId.ofIndirect(PiMeterId.of(meter.getPreamble().getName()), index);
        return entry.hasConfig() ? decodeBands(cell, entry.getConfig(), what) : PiMeterCellConfig.reset(cell);
    }

    PiMeterCellConfig decode(DirectMeterEntry entry) {
        if (!entry.hasTableEntry()) {
            throw P4RuntimeException.invalidArgument("direct meter entry has no table entry");
        }
        TableInfo table = p4Info.table(entry.getTableEntry().getTableId());
        if (table.directMeterId().isEmpty()) {
            throw P4RuntimeException.invalidArgument("table '%s' has no direct meter", table.name());
        }
        PiMeterCellId cell = PiMeterCellId.ofDirect(tableEntries.decode(entry.getTableEntry()));
        return entry.hasConfig()
                ? decodeBands(cell, entry.getConfig(), "direct meter of table '" + table.name() + "'")
                : PiMeterCellConfig.reset(cell);
    }

    MeterConfig encodeBands(PiMeterCellConfig config, String what) {
        PiMeterBand committed = config.committedBand();
        PiMeterBand peak = config.peakBand();
        if (committed == null || peak == null) {
            throw P4RuntimeException.invalidArgument("%s: a meter config needs both a committed and a peak band "
                    + "(or none, to reset the cell)", what);
        }
        MeterConfig out = MeterConfig.newBuilder()
                .setCir(committed.rate()).setCburst(committed.burst())
                .setPir(peak.rate()).setPburst(peak.burst())
                .build();
        checkConfig(out, what);
        return out;
    }

    private static PiMeterCellConfig decodeBands(PiMeterCellId cell, MeterConfig config, String what) {
        checkConfig(config, what);
        return PiMeterCellConfig.builder()
                .withMeterCellId(cell)
                .withCommittedBand(config.getCir(), config.getCburst())
                .withPeakBand(config.getPir(), config.getPburst())
                .build();
    }

    private static void checkConfig(MeterConfig config, String what) {
        if (config.getCir() < 0 || config.getCburst() < 0 || config.getPir() < 0 || config.getPburst() < 0) {
            throw P4RuntimeException.invalidArgument("%s: meter rates and bursts must not be negative "
                    + "(cir %d, cburst %d, pir %d, pburst %d)", what, config.getCir(), config.getCburst(),
                    config.getPir(), config.getPburst());
        }
    }
}
