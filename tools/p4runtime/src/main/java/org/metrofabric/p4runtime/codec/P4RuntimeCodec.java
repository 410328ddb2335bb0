package org.metrofabric.p4runtime.codec;

import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiActionProfileGroup;
import org.onosproject.net.pi.runtime.PiActionProfileMember;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiEntity;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.pi.runtime.PiPreEntry;
import org.onosproject.net.pi.runtime.PiTableEntry;
import p4.v1.P4RuntimeOuterClass.ActionProfileGroup;
import p4.v1.P4RuntimeOuterClass.ActionProfileMember;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.PacketIn;
import p4.v1.P4RuntimeOuterClass.PacketOut;
import p4.v1.P4RuntimeOuterClass.PacketReplicationEngineEntry;
import p4.v1.P4RuntimeOuterClass.TableEntry;

import java.util.Optional;

/**
 * The one place that converts between ONOS 2.7 PI objects and P4Runtime {@code p4.v1} messages
 * for one pipeline. Encoding produces canonical byte strings and P4Info ids; decoding accepts
 * canonical or zero-padded byte strings and yields PI values padded to the field width, the form
 * ONOS's translators produce, so PI -> P4Runtime -> PI returns an equal object.
 *
 * <p>Every error is a {@link P4RuntimeException} with the canonical code a P4Runtime server
 * answers with (mostly INVALID_ARGUMENT, OUT_OF_RANGE for a cell index past the array) and a
 * message naming the entity and field. Thread-safe: it holds only immutable lookups.
 */
public final class P4RuntimeCodec {

    private final P4InfoIndex p4Info;
    private final TableEntryCodec tableEntries;
    private final ActionProfileCodec actionProfiles;
    private final CounterCodec counters;
    private final MeterCodec meters;
    private final PacketIoCodec packetIo;
    private final ReadRequestCodec reads;

    private P4RuntimeCodec(P4InfoIndex p4Info) {
        this.p4Info = p4Info;
        ActionCodec actions = new ActionCodec(p4Info);
        this.tableEntries = new TableEntryCodec(p4Info, actions);
        this.actionProfiles = new ActionProfileCodec(p4Info, actions);
        this.counters = new CounterCodec(p4Info, tableEntries);
        this.meters = new MeterCodec(p4Info, tableEntries);
        this.packetIo = new PacketIoCodec(p4Info);
        this.reads = new ReadRequestCodec(p4Info);
    }

    public static P4RuntimeCodec of(P4InfoIndex p4Info) {
        return new P4RuntimeCodec(p4Info);
    }

    public P4InfoIndex p4Info() {
        return p4Info;
    }

    /**
     * Any PI entity the P4Runtime Write and Read RPCs carry: table entries, action profile members
     * and groups, PRE entries, counter cells (with data) and meter cell configs.
     */
    public Entity encode(PiEntity entity) {
        Entity.Builder out = Entity.newBuilder();
        switch (entity.piEntityType()) {
            case TABLE_ENTRY -> out.setTableEntry(encodeTableEntry((PiTableEntry) entity));
            case ACTION_PROFILE_MEMBER -> out.setActionProfileMember(encodeMember((PiActionProfileMember) entity));
            case ACTION_PROFILE_GROUP -> out.setActionProfileGroup(encodeGroup((PiActionProfileGroup) entity));
            case PRE_ENTRY -> out.setPacketReplicationEngineEntry(encodePreEntry((PiPreEntry) entity));
            case COUNTER_CELL -> {
                return encodeCounterCell((PiCounterCell) entity);
            }
            case METER_CELL_CONFIG -> {
                return encodeMeterCellConfig((PiMeterCellConfig) entity);
            }
            default -> throw P4RuntimeException.invalidArgument("PI entity type %s has no P4Runtime encoding here",
                    entity.piEntityType());
        }
        return out.build();
    }

    /** The inverse of {@link #encode(PiEntity)}; an empty entity or a register entry is INVALID_ARGUMENT. */
    public PiEntity decode(Entity entity) {
        return switch (entity.getEntityCase()) {
            case TABLE_ENTRY -> decodeTableEntry(entity.getTableEntry());
            case ACTION_PROFILE_MEMBER -> decodeMember(entity.getActionProfileMember());
            case ACTION_PROFILE_GROUP -> decodeGroup(entity.getActionProfileGroup());
            case PACKET_REPLICATION_ENGINE_ENTRY -> decodePreEntry(entity.getPacketReplicationEngineEntry());
            case COUNTER_ENTRY -> counters.decode(entity.getCounterEntry());
            case DIRECT_COUNTER_ENTRY -> counters.decode(entity.getDirectCounterEntry());
            case METER_ENTRY -> meters.decode(entity.getMeterEntry());
            case DIRECT_METER_ENTRY -> meters.decode(entity.getDirectMeterEntry());
            case ENTITY_NOT_SET -> throw P4RuntimeException.invalidArgument("the entity is empty");
            default -> throw P4RuntimeException.invalidArgument("%s entities have no PI form in ONOS 2.7",
                    entity.getEntityCase());
        };
    }

    public TableEntry encodeTableEntry(PiTableEntry entry) {
        return tableEntries.encode(entry, null);
    }

