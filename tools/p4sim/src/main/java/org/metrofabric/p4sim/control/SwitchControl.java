package org.metrofabric.p4sim.control;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import org.metrofabric.p4runtime.codec.TableInfo;
import org.metrofabric.p4sim.runtime.ActionCall;
import org.metrofabric.p4sim.runtime.ActionProfile;
import org.metrofabric.p4sim.runtime.CloneSession;
import org.metrofabric.p4sim.runtime.CounterArray;
import org.metrofabric.p4sim.runtime.CounterData;
import org.metrofabric.p4sim.runtime.EntryAction;
import org.metrofabric.p4sim.runtime.EntryKey;
import org.metrofabric.p4sim.runtime.MatchTable;
import org.metrofabric.p4sim.runtime.MeterArray;
import org.metrofabric.p4sim.runtime.MeterConfig;
import org.metrofabric.p4sim.runtime.PacketReplicationEngine;
import org.metrofabric.p4sim.runtime.RegisterArray;
import org.metrofabric.p4sim.runtime.Replica;
import org.metrofabric.p4sim.runtime.SwitchState;
import org.metrofabric.p4sim.runtime.TableEntry;
import org.onosproject.net.PortNumber;
import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiCounterType;
import org.onosproject.net.pi.model.PiMeterType;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionProfileGroup;
import org.onosproject.net.pi.runtime.PiActionProfileGroupId;
import org.onosproject.net.pi.runtime.PiActionProfileMember;
import org.onosproject.net.pi.runtime.PiActionProfileMemberId;
import org.onosproject.net.pi.runtime.PiCloneSessionEntry;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellData;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiEntity;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;
import org.onosproject.net.pi.runtime.PiMulticastGroupEntry;
import org.onosproject.net.pi.runtime.PiPreReplica;
import org.onosproject.net.pi.runtime.PiRegisterCellId;
import org.onosproject.net.pi.runtime.PiTableAction;
import org.onosproject.net.pi.runtime.PiTableEntry;

/**
 * The control plane of one switch over ONOS PI objects, validated against the P4Info the way a P4Runtime
 * target validates writes. Every rejected request throws {@link ControlException} with a P4Runtime code and
 * leaves the switch unchanged. Methods are synchronized: one request at a time, packets may flow meanwhile.
 *
 * <p>As in ONOS 2.7, a {@link PiTableEntry} with an empty match key is the table's default entry.
 *
 * <p>Idle timeouts follow BMv2: only tables declared with {@code support_timeout = true} take them; an
 * entry's idle timer starts when it is inserted (or its timeout changes) and restarts on every packet that
 * hits it; {@link #sweepIdleEntries} reports the entries whose timer has run for their timeout. Writes take
 * the time from the clock the packets are timestamped with: {@link #write(UpdateType, PiEntity, long)}
 * names it, the other write methods read {@link System#nanoTime()}.
 */
public final class SwitchControl {
    private final SwitchState state;
    private final P4InfoIndex p4info;
    private final ActionTranslator actions;
    /** The entries the previous sweep reported; BMv2 does not report an entry in two sweeps in a row. */
    private Set<TableEntry> reportedLastSweep = Set.of();

    public SwitchControl(SwitchState state) {
        this.state = state;
        this.p4info = state.p4infoIndex();
        this.actions = new ActionTranslator(p4info);
    }

    public SwitchState state() {
        return state;
    }

    // ---------------------------------------------------------------- batches

    /**
     * Applies updates in order, continuing after a failure (P4Runtime CONTINUE_ON_ERROR). Returns one
     * element per update: empty on success, else the error.
     */
    public synchronized List<Optional<ControlException>> write(List<Update> updates) {
        List<Optional<ControlException>> results = new ArrayList<>(updates.size());
        long nowNanos = System.nanoTime();
        for (Update update : updates) {
            try {
                write(update.type(), update.entity(), nowNanos);
                results.add(Optional.empty());
            } catch (ControlException e) {
                results.add(Optional.of(e));
            }
        }
        return results;
    }

    /** Applies one update of any supported PI entity at {@link System#nanoTime()}. */
    public synchronized void write(UpdateType type, PiEntity entity) {
        write(type, entity, System.nanoTime());
    }

