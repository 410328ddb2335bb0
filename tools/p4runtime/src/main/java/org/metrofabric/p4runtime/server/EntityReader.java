package org.metrofabric.p4runtime.server;

import io.grpc.Status;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import org.metrofabric.p4runtime.codec.P4RuntimeCodec;
import org.metrofabric.p4runtime.codec.P4RuntimeException;
import org.metrofabric.p4runtime.codec.TableInfo;
import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;
import org.onosproject.net.pi.runtime.PiTableEntry;
import p4.config.v1.P4InfoOuterClass;
import p4.v1.P4RuntimeOuterClass.ActionProfileGroup;
import p4.v1.P4RuntimeOuterClass.ActionProfileMember;
import p4.v1.P4RuntimeOuterClass.CloneSessionEntry;
import p4.v1.P4RuntimeOuterClass.CounterEntry;
import p4.v1.P4RuntimeOuterClass.DirectCounterEntry;
import p4.v1.P4RuntimeOuterClass.DirectMeterEntry;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.MeterEntry;
import p4.v1.P4RuntimeOuterClass.MulticastGroupEntry;
import p4.v1.P4RuntimeOuterClass.PacketReplicationEngineEntry;
import p4.v1.P4RuntimeOuterClass.TableEntry;

import java.util.List;
import java.util.function.Consumer;

/**
 * Answers the entities of a Read request with the wildcards of P4Runtime 1.3 ("Wildcard Reads"):
 * id 0 means every table, profile, counter, meter or PRE entry of the kind; a table entry with no
 * match means every entry, filtered by priority, action id and metadata only when they are set;
 * {@code is_default_action} asks for the default entry only; {@code counter_data} or
 * {@code meter_config} present (even empty) asks for the direct resource's values; a counter or
 * meter entry without index means every cell. A key that matches nothing reads as nothing.
 * Table entries carry no {@code metadata} bytes here (they have no PI form), so a metadata filter
 * matches nothing. {@code time_since_last_hit} present asks for each entry's elapsed time, which
 * tables that support idle timeouts answer; on other tables it is left out, as PI does.
 */
final class EntityReader {

    private final P4RuntimeTarget target;
    private final P4RuntimeCodec codec;
    private final P4InfoIndex p4Info;
    private final DigestLists digests;

    EntityReader(P4RuntimeTarget target, P4RuntimeCodec codec, DigestLists digests) {
        this.target = target;
        this.codec = codec;
        this.p4Info = codec.p4Info();
        this.digests = digests;
    }

    /** Passes every entity {@code request} selects to {@code out}, in a stable order. */
    void read(Entity request, Consumer<Entity> out) {
        switch (request.getEntityCase()) {
            case TABLE_ENTRY -> readTableEntries(request.getTableEntry(), out);
            case ACTION_PROFILE_MEMBER -> readMembers(request.getActionProfileMember(), out);
            case ACTION_PROFILE_GROUP -> readGroups(request.getActionProfileGroup(), out);
            case PACKET_REPLICATION_ENGINE_ENTRY -> readPre(request.getPacketReplicationEngineEntry(), out);
            case COUNTER_ENTRY -> readCounters(request.getCounterEntry(), out);
            case DIRECT_COUNTER_ENTRY -> readDirectCounters(request.getDirectCounterEntry(), out);
            case METER_ENTRY -> readMeters(request.getMeterEntry(), out);
            case DIRECT_METER_ENTRY -> readDirectMeters(request.getDirectMeterEntry(), out);
            case DIGEST_ENTRY -> digests.read(request.getDigestEntry().getDigestId())
                    .forEach(d -> out.accept(Entity.newBuilder().setDigestEntry(d).build()));
            case ENTITY_NOT_SET -> throw P4RuntimeException.invalidArgument("the read entity is empty");
            default -> throw new P4RuntimeException(Status.Code.UNIMPLEMENTED,
                    "reading " + request.getEntityCase() + " entities is not supported");
        }
    }

    private List<TableInfo> tables(int tableId) {
        return tableId == 0 ? List.copyOf(p4Info.tables()) : List.of(p4Info.table(tableId));
    }