    /**
     * A table entry carrying the configuration of its direct meter. ONOS 2.7's PiTableEntry has
     * no meter field, so the config travels beside it ({@code directMeter.cellId()} is not used).
     */
    public TableEntry encodeTableEntry(PiTableEntry entry, PiMeterCellConfig directMeter) {
        TableInfo table = p4Info.table(entry.table().id());
        return tableEntries.encode(entry, directMeter.isDefaultConfig() ? null
                : meters.encodeBands(directMeter, "direct meter of table '" + table.name() + "'"));
    }

    public PiTableEntry decodeTableEntry(TableEntry entry) {
        return tableEntries.decode(entry);
    }

    /**
     * The direct meter config a table entry carries, if any
     * (see {@link #encodeTableEntry(PiTableEntry, PiMeterCellConfig)}).
     */
    public Optional<PiMeterCellConfig> decodeDirectMeterConfig(TableEntry entry) {
        if (!entry.hasMeterConfig()) {
            return Optional.empty();
        }
        TableEntry key = entry.toBuilder().clearMeterConfig().build();
        return Optional.of(meters.decode(p4.v1.P4RuntimeOuterClass.DirectMeterEntry.newBuilder()
                .setTableEntry(key).setConfig(entry.getMeterConfig()).build()));
    }

    public ActionProfileMember encodeMember(PiActionProfileMember member) {
        return actionProfiles.encodeMember(member);
    }

    public PiActionProfileMember decodeMember(ActionProfileMember member) {
        return actionProfiles.decodeMember(member);
    }

    public ActionProfileGroup encodeGroup(PiActionProfileGroup group) {
        return actionProfiles.encodeGroup(group);
    }

    public PiActionProfileGroup decodeGroup(ActionProfileGroup group) {
        return actionProfiles.decodeGroup(group);
    }

    /** Multicast groups and clone sessions. */
    public PacketReplicationEngineEntry encodePreEntry(PiPreEntry entry) {
        return PreEntryCodec.encode(entry);
    }

    public PiPreEntry decodePreEntry(PacketReplicationEngineEntry entry) {
        return PreEntryCodec.decode(entry);
    }

    /** A counter cell with its data: a CounterEntry, or a DirectCounterEntry for a direct cell. */
    public Entity encodeCounterCell(PiCounterCell cell) {
        return counters.encode(cell.cellId(), cell.data());
    }

    /** A read request for one counter cell (no data). */
    public Entity encodeCounterCellId(PiCounterCellId cellId) {
        return counters.encode(cellId, null);
    }

    /** A read request for every cell of an indexed counter. */
    public Entity encodeCounterReadAll(PiCounterId counterId) {
        return counters.encodeReadAll(counterId);
    }

    /** A CounterEntry or DirectCounterEntry entity as a PI cell. */
    public PiCounterCell decodeCounterCell(Entity entity) {
        return switch (entity.getEntityCase()) {
            case COUNTER_ENTRY -> counters.decode(entity.getCounterEntry());
            case DIRECT_COUNTER_ENTRY -> counters.decode(entity.getDirectCounterEntry());
            default -> throw P4RuntimeException.invalidArgument("expected a counter entry, got %s",
                    entity.getEntityCase());
        };
    }

    /** A MeterEntry, or a DirectMeterEntry for a direct cell; no bands means reset to default. */
    public Entity encodeMeterCellConfig(PiMeterCellConfig config) {
        return meters.encode(config);
    }

    public PiMeterCellConfig decodeMeterCellConfig(Entity entity) {
        return switch (entity.getEntityCase()) {
            case METER_ENTRY -> meters.decode(entity.getMeterEntry());
            case DIRECT_METER_ENTRY -> meters.decode(entity.getDirectMeterEntry());
            default -> throw P4RuntimeException.invalidArgument("expected a meter entry, got %s",
                    entity.getEntityCase());
        };
    }

    public PacketOut encodePacketOut(PiPacketOperation operation) {
        return packetIo.encodePacketOut(operation);
    }

    public PiPacketOperation decodePacketOut(PacketOut packet) {
        return packetIo.decodePacketOut(packet);
    }

    public PacketIn encodePacketIn(PiPacketOperation operation) {
        return packetIo.encodePacketIn(operation);
    }

    public PiPacketOperation decodePacketIn(PacketIn packet) {
        return packetIo.decodePacketIn(packet);
    }

    /** Read request: every entry of a table, with direct counter values if the table has a direct counter. */
    public Entity encodeTableRead(PiTableId tableId) {
        return reads.tableEntries(tableId);
    }

    /** Read request: the default entry of a table. */
    public Entity encodeDefaultEntryRead(PiTableId tableId) {
        return reads.defaultEntry(tableId);
    }

    /** Read request: every member of an action profile. */
    public Entity encodeMemberRead(PiActionProfileId profileId) {
        return reads.members(profileId);
    }

    /** Read request: every group of an action profile. */
    public Entity encodeGroupRead(PiActionProfileId profileId) {
        return reads.groups(profileId);
    }

    /** Read request: every cell of an indexed meter. */
    public Entity encodeMeterReadAll(PiMeterId meterId) {
        return reads.meterCells(meterId);
    }

    /** Read request: every multicast group. */
    public Entity encodeMulticastGroupRead() {
        return ReadRequestCodec.multicastGroups();
    }

    /** Read request: every clone session. */
    public Entity encodeCloneSessionRead() {
        return ReadRequestCodec.cloneSessions();
    }
}