    /** Applies one update of any supported PI entity; {@code nowNanos} starts the idle timers it sets. */
    public synchronized void write(UpdateType type, PiEntity entity, long nowNanos) {
        if (entity instanceof PiTableEntry entry) {
            writeTableEntry(type, entry, nowNanos);
        } else if (entity instanceof PiActionProfileMember member) {
            writeMember(type, member);
        } else if (entity instanceof PiActionProfileGroup group) {
            writeGroup(type, group);
        } else if (entity instanceof PiMulticastGroupEntry group) {
            writeMulticastGroup(type, group);
        } else if (entity instanceof PiCloneSessionEntry session) {
            writeCloneSession(type, session);
        } else if (entity instanceof PiCounterCell cell) {
            requireModify(type, "counter cell");
            writeCounter(cell);
        } else if (entity instanceof PiMeterCellConfig config) {
            requireModify(type, "meter cell");
            writeMeter(config);
        } else {
            throw new ControlException(ControlException.Code.UNIMPLEMENTED,
                    "writing " + entity.piEntityType() + " entities is not supported");
        }
    }

    private static void requireModify(UpdateType type, String what) {
        if (type != UpdateType.MODIFY) {
            throw ControlException.invalid(what + " can only be modified, not " + type);
        }
    }

    // ---------------------------------------------------------------- tables

    public synchronized void insert(PiTableEntry entry) {
        writeTableEntry(UpdateType.INSERT, entry, System.nanoTime());
    }

    public synchronized void modify(PiTableEntry entry) {
        writeTableEntry(UpdateType.MODIFY, entry, System.nanoTime());
    }

    public synchronized void delete(PiTableEntry entry) {
        writeTableEntry(UpdateType.DELETE, entry, System.nanoTime());
    }

    private MatchTable table(PiTableId id) {
        if (p4info.findTable(id.id()).isEmpty()) {
            throw ControlException.invalid("unknown table '" + id.id() + "'");
        }
        return state.table(id.id());
    }

    private void writeTableEntry(UpdateType type, PiTableEntry entry, long nowNanos) {
        MatchTable table = table(entry.table());
        if (entry.isDefaultAction()) {
            writeDefaultEntry(type, table, entry);
            return;
        }
        if (table.isConstTable()) {
            throw new ControlException(ControlException.Code.PERMISSION_DENIED,
                    "table " + table.name() + " has const entries and cannot be written");
        }
        EntryKey key = MatchKeyTranslator.toEntryKey(table, entry.matchKey(), entry.priority());
        TableEntry existing = table.entry(key);
        long idleTimeoutNanos = type == UpdateType.DELETE ? 0 : idleTimeoutNanos(table, entry);
        switch (type) {
            case INSERT: {
                if (existing != null) {
                    throw new ControlException(ControlException.Code.ALREADY_EXISTS,
                            "table " + table.name() + ": an entry with this match key and priority exists");
                }
                EntryAction action = entryAction(table, entry.action());
                if (table.entryCount() >= table.size()) {
                    throw new ControlException(ControlException.Code.RESOURCE_EXHAUSTED,
                            "table " + table.name() + " is full (" + table.size() + " entries)");
                }
                table.insert(key, action, idleTimeoutNanos, nowNanos);
                break;
            }
            case MODIFY: {
                requireExisting(table, existing);
                table.modify(key, entryAction(table, entry.action()));
                if (table.supportsIdleTimeout()) {
                    table.setIdleTimeout(key, idleTimeoutNanos, nowNanos);
                }
                break;
            }
            default:
                requireExisting(table, existing);
                table.delete(key);
        }
    }

    /** The entry's idle timeout in nanoseconds (0 without one), checked against the table. */
    private static long idleTimeoutNanos(MatchTable table, PiTableEntry entry) {
        if (entry.timeout().isEmpty()) {
            return 0;
        }
        double seconds = entry.timeout().get();
        if (!table.supportsIdleTimeout()) {
            throw ControlException.invalid("table " + table.name() + " does not support idle timeouts (its P4 "
                    + "declaration lacks support_timeout = true), got a timeout of " + seconds + " s");
        }
        if (!(seconds >= 0) || seconds * 1e9 >= Long.MAX_VALUE) {
            throw ControlException.invalid("table " + table.name() + ": idle timeout " + seconds
                    + " s is not a valid duration (a finite number of seconds, at least 0, below 2^63 ns)");
        }
        return Math.round(seconds * 1e9);
    }

    private static void requireExisting(MatchTable table, TableEntry existing) {
        if (existing == null) {
            throw ControlException.notFound("table " + table.name() + ": no entry with this match key and priority");
        }
    }