    private void readTableEntries(TableEntry filter, Consumer<Entity> out) {
        for (TableInfo table : tables(filter.getTableId())) {
            PiTableId tableId = PiTableId.of(table.name());
            if (filter.getIsDefaultAction()) {
                TableEntry entry = codec.encodeTableEntry(target.defaultEntry(tableId));
                out.accept(Entity.newBuilder().setTableEntry(entry).build());
                continue;
            }
            if (!filter.getMetadata().isEmpty()) {
                continue;
            }
            KeyFilter key = KeyFilter.of(codec, table, filter);
            for (P4RuntimeTarget.IdleEntry idle : entries(table, tableId, filter)) {
                PiTableEntry pi = idle.entry();
                TableEntry entry = codec.encodeTableEntry(pi);
                if (!key.matches(entry) || !actionMatches(filter, entry)) {
                    continue;
                }
                boolean dropCounter = !filter.hasCounterData() && entry.hasCounterData();
                boolean addMeter = filter.hasMeterConfig() && table.directMeterId().isPresent();
                boolean addIdleTime = idle.nanosSinceLastHit() >= 0;
                if (dropCounter || addMeter || addIdleTime) {
                    TableEntry.Builder shown = entry.toBuilder();
                    if (addIdleTime) {
                        shown.setTimeSinceLastHit(TableEntry.IdleTimeout.newBuilder()
                                .setElapsedNs(idle.nanosSinceLastHit()));
                    }
                    if (dropCounter) {
                        shown.clearCounterData();
                    }
                    if (addMeter) {
                        Entity meter = codec.encodeMeterCellConfig(target.meterCell(PiMeterCellId.ofDirect(pi)));
                        if (meter.getDirectMeterEntry().hasConfig()) {
                            shown.setMeterConfig(meter.getDirectMeterEntry().getConfig());
                        }
                    }
                    entry = shown.build();
                }
                out.accept(Entity.newBuilder().setTableEntry(entry).build());
            }
        }
    }

    /** The table's entries, with their time since last hit if asked and kept; -1 where not. */
    private List<P4RuntimeTarget.IdleEntry> entries(TableInfo table, PiTableId tableId, TableEntry filter) {
        if (filter.hasTimeSinceLastHit() && table.supportsIdleTimeout()) {
            return target.tableEntriesWithIdleTime(tableId);
        }
        return target.tableEntries(tableId).stream().map(e -> new P4RuntimeTarget.IdleEntry(e, -1)).toList();
    }

    private static boolean actionMatches(TableEntry filter, TableEntry entry) {
        if (!filter.hasAction() || !filter.getAction().hasAction()
                || filter.getAction().getAction().getActionId() == 0) {
            return true;
        }
        return entry.getAction().hasAction()
                && entry.getAction().getAction().getActionId() == filter.getAction().getAction().getActionId();
    }

    /** The match-and-priority part of a table-entry filter, in canonical wire form. */
    private record KeyFilter(boolean any, TableEntry key, int priority) {
        static KeyFilter of(P4RuntimeCodec codec, TableInfo table, TableEntry filter) {
            if (filter.getMatchCount() == 0) {
                return new KeyFilter(true, null, filter.getPriority());
            }
            TableEntry request = TableEntry.newBuilder().setTableId(table.id()).addAllMatch(filter.getMatchList())
                    .setPriority(filter.getPriority()).build();
            TableEntry canonical = codec.encodeTableEntry(codec.decodeTableEntry(request));
            return new KeyFilter(false, canonical, filter.getPriority());
        }

        boolean matches(TableEntry entry) {
            if (any) {
                return priority == 0 || entry.getPriority() == priority;
            }
            return entry.getMatchList().equals(key.getMatchList()) && entry.getPriority() == key.getPriority();
        }
    }

    private List<P4InfoOuterClass.ActionProfile> profiles(int profileId) {
        if (profileId != 0) {
            return List.of(p4Info.actionProfile(profileId));
        }
        return p4Info.p4Info().getActionProfilesList();
    }

    private void readMembers(ActionProfileMember filter, Consumer<Entity> out) {
        for (P4InfoOuterClass.ActionProfile profile : profiles(filter.getActionProfileId())) {
            for (var member : target.members(PiActionProfileId.of(profile.getPreamble().getName()))) {
                if (filter.getMemberId() == 0 || filter.getMemberId() == member.id().id()) {
                    out.accept(Entity.newBuilder().setActionProfileMember(codec.encodeMember(member)).build());
                }
            }
        }
    }

    private void readGroups(ActionProfileGroup filter, Consumer<Entity> out) {
        for (P4InfoOuterClass.ActionProfile profile : profiles(filter.getActionProfileId())) {
            if (!profile.getWithSelector()) {
                continue;
            }
            for (var group : target.groups(PiActionProfileId.of(profile.getPreamble().getName()))) {
                if (filter.getGroupId() == 0 || filter.getGroupId() == group.id().id()) {
                    out.accept(Entity.newBuilder().setActionProfileGroup(codec.encodeGroup(group)).build());
                }
            }
        }
    }

