package org.metrofabric.p4sim.serve;

import io.grpc.Status;
import org.metrofabric.p4runtime.codec.ControllerHeaderCodec;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import org.metrofabric.p4runtime.codec.P4RuntimeCodec;
import org.metrofabric.p4runtime.codec.P4RuntimeException;
import org.metrofabric.p4runtime.server.DigestEncoder;
import org.metrofabric.p4runtime.server.P4RuntimeTarget;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.p4sim.arch.v1model.OutputPacket;
import org.metrofabric.p4sim.control.ControlException;
import org.metrofabric.p4sim.control.SwitchControl;
import org.metrofabric.p4sim.control.UpdateType;
import org.metrofabric.p4sim.runtime.MeterConfig;
import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiActionProfileGroup;
import org.onosproject.net.pi.runtime.PiActionProfileMember;
import org.onosproject.net.pi.runtime.PiCloneSessionEntry;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiEntity;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;
import org.onosproject.net.pi.runtime.PiMulticastGroupEntry;
import org.onosproject.net.pi.runtime.PiTableEntry;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4RuntimeOuterClass.PacketIn;
import p4.v1.P4RuntimeOuterClass.PacketOut;
import p4.v1.P4RuntimeOuterClass.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A p4sim switch as a P4Runtime target. Writes and reads go through {@link SwitchControl}, whose
 * {@link ControlException} codes become the P4Runtime answers. Packet I/O follows BMv2's
 * {@code --cpu-port 255}: a packet-out is the frame (packet_out header + payload) injected on the
 * CPU port, and a frame the pipeline sends to the CPU port is a packet-in with its packet_in header
 * stripped into metadata. Frames sent to other ports go to the frame sink. Every update can be
 * undone, so ROLLBACK_ON_ERROR is supported. Table-entry controller metadata (cookies) are kept beside
 * the switch ({@link EntryCookies}) and returned by reads.
 *
 * <p>Idle timeouts: entries of tables that support them ({@code support_timeout = true}) age as in
 * BMv2. Writes, packets and sweeps all read the target's one clock: an entry's idle timer starts when
 * it is written, a packet that hits it restarts it, and {@link #sweepIdleEntries()} reports the entries
 * idle for their timeout to the listener as one batch (see {@link SwitchControl#sweepIdleEntries} for
 * the rule). Nothing sweeps by itself: {@code p4sim serve} sweeps every {@link #DEFAULT_AGEING_SWEEP_MS}
 * ms of wall-clock time, as BMv2 does, and an emulator sweeps on its virtual clock.
 */
public final class P4SimTarget implements P4RuntimeTarget {

    /** BMv2's CPU port in the ONOS tutorials ({@code simple_switch_grpc --cpu-port 255}). */
    public static final int CPU_PORT = 255;

    /** BMv2's ageing sweep interval ({@code AgeingMonitor}'s default), in milliseconds. */
    public static final int DEFAULT_AGEING_SWEEP_MS = 1000;

    /** Events go nowhere until a listener is set: each Listener method does nothing by default. */
    private static final Listener NO_LISTENER = new Listener() { };

    private final P4Sim.LoadedPipeline pipeline;
    private final LongSupplier clockNanos;
    private final P4RuntimeCodec codec;
    private final ControllerHeaderCodec controllerHeaders;
    private final DigestEncoder digests;
    private final EntryCookies cookies = new EntryCookies();
    private volatile P4Sim.Switch sw;
    private volatile Listener listener = NO_LISTENER;
    private volatile Consumer<OutputPacket> frameSink = frame -> { };
    private volatile Runnable idleEntryRevived = () -> { };

    /** A target with a new, empty switch running {@code pipeline}; packet timestamps from {@code clockNanos}. */
    public P4SimTarget(P4Sim.LoadedPipeline pipeline, LongSupplier clockNanos) {
        this(pipeline, pipeline.newSwitch(), clockNanos);
    }

    /**
     * A target serving {@code existing}, a switch already running {@code pipeline} whose state it takes
     * as it is (e.g. a data plane an emulator forwards through). Like any other, it is replaced by a new
     * switch on {@link #clearState()}: whoever forwards through it follows {@link #currentSwitch()}.
     */
    public P4SimTarget(P4Sim.LoadedPipeline pipeline, P4Sim.Switch existing, LongSupplier clockNanos) {
        if (!existing.state().p4info().equals(pipeline.p4info())) {
            throw new IllegalArgumentException("existing switch: it runs a program whose P4Info differs from the "
                    + "pipeline's");
        }
        this.pipeline = pipeline;
        this.clockNanos = clockNanos;
        P4InfoIndex index = existing.state().p4infoIndex();
        this.codec = P4RuntimeCodec.of(index);
        this.controllerHeaders = new ControllerHeaderCodec(index);
        this.digests = new DigestEncoder(pipeline.p4info());
        this.sw = attach(existing);
    }

    public P4SimTarget(P4Sim.LoadedPipeline pipeline) {
        this(pipeline, System::nanoTime);
    }

    private P4Sim.Switch attach(P4Sim.Switch served) {
        served.dataPlane().setCpuPort(CPU_PORT);
        served.dataPlane().setDigestListener((name, fields) ->
                listener.digest(digests.id(name), digests.encode(name, fields)));
        served.control().setIdleEntryRevivedListener(() -> idleEntryRevived.run());
        return served;
    }

    /** The switch currently running (a new one after each {@link #clearState()}). */
    public P4Sim.Switch currentSwitch() {
        return sw;
    }

    /** Receives the frames the switch sends to ports other than the CPU port. */
    public void setFrameSink(Consumer<OutputPacket> sink) {
        this.frameSink = sink;
    }

    /**
     * A frame arriving on a data port; what the switch sends goes to the frame sink or, for the CPU port,
     * to the controller.
     */
    public void receive(int port, byte[] frame) {
        route(sw.dataPlane().process(port, frame, clockNanos.getAsLong()));
    }

    private void route(List<OutputPacket> sent) {
        for (OutputPacket packet : sent) {
            if (packet.port() == CPU_PORT) {
                PacketIn packetIn;
                try {
                    packetIn = controllerHeaders.packetIn(packet.bytes());
                } catch (P4RuntimeException e) {
                    continue;
                }
                listener.packetIn(packetIn);
            } else {
                frameSink.accept(packet);
            }
        }
    }

    // ---------------------------------------------------------------- ageing

    /**
     * One ageing sweep at the clock's current time: the idle entries (with their cookies) go to the
     * listener as one batch, which is also returned; an empty sweep notifies nothing.
     */
    public List<PiTableEntry> sweepIdleEntries() {
        return sweepIdleEntries(false);
    }

    /**
     * A sweep by a sweeper that may have skipped sweeps since its last one ({@code afterSkippedSweeps}):
     * see {@link SwitchControl#sweepIdleEntries(long, boolean)}.
     */
    public List<PiTableEntry> sweepIdleEntries(boolean afterSkippedSweeps) {
        List<PiTableEntry> idle;
        long now;
        synchronized (cookies) {
            now = clockNanos.getAsLong();
            List<PiTableEntry> found = sw.control().sweepIdleEntries(now, afterSkippedSweeps);
            idle = new ArrayList<>(found.size());
            for (PiTableEntry entry : found) {
                idle.add(cookies.withCookie(entry));
            }
        }
        if (!idle.isEmpty()) {
            listener.idleTimeout(idle, now);
        }
        return idle;
    }

    /**
     * When a sweep can first report an entry not reported since it was last hit (maybe already past);
     * empty when no such entry has a timeout, so nothing is left to sweep for.
     */
    public OptionalLong nextIdleExpiry() {
        return sw.control().nextIdleExpiry();
    }

    /**
     * Runs {@code listener} on the packet's thread when a packet hits an entry a sweep had reported idle,
     * which makes it able to expire again: for a sweeper that stops when {@link #nextIdleExpiry()} is empty.
     * It runs with the entry's table locked, so it must not wait for another thread.
     */
    public void setIdleEntryRevivedListener(Runnable listener) {
        this.idleEntryRevived = listener;
    }

    @Override
    public P4Info p4Info() {
        return pipeline.p4info();
    }

    @Override
    public void clearState() {
        synchronized (cookies) {
            sw = attach(pipeline.newSwitch());
            cookies.clear();
        }
    }

    @Override
    public void setListener(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void packetOut(PacketOut packet) {
        byte[] frame = controllerHeaders.packetOutFrame(packet);
        route(sw.dataPlane().process(CPU_PORT, frame, clockNanos.getAsLong()));
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void write(Update.Type type, PiEntity entity) {
        SwitchControl control = sw.control();
        synchronized (cookies) {
            call(() -> {
                apply(control, updateType(type), entity);
                return null;
            });
            if (entity instanceof PiTableEntry entry) {
                cookies.applied(type, entry);
            }
        }
    }

    @Override
    public boolean supportsUndo() {
        return true;
    }

    @Override
    public Undo writeUndoable(Update.Type type, PiEntity entity) {
        SwitchControl control = sw.control();
        synchronized (cookies) {
            Undo undo = call(() -> inverse(control, type, entity));
            call(() -> {
                apply(control, updateType(type), entity);
                return null;
            });
            Runnable cookieBefore = entity instanceof PiTableEntry entry ? cookies.applied(type, entry) : () -> { };
            return () -> call(() -> {
                undo.run();
                cookieBefore.run();
                return null;
            });
        }
    }

    /** A write at the clock's time, which starts the idle timers it sets. */
    private void apply(SwitchControl control, UpdateType type, PiEntity entity) {
        control.write(type, entity, clockNanos.getAsLong());
    }

    /** What restores the state {@code type entity} is about to change; read before the update is applied. */
    private Undo inverse(SwitchControl control, Update.Type type, PiEntity entity) {
        if (entity instanceof PiTableEntry entry) {
            return inverseTableEntry(control, type, entry);
        }
        if (entity instanceof PiActionProfileMember member) {
            Optional<PiActionProfileMember> old = control.readMembers(member.actionProfile()).stream()
                    .filter(m -> m.id().equals(member.id())).findFirst();
            return inverseOf(control, type, member, old);
        }
        if (entity instanceof PiActionProfileGroup group) {
            Optional<PiActionProfileGroup> old = control.readGroups(group.actionProfile()).stream()
                    .filter(g -> g.id().equals(group.id())).findFirst();
            return inverseOf(control, type, group, old);
        }
        if (entity instanceof PiMulticastGroupEntry group) {
            Optional<PiMulticastGroupEntry> old = control.readMulticastGroups().stream()
                    .filter(g -> g.groupId() == group.groupId()).findFirst();
            return inverseOf(control, type, group, old);
        }
        if (entity instanceof PiCloneSessionEntry session) {
            Optional<PiCloneSessionEntry> old = control.readCloneSessions().stream()
                    .filter(s -> s.sessionId() == session.sessionId()).findFirst();
            return inverseOf(control, type, session, old);
        }
        if (entity instanceof PiCounterCell cell) {
            PiCounterCell old = control.readCounter(cell.cellId());
            return () -> apply(control, UpdateType.MODIFY, old);
        }
        if (entity instanceof PiMeterCellConfig config) {
            Optional<MeterConfig> old = control.readMeter(config.cellId());
            return () -> control.configureMeter(config.cellId(), old.orElse(null));
        }
        return () -> { };
    }

    /** INSERT is undone by DELETE, MODIFY and DELETE by writing back the old entity. */
    private Undo inverseOf(SwitchControl control, Update.Type type, PiEntity entity,
                                  Optional<? extends PiEntity> old) {
        return switch (type) {
            case INSERT -> () -> apply(control, UpdateType.DELETE, entity);
            case MODIFY -> old.<Undo>map(o -> () -> apply(control, UpdateType.MODIFY, o)).orElse(() -> { });
            default -> old.<Undo>map(o -> () -> apply(control, UpdateType.INSERT, o)).orElse(() -> { });
        };
    }

    private Undo inverseTableEntry(SwitchControl control, Update.Type type, PiTableEntry entry) {
        if (entry.isDefaultAction()) {
            PiTableEntry old = defaultEntry(control, entry.table());
            return () -> apply(control, UpdateType.MODIFY, old);
        }
        if (type == Update.Type.INSERT) {
            return () -> apply(control, UpdateType.DELETE, entry);
        }
        Optional<PiTableEntry> old = findEntry(control, entry);
        if (old.isEmpty()) {
            return () -> { };
        }
        PiTableEntry existing = old.get();
        if (type == Update.Type.MODIFY) {
            return () -> apply(control, UpdateType.MODIFY, existing);
        }
        Optional<MeterConfig> meter = hasDirectMeter(entry.table())
                ? control.readMeter(PiMeterCellId.ofDirect(existing)) : Optional.empty();
        return () -> {
            apply(control, UpdateType.INSERT, existing);
            if (existing.counter() != null) {
                apply(control, UpdateType.MODIFY, new PiCounterCell(PiCounterCellId.ofDirect(existing),
                        existing.counter()));
            }
            meter.ifPresent(m -> control.configureMeter(PiMeterCellId.ofDirect(existing), m));
        };
    }

    private boolean hasDirectMeter(PiTableId table) {
        return codec.p4Info().table(table.id()).directMeterId().isPresent();
    }

    /** The installed entry with the same match key and priority (compared in canonical wire form). */
    private Optional<PiTableEntry> findEntry(SwitchControl control, PiTableEntry entry) {
        var key = codec.encodeTableEntry(withoutExtras(entry));
        for (PiTableEntry installed : control.readTable(entry.table())) {
            var other = codec.encodeTableEntry(withoutExtras(installed));
            if (other.getMatchList().equals(key.getMatchList()) && other.getPriority() == key.getPriority()) {
                return Optional.of(installed);
            }
        }
        return Optional.empty();
    }

    private static PiTableEntry withoutExtras(PiTableEntry entry) {
        PiTableEntry.Builder key = PiTableEntry.builder().forTable(entry.table()).withMatchKey(entry.matchKey());
        entry.priority().ifPresent(key::withPriority);
        return key.build();
    }

    private static UpdateType updateType(Update.Type type) {
        return switch (type) {
            case INSERT -> UpdateType.INSERT;
            case MODIFY -> UpdateType.MODIFY;
            case DELETE -> UpdateType.DELETE;
            default -> throw P4RuntimeException.invalidArgument("update type %s is not valid", type);
        };
    }

    // ---------------------------------------------------------------- reads

    @Override
    public List<PiTableEntry> tableEntries(PiTableId table) {
        List<PiTableEntry> entries = call(() -> sw.control().readTable(table));
        List<PiTableEntry> out = new ArrayList<>(entries.size());
        for (PiTableEntry entry : entries) {
            out.add(cookies.withCookie(entry));
        }
        return out;
    }

    @Override
    public List<IdleEntry> tableEntriesWithIdleTime(PiTableId table) {
        List<SwitchControl.IdleEntry> entries = call(() -> sw.control().readTableIdleTimes(table,
                clockNanos.getAsLong()));
        List<IdleEntry> out = new ArrayList<>(entries.size());
        for (SwitchControl.IdleEntry entry : entries) {
            out.add(new IdleEntry(cookies.withCookie(entry.entry()), entry.nanosSinceLastHit()));
        }
        return out;
    }

    @Override
    public PiTableEntry defaultEntry(PiTableId table) {
        return call(() -> defaultEntry(sw.control(), table));
    }

    private static PiTableEntry defaultEntry(SwitchControl control, PiTableId table) {
        return PiTableEntry.builder().forTable(table).withAction(control.readDefaultAction(table)).build();
    }

    @Override
    public List<PiActionProfileMember> members(PiActionProfileId profile) {
        return call(() -> sw.control().readMembers(profile));
    }

    @Override
    public List<PiActionProfileGroup> groups(PiActionProfileId profile) {
        return call(() -> sw.control().readGroups(profile));
    }

    @Override
    public List<PiMulticastGroupEntry> multicastGroups() {
        return call(() -> sw.control().readMulticastGroups());
    }

    @Override
    public List<PiCloneSessionEntry> cloneSessions() {
        return call(() -> sw.control().readCloneSessions());
    }

    @Override
    public List<PiCounterCell> counterCells(PiCounterId counter) {
        return call(() -> sw.control().readCounter(counter));
    }

    @Override
    public PiCounterCell counterCell(PiCounterCellId cell) {
        return call(() -> sw.control().readCounter(cell));
    }

    @Override
    public PiMeterCellConfig meterCell(PiMeterCellId cell) {
        return call(() -> sw.control().readMeterCell(cell));
    }

    @Override
    public List<PiMeterCellConfig> meterCells(PiMeterId meter) {
        long size = codec.p4Info().meter(meter.id()).getSize();
        SwitchControl control = sw.control();
        return call(() -> {
            List<PiMeterCellConfig> cells = new ArrayList<>();
            for (long i = 0; i < size; i++) {
                cells.add(control.readMeterCell(PiMeterCellId.ofIndirect(meter, i)));
            }
            return cells;
        });
    }

    /** Runs a SwitchControl call, its ControlException becoming the P4RuntimeException with the same code. */
    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (ControlException e) {
            throw new P4RuntimeException(Status.fromCodeValue(e.code().value()).getCode(), e.getMessage());
        }
    }
}