    private void writeDefaultEntry(UpdateType type, MatchTable table, PiTableEntry entry) {
        if (type != UpdateType.MODIFY) {
            throw ControlException.invalid("table " + table.name() + ": the default entry can only be modified, not "
                    + type);
        }
        if (table.isDefaultConst()) {
            throw new ControlException(ControlException.Code.PERMISSION_DENIED,
                    "table " + table.name() + " has a const default action");
        }
        if (entry.priority().isPresent() && entry.priority().getAsInt() != 0) {
            throw ControlException.invalid("table " + table.name() + ": the default entry has no priority");
        }
        if (entry.timeout().isPresent()) {
            throw ControlException.invalid("table " + table.name() + ": the default entry does not age, it "
                    + "cannot take an idle timeout");
        }
        PiTableAction action = entry.action();
        if (action == null) {
            table.resetDefaultAction();
            return;
        }
        if (action.type() != PiTableAction.Type.ACTION) {
            throw ControlException.invalid("table " + table.name()
                    + ": the default entry needs a direct action, got " + action.type());
        }
        table.setDefaultAction(actions.toCallForTable((PiAction) action,
                p4info.table(table.name()), true, "table " + table.name() + " default entry"));
    }

    private EntryAction entryAction(MatchTable table, PiTableAction action) {
        String context = "table " + table.name();
        if (action == null) {
            throw ControlException.invalid(context + ": the entry has no action");
        }
        ActionProfile profile = table.profile();
        switch (action.type()) {
            case ACTION:
                if (profile != null) {
                    throw ControlException.invalid(context + " is implemented by action profile " + profile.name()
                            + ": entries refer to members or groups, not actions");
                }
                return actions.toCallForTable((PiAction) action, p4info.table(table.name()), false, context);
            case ACTION_PROFILE_MEMBER_ID: {
                requireProfile(table, context);
                int memberId = ((PiActionProfileMemberId) action).id();
                if (!profile.hasMember(memberId)) {
                    throw ControlException.notFound(context + ": action profile " + profile.name()
                            + " has no member " + memberId);
                }
                return new EntryAction.MemberRef(memberId);
            }
            case ACTION_PROFILE_GROUP_ID: {
                requireProfile(table, context);
                if (!profile.withSelector()) {
                    throw ControlException.invalid(context + ": action profile " + profile.name()
                            + " has no selector, so no groups");
                }
                int groupId = ((PiActionProfileGroupId) action).id();
                if (!profile.hasGroup(groupId)) {
                    throw ControlException.notFound(context + ": action selector " + profile.name()
                            + " has no group " + groupId);
                }
                return new EntryAction.GroupRef(groupId);
            }
            default:
                throw new ControlException(ControlException.Code.UNIMPLEMENTED,
                        context + ": one-shot action sets are not supported");
        }
    }

    private static void requireProfile(MatchTable table, String context) {
        if (table.profile() == null) {
            throw ControlException.invalid(context + " has no action profile: entries need a direct action");
        }
    }

    /** The table's entries (const ones included), with direct counter data when the table has a counter. */
    public synchronized List<PiTableEntry> readTable(PiTableId tableId) {
        MatchTable table = table(tableId);
        List<PiTableEntry> result = new ArrayList<>();
        for (TableEntry entry : table.entries()) {
            result.add(toPi(tableId, table, entry));
        }
        return result;
    }

    /** An entry as read, with direct counter data when the table has a counter and its idle timeout if any. */
    private PiTableEntry toPi(PiTableId tableId, MatchTable table, TableEntry entry) {
        PiTableEntry.Builder builder = PiTableEntry.builder().forTable(tableId)
                .withMatchKey(MatchKeyTranslator.toPi(table, entry.key()))
                .withAction(toPi(entry.action()));
        if (entry.key().priority() != 0) {
            builder.withPriority(entry.key().priority());
        }
        if (table.hasDirectCounter()) {
            CounterData data = entry.counterData();
            builder.withCounterCellData(new PiCounterCellData(data.packets(), data.bytes()));
        }
        if (entry.idleTimeoutNanos() > 0) {
            builder.withTimeout(entry.idleTimeoutNanos() / 1e9);
        }
        return builder.build();
    }

    /** A table entry as read and how long ago, at the time the read was given, a packet last hit it. */
    public record IdleEntry(PiTableEntry entry, long nanosSinceLastHit) { }

    /**
     * Like {@link #readTable}, each entry with the time since it was last hit (since it was inserted or its
     * timeout changed, if never): only tables that support idle timeouts keep that time.
     */
    public synchronized List<IdleEntry> readTableIdleTimes(PiTableId tableId, long nowNanos) {
        MatchTable table = table(tableId);
        if (!table.supportsIdleTimeout()) {
            throw ControlException.invalid("table " + table.name() + " does not support idle timeouts, so it "
                    + "keeps no time since last hit");
        }
        List<IdleEntry> result = new ArrayList<>();
        for (TableEntry entry : table.entries()) {
            result.add(new IdleEntry(toPi(tableId, table, entry), Math.max(0, nowNanos - entry.lastHitNanos())));
        }
        return result;
    }

    // ---------------------------------------------------------------- ageing