    private void readPre(PacketReplicationEngineEntry filter, Consumer<Entity> out) {
        switch (filter.getTypeCase()) {
            case MULTICAST_GROUP_ENTRY -> {
                MulticastGroupEntry group = filter.getMulticastGroupEntry();
                target.multicastGroups().stream()
                        .filter(g -> group.getMulticastGroupId() == 0 || g.groupId() == group.getMulticastGroupId())
                        .forEach(g -> out.accept(preEntity(codec.encodePreEntry(g))));
            }
            case CLONE_SESSION_ENTRY -> {
                CloneSessionEntry session = filter.getCloneSessionEntry();
                target.cloneSessions().stream()
                        .filter(s -> session.getSessionId() == 0 || s.sessionId() == session.getSessionId())
                        .forEach(s -> out.accept(preEntity(codec.encodePreEntry(s))));
            }
            default -> throw P4RuntimeException.invalidArgument(
                    "a packet replication engine read names neither a multicast group nor a clone session");
        }
    }

    private static Entity preEntity(PacketReplicationEngineEntry entry) {
        return Entity.newBuilder().setPacketReplicationEngineEntry(entry).build();
    }

    private void readCounters(CounterEntry filter, Consumer<Entity> out) {
        List<P4InfoOuterClass.Counter> counters = filter.getCounterId() == 0 ? List.copyOf(p4Info.counters())
                : List.of(p4Info.counter(filter.getCounterId()));
        for (P4InfoOuterClass.Counter counter : counters) {
            PiCounterId id = PiCounterId.of(counter.getPreamble().getName());
            if (filter.hasIndex()) {
                Entity cell = Entity.newBuilder().setCounterEntry(filter.toBuilder()
                        .setCounterId(counter.getPreamble().getId()).clearData()).build();
                PiCounterCell decoded = codec.decodeCounterCell(cell);
                out.accept(codec.encodeCounterCell(target.counterCell(decoded.cellId())));
            } else {
                target.counterCells(id).forEach(c -> out.accept(codec.encodeCounterCell(c)));
            }
        }
    }

    private void readDirectCounters(DirectCounterEntry filter, Consumer<Entity> out) {
        TableEntry key = filter.getTableEntry();
        for (TableInfo table : tables(key.getTableId())) {
            if (table.directCounterId().isEmpty()) {
                if (key.getTableId() != 0) {
                    throw P4RuntimeException.invalidArgument("table '%s' has no direct counter", table.name());
                }
                continue;
            }
            KeyFilter keyFilter = KeyFilter.of(codec, table, key);
            for (PiTableEntry pi : target.tableEntries(PiTableId.of(table.name()))) {
                if (keyFilter.matches(codec.encodeTableEntry(pi))) {
                    out.accept(codec.encodeCounterCell(target.counterCell(PiCounterCellId.ofDirect(pi))));
                }
            }
        }
    }

    private void readMeters(MeterEntry filter, Consumer<Entity> out) {
        List<P4InfoOuterClass.Meter> meters = filter.getMeterId() == 0 ? List.copyOf(p4Info.meters())
                : List.of(p4Info.meter(filter.getMeterId()));
        for (P4InfoOuterClass.Meter meter : meters) {
            if (filter.hasIndex()) {
                MeterEntry cell = filter.toBuilder().setMeterId(meter.getPreamble().getId()).clearConfig().build();
                PiMeterCellConfig decoded = codec.decodeMeterCellConfig(
                        Entity.newBuilder().setMeterEntry(cell).build());
                out.accept(codec.encodeMeterCellConfig(target.meterCell(decoded.cellId())));
            } else {
                target.meterCells(PiMeterId.of(meter.getPreamble().getName()))
                        .forEach(c -> out.accept(codec.encodeMeterCellConfig(c)));
            }
        }
    }

    private void readDirectMeters(DirectMeterEntry filter, Consumer<Entity> out) {
        TableEntry key = filter.getTableEntry();
        for (TableInfo table : tables(key.getTableId())) {
            if (table.directMeterId().isEmpty()) {
                if (key.getTableId() != 0) {
                    throw P4RuntimeException.invalidArgument("table '%s' has no direct meter", table.name());
                }
                continue;
            }
            KeyFilter keyFilter = KeyFilter.of(codec, table, key);
            for (PiTableEntry pi : target.tableEntries(PiTableId.of(table.name()))) {
                if (keyFilter.matches(codec.encodeTableEntry(pi))) {
                    out.accept(codec.encodeMeterCellConfig(target.meterCell(PiMeterCellId.ofDirect(pi))));
                }
            }
        }
    }
}