    /**
     * One ageing sweep at {@code nowNanos}, BMv2's rule: every entry with a timeout that has not been hit for
     * that long is reported, except those the previous sweep reported (so an entry left idle is reported
     * again every other sweep until it is hit, modified to a new timeout or deleted). Tables in P4Info
     * order, entries in insertion order.
     */
    public synchronized List<PiTableEntry> sweepIdleEntries(long nowNanos) {
        return sweepIdleEntries(nowNanos, false);
    }

    /**
     * Like {@link #sweepIdleEntries(long)}; {@code afterSkippedSweeps} says the sweeper skipped sweeps since
     * the last one (it sweeps only when an entry can expire), so the last one was not the previous sweep
     * and its reports exclude nothing.
     */
    public synchronized List<PiTableEntry> sweepIdleEntries(long nowNanos, boolean afterSkippedSweeps) {
        if (afterSkippedSweeps) {
            reportedLastSweep = Set.of();
        }
        List<PiTableEntry> reported = new ArrayList<>();
        Set<TableEntry> reportedNow = new HashSet<>();
        for (TableInfo info : p4info.tables()) {
            MatchTable table = state.table(info.name());
            PiTableId tableId = PiTableId.of(info.name());
            for (TableEntry entry : table.expiredEntries(nowNanos)) {
                if (!reportedLastSweep.contains(entry)) {
                    reportedNow.add(entry);
                    table.markIdleReported(entry);
                    reported.add(toPi(tableId, table, entry));
                }
            }
        }
        reportedLastSweep = reportedNow;
        return reported;
    }

    /**
     * When the next sweep can first report an entry not yet reported since its last hit (possibly a time
     * already past), or empty if no such entry has a timeout: for whoever sweeps only when needed.
     */
    public synchronized OptionalLong nextIdleExpiry() {
        long next = Long.MAX_VALUE;
        for (MatchTable table : state.tables().values()) {
            next = Math.min(next, table.nextIdleExpiry());
        }
        return next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(next);
    }

    /**
     * Runs {@code listener} (on the packet's thread, with the entry's table locked: it must not wait for
     * another thread) when a packet hits an entry a sweep reported idle.
     */
    public synchronized void setIdleEntryRevivedListener(Runnable listener) {
        for (MatchTable table : state.tables().values()) {
            if (table.supportsIdleTimeout()) {
                table.setIdleEntryRevivedListener(listener);
            }
        }
    }

    /** The table's current default action. */
    public synchronized PiAction readDefaultAction(PiTableId tableId) {
        return actions.toPi(table(tableId).defaultAction());
    }

    private PiTableAction toPi(EntryAction action) {
        if (action instanceof ActionCall call) {
            return actions.toPi(call);
        }
        if (action instanceof EntryAction.MemberRef member) {
            return PiActionProfileMemberId.of(member.memberId());
        }
        return PiActionProfileGroupId.of(((EntryAction.GroupRef) action).groupId());
    }

    // ---------------------------------------------------------------- action profiles

    private ActionProfile profile(PiActionProfileId id) {
        if (p4info.findActionProfile(id.id()).isEmpty()) {
            throw ControlException.invalid("unknown action profile '" + id.id() + "'");
        }
        return state.actionProfile(id.id());
    }

    public synchronized void insert(PiActionProfileMember member) {
        writeMember(UpdateType.INSERT, member);
    }

    public synchronized void modify(PiActionProfileMember member) {
        writeMember(UpdateType.MODIFY, member);
    }

    public synchronized void delete(PiActionProfileMember member) {
        writeMember(UpdateType.DELETE, member);
    }

    private void writeMember(UpdateType type, PiActionProfileMember member) {
        ActionProfile profile = profile(member.actionProfile());
        int memberId = member.id().id();
        String context = "action profile " + profile.name() + " member " + memberId;
        boolean exists = profile.hasMember(memberId);
        switch (type) {
            case INSERT: {
                if (exists) {
                    throw new ControlException(ControlException.Code.ALREADY_EXISTS, context + " exists");
                }
                ActionCall action = memberAction(profile, member, context);
                if (profile.size() > 0 && profile.memberCount() >= profile.size()) {
                    throw new ControlException(ControlException.Code.RESOURCE_EXHAUSTED,
                            "action profile " + profile.name() + " is full (" + profile.size() + " members)");
                }
                profile.addMember(memberId, action);
                break;
            }
            case MODIFY:
                if (!exists) {
                    throw ControlException.notFound(context + " does not exist");
                }
                profile.modifyMember(memberId, memberAction(profile, member, context));
                break;
            default: {
                if (!exists) {
                    throw ControlException.notFound(context + " does not exist");
                }
                List<Integer> groups = profile.groupsContaining(memberId);
                if (!groups.isEmpty()) {
                    throw new ControlException(ControlException.Code.FAILED_PRECONDITION,
                            context + " is still in group(s) " + groups);
                }
                List<String> users = tablesReferring(profile, new EntryAction.MemberRef(memberId));
                if (!users.isEmpty()) {
                    throw new ControlException(ControlException.Code.FAILED_PRECONDITION,
                            context + " is still used by entries of " + users);
                }
                profile.removeMember(memberId);
            }
        }
    }

    private ActionCall memberAction(ActionProfile profile, PiActionProfileMember member, String context) {
        if (member.action() == null) {
            throw ControlException.invalid(context + " has no action");
        }
        ActionCall call = actions.toCall(member.action(), context);
        int actionId = p4info.action(call.actionName()).id();
        for (int tableId : p4info.actionProfile(profile.name()).getTableIdsList()) {
            TableInfo table = p4info.table(tableId);
            if (!table.allowsInEntries(actionId)) {
                throw ControlException.invalid(context + ": action " + call.actionName()
                        + " is not an entry action of table " + table.name());
            }
        }
        return call;
    }

    private List<String> tablesReferring(ActionProfile profile, EntryAction reference) {
        List<String> users = new ArrayList<>();
        for (int tableId : p4info.actionProfile(profile.name()).getTableIdsList()) {
            MatchTable table = state.table(p4info.table(tableId).name());
            if (table.entries().stream().anyMatch(e -> e.action().equals(reference))) {
                users.add(table.name());
            }
        }
        return users;
    }

    public synchronized void insert(PiActionProfileGroup group) {
        writeGroup(UpdateType.INSERT, group);
    }

    public synchronized void modify(PiActionProfileGroup group) {
        writeGroup(UpdateType.MODIFY, group);
    }

    public synchronized void delete(PiActionProfileGroup group) {
        writeGroup(UpdateType.DELETE, group);
    }

    private void writeGroup(UpdateType type, PiActionProfileGroup group) {
        ActionProfile profile = profile(group.actionProfile());
        int groupId = group.id().id();
        String context = "action profile " + profile.name() + " group " + groupId;
        if (!profile.withSelector()) {
            throw ControlException.invalid(context + ": the profile has no selector, so no groups");
        }
        boolean exists = profile.hasGroup(groupId);
        switch (type) {
            case INSERT: {
                if (exists) {
                    throw new ControlException(ControlException.Code.ALREADY_EXISTS, context + " exists");
                }
                List<Integer> members = groupMembers(profile, group, context);
                profile.addGroup(groupId, members);
                break;
            }
            case MODIFY:
                if (!exists) {
                    throw ControlException.notFound(context + " does not exist");
                }
                profile.setGroupMembers(groupId, groupMembers(profile, group, context));
                break;
            default: {
                if (!exists) {
                    throw ControlException.notFound(context + " does not exist");
                }
                List<String> users = tablesReferring(profile, new EntryAction.GroupRef(groupId));
                if (!users.isEmpty()) {
                    throw new ControlException(ControlException.Code.FAILED_PRECONDITION,
                            context + " is still used by entries of " + users);
                }
                profile.removeGroup(groupId);
            }
        }
    }

    private List<Integer> groupMembers(ActionProfile profile, PiActionProfileGroup group, String context) {
        List<Integer> members = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (PiActionProfileGroup.WeightedMember member : group.members()) {
            int memberId = member.id().id();
            if (!seen.add(memberId)) {
                throw ControlException.invalid(context + ": member " + memberId + " listed twice");
            }
            if (member.weight() != 1) {
                throw new ControlException(ControlException.Code.UNIMPLEMENTED, context + ": member "
                        + memberId + " has weight " + member.weight() + "; BMv2 supports weight 1 only");
            }
            if (!profile.hasMember(memberId)) {
                throw ControlException.notFound(context + ": action profile " + profile.name()
                        + " has no member " + memberId);
            }
            members.add(memberId);
        }
        long maxGroupSize = p4info.actionProfile(profile.name()).getMaxGroupSize();
        int limit = group.maxSize() > 0 ? group.maxSize() : (int) maxGroupSize;
        if (limit > 0 && members.size() > limit) {
            throw new ControlException(ControlException.Code.RESOURCE_EXHAUSTED,
                    context + ": " + members.size() + " members exceed the group size " + limit);
        }
        return members;
    }

    /** The profile's members in creation order. */
    public synchronized List<PiActionProfileMember> readMembers(PiActionProfileId profileId) {
        ActionProfile profile = profile(profileId);
        List<PiActionProfileMember> members = new ArrayList<>();
        for (int memberId : profile.memberIds()) {
            members.add(PiActionProfileMember.builder().forActionProfile(profileId)
                    .withId(PiActionProfileMemberId.of(memberId)).withAction(actions.toPi(profile.member(memberId)))
                    .build());
        }
        return members;
    }

    /** The selector's groups in creation order, members in selection order. */
    public synchronized List<PiActionProfileGroup> readGroups(PiActionProfileId profileId) {
        ActionProfile profile = profile(profileId);
        List<PiActionProfileGroup> groups = new ArrayList<>();
        for (int groupId : profile.groupIds()) {
            PiActionProfileGroup.Builder builder = PiActionProfileGroup.builder().withActionProfileId(profileId)
                    .withId(PiActionProfileGroupId.of(groupId));
            profile.groupMembers(groupId).forEach(m -> builder.addMember(PiActionProfileMemberId.of(m)));
            groups.add(builder.build());
        }
        return groups;
    }

    // ---------------------------------------------------------------- packet replication

    private void writeMulticastGroup(UpdateType type, PiMulticastGroupEntry group) {
        int groupId = group.groupId();
        String context = "multicast group " + groupId;
        if (groupId <= 0 || groupId > 0xffff) {
            throw ControlException.invalid(context + ": group ids are 1..65535");
        }
        PacketReplicationEngine pre = state.pre();
        boolean exists = pre.hasMulticastGroup(groupId);
        switch (type) {
            case INSERT:
                if (exists) {
                    throw new ControlException(ControlException.Code.ALREADY_EXISTS, context + " exists");
                }
                pre.setMulticastGroup(groupId, replicas(group.replicas(), context));
                break;
            case MODIFY:
                if (!exists) {
                    throw ControlException.notFound(context + " does not exist");
                }
                pre.setMulticastGroup(groupId, replicas(group.replicas(), context));
                break;
            default:
                if (!exists) {
                    throw ControlException.notFound(context + " does not exist");
                }
                pre.removeMulticastGroup(groupId);
        }
    }

    private static List<Replica> replicas(Iterable<PiPreReplica> given, String context) {
        List<Replica> replicas = new ArrayList<>();
        for (PiPreReplica replica : given) {
            long port = replica.egressPort().toLong();
            if (port < 0 || port > Integer.MAX_VALUE) {
                throw new ControlException(ControlException.Code.OUT_OF_RANGE,
                        context + ": egress port " + port + " out of range");
            }
            Replica converted = new Replica((int) port, replica.instanceId());
            if (replicas.contains(converted)) {
                throw ControlException.invalid(context + ": replica port " + port + " instance "
                        + replica.instanceId() + " listed twice");
            }
            replicas.add(converted);
        }
        return replicas;
    }

    private void writeCloneSession(UpdateType type, PiCloneSessionEntry session) {
        int sessionId = session.sessionId();
        String context = "clone session " + sessionId;
        if (sessionId < 0 || sessionId > PacketReplicationEngine.MAX_CLONE_SESSION) {
            throw new ControlException(ControlException.Code.OUT_OF_RANGE,
                    context + ": session ids are 0.." + PacketReplicationEngine.MAX_CLONE_SESSION);
        }
        PacketReplicationEngine pre = state.pre();
        boolean exists = pre.cloneSession(sessionId).isPresent();
        switch (type) {
            case INSERT:
            case MODIFY:
                if (type == UpdateType.INSERT && exists) {
                    throw new ControlException(ControlException.Code.ALREADY_EXISTS, context + " exists");
                }
                if (type == UpdateType.MODIFY && !exists) {
                    throw ControlException.notFound(context + " does not exist");
                }
                if (session.maxPacketLengthBytes() < 0) {
                    throw ControlException.invalid(context + ": negative packet length");
                }
                pre.setCloneSession(new CloneSession(sessionId, replicas(session.replicas(), context),
                        session.classOfService(), session.maxPacketLengthBytes()));
                break;
            default:
                if (!exists) {
                    throw ControlException.notFound(context + " does not exist");
                }
                pre.removeCloneSession(sessionId);
        }
    }

    public synchronized void insert(PiMulticastGroupEntry group) {
        writeMulticastGroup(UpdateType.INSERT, group);
    }

    public synchronized void modify(PiMulticastGroupEntry group) {
        writeMulticastGroup(UpdateType.MODIFY, group);
    }

    public synchronized void delete(PiMulticastGroupEntry group) {
        writeMulticastGroup(UpdateType.DELETE, group);
    }

    public synchronized void insert(PiCloneSessionEntry session) {
        writeCloneSession(UpdateType.INSERT, session);
    }

    public synchronized void modify(PiCloneSessionEntry session) {
        writeCloneSession(UpdateType.MODIFY, session);
    }

    public synchronized void delete(PiCloneSessionEntry session) {
        writeCloneSession(UpdateType.DELETE, session);
    }

    /** Configured multicast groups, replicas in configuration order. */
    public synchronized List<PiMulticastGroupEntry> readMulticastGroups() {
        List<PiMulticastGroupEntry> result = new ArrayList<>();
        state.pre().configuredMulticastGroups().forEach((id, replicas) -> {
            PiMulticastGroupEntry.Builder builder = PiMulticastGroupEntry.builder().withGroupId(id);
            replicas.forEach(r -> builder.addReplica(new PiPreReplica(PortNumber.portNumber(r.port()), r.rid())));
            result.add(builder.build());
        });
        return result;
    }

    public synchronized List<PiCloneSessionEntry> readCloneSessions() {
        List<PiCloneSessionEntry> result = new ArrayList<>();
        state.pre().cloneSessions().values().forEach(session -> {
            PiCloneSessionEntry.Builder builder = PiCloneSessionEntry.builder().withSessionId(session.sessionId())
                    .withClassOfService(session.classOfService())
                    .withMaxPacketLengthBytes(session.packetLengthBytes());
            session.replicas().forEach(r -> builder.addReplica(
                    new PiPreReplica(PortNumber.portNumber(r.port()), r.rid())));
            result.add(builder.build());
        });
        return result;
    }

    // ---------------------------------------------------------------- counters

    /** One counter cell, indirect (counter id + index) or direct (a table entry's match key and priority). */
    public synchronized PiCounterCell readCounter(PiCounterCellId cellId) {
        CounterData data;
        if (cellId.counterType() == PiCounterType.DIRECT) {
            data = directEntry(cellId.tableEntry(), "direct counter", MatchTable::hasDirectCounter)
                    .counterData();
        } else {
            CounterArray counter = counter(cellId.counterId());
            data = counter.read(checkedIndex(cellId.index(), counter.size(), "counter " + counter.name()));
        }
        return new PiCounterCell(cellId, data.packets(), data.bytes());
    }

    /** Every cell of an indirect counter. */
    public synchronized List<PiCounterCell> readCounter(PiCounterId counterId) {
        CounterArray counter = counter(counterId);
        List<PiCounterCell> cells = new ArrayList<>();
        for (int i = 0; i < counter.size(); i++) {
            CounterData data = counter.read(i);
            cells.add(new PiCounterCell(PiCounterCellId.ofIndirect(counterId, i), data.packets(), data.bytes()));
        }
        return cells;
    }

    private void writeCounter(PiCounterCell cell) {
        PiCounterCellId cellId = cell.cellId();
        CounterData data = new CounterData(cell.data().packets(), cell.data().bytes());
        if (data.packets() < 0 || data.bytes() < 0) {
            throw ControlException.invalid("counter data must be non-negative");
        }
        if (cellId.counterType() == PiCounterType.DIRECT) {
            PiTableEntry entry = cellId.tableEntry();
            directEntry(entry, "direct counter", MatchTable::hasDirectCounter);
            MatchTable table = state.table(entry.table().id());
            table.writeDirectCounter(MatchKeyTranslator.toEntryKey(table, entry.matchKey(), entry.priority()), data);
        } else {
            CounterArray counter = counter(cellId.counterId());
            counter.write(checkedIndex(cellId.index(), counter.size(), "counter " + counter.name()), data);
        }
    }

    private CounterArray counter(PiCounterId id) {
        if (p4info.findCounter(id.id()).isEmpty()) {
            throw ControlException.notFound("unknown counter '" + id.id() + "'");
        }
        return state.counter(id.id());
    }

    private static long checkedIndex(long index, int size, String what) {
        if (index < 0) {
            throw ControlException.invalid(what + ": negative index " + index);
        }
        if (index >= size) {
            throw new ControlException(ControlException.Code.OUT_OF_RANGE,
                    what + ": index " + index + " outside 0.." + (size - 1));
        }
        return index;
    }

    /** The existing entry a direct resource cell refers to; {@code what} names the resource kind. */
    private TableEntry directEntry(PiTableEntry entry, String what, Predicate<MatchTable> hasResource) {
        if (entry == null) {
            throw ControlException.invalid(what + " cell without a table entry");
        }
        MatchTable table = table(entry.table());
        if (!hasResource.test(table)) {
            throw ControlException.invalid("table " + table.name() + " has no " + what);
        }
        TableEntry found = table.entry(MatchKeyTranslator.toEntryKey(table, entry.matchKey(), entry.priority()));
        if (found == null) {
            throw ControlException.notFound("table " + table.name() + ": no entry with this match key and priority");
        }
        return found;
    }

    // ---------------------------------------------------------------- meters

    /**
     * Configures a meter cell from PI bands (rates per second, integral as ONOS models them); a config with
     * no bands returns the cell to unconfigured (every packet GREEN).
     */
    public synchronized void writeMeter(PiMeterCellConfig config) {
        if (config.meterBands().isEmpty()) {
            configureMeter(config.cellId(), null);
            return;
        }
        if (config.committedBand() == null || config.peakBand() == null) {
            throw ControlException.invalid("meter " + describe(config.cellId())
                    + ": two-rate meters need both a committed and a peak band");
        }
        configureMeter(config.cellId(), meterConfig(config, describe(config.cellId())));
    }

    private static MeterConfig meterConfig(PiMeterCellConfig config, String what) {
        try {
            return new MeterConfig(config.committedBand().rate(), config.committedBand().burst(),
                    config.peakBand().rate(), config.peakBand().burst());
        } catch (IllegalArgumentException e) {
            throw ControlException.invalid("meter " + what + ": " + e.getMessage());
        }
    }

    /**
     * Configures a meter cell with exact (possibly fractional) rates per second; null unconfigures it. PI
     * bands carry integral rates only, so this is how sub-unit rates (0.1 packet/s) are set.
     */
    public synchronized void configureMeter(PiMeterCellId cellId, MeterConfig config) {
        if (cellId.meterType() == PiMeterType.DIRECT) {
            PiTableEntry entry = cellId.tableEntry();
            directEntry(entry, "direct meter", MatchTable::hasDirectMeter);
            MatchTable table = state.table(entry.table().id());
            table.configureDirectMeter(MatchKeyTranslator.toEntryKey(table, entry.matchKey(), entry.priority()),
                    config);
            return;
        }
        MeterArray meter = meter(cellId);
        long index = checkedIndex(cellId.index(), meter.size(), "meter " + meter.name());
        if (config == null) {
            meter.unconfigure(index);
        } else {
            meter.configure(index, config);
        }
    }

    /** A meter cell's configuration, or empty when unconfigured. */
    public synchronized Optional<MeterConfig> readMeter(PiMeterCellId cellId) {
        if (cellId.meterType() == PiMeterType.DIRECT) {
            TableEntry entry = directEntry(cellId.tableEntry(), "direct meter", MatchTable::hasDirectMeter);
            return Optional.ofNullable(entry.meterConfig());
        }
        MeterArray meter = meter(cellId);
        return Optional.ofNullable(meter.config(checkedIndex(cellId.index(), meter.size(), "meter " + meter.name())));
    }

    /**
     * A meter cell as a PI config (rates rounded to whole units per second, as PI bands hold them); an
     * unconfigured cell reads as a config without bands.
     */
    public synchronized PiMeterCellConfig readMeterCell(PiMeterCellId cellId) {
        Optional<MeterConfig> config = readMeter(cellId);
        if (config.isEmpty()) {
            return PiMeterCellConfig.reset(cellId);
        }
        MeterConfig rates = config.get();
        return PiMeterCellConfig.builder().withMeterCellId(cellId)
                .withCommittedBand(Math.round(rates.committedRate()), rates.committedBurst())
                .withPeakBand(Math.round(rates.peakRate()), rates.peakBurst()).build();
    }

    private MeterArray meter(PiMeterCellId cellId) {
        String name = cellId.meterId().id();
        if (p4info.findMeter(name).isEmpty()) {
            throw ControlException.notFound("unknown meter '" + name + "'");
        }
        return state.meter(name);
    }

    private static String describe(PiMeterCellId cellId) {
        return cellId.meterType() == PiMeterType.DIRECT ? "of table " + cellId.tableEntry().table().id()
                : cellId.meterId().id() + "[" + cellId.index() + "]";
    }

    // ---------------------------------------------------------------- registers

    public synchronized BigInteger readRegister(PiRegisterCellId cellId) {
        RegisterArray register = register(cellId);
        return register.read(checkedIndex(cellId.index(), register.size(), "register " + register.name()));
    }

    public synchronized void writeRegister(PiRegisterCellId cellId, BigInteger value) {
        RegisterArray register = register(cellId);
        long index = checkedIndex(cellId.index(), register.size(), "register " + register.name());
        if (value.signum() < 0 || value.bitLength() > register.width()) {
            throw new ControlException(ControlException.Code.OUT_OF_RANGE, "register " + register.name()
                    + ": value " + value + " does not fit in " + register.width() + " bits");
        }
        register.write(index, value);
    }

    private RegisterArray register(PiRegisterCellId cellId) {
        String name = cellId.registerId().id();
        if (p4info.findRegister(name).isEmpty()) {
            throw ControlException.notFound("unknown register '" + name + "'");
        }
        return state.register(name);
    }
}
