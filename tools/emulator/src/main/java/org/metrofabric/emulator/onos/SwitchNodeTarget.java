package org.metrofabric.emulator.onos;

import io.grpc.Status;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.metrofabric.emulator.clock.ScheduledEvent;
import org.metrofabric.emulator.clock.Scheduler;
import org.metrofabric.emulator.net.SwitchNode;
import org.metrofabric.p4runtime.codec.ControllerHeaderCodec;
import org.metrofabric.p4runtime.codec.P4RuntimeException;
import org.metrofabric.p4runtime.server.P4RuntimeTarget;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.p4sim.serve.P4SimTarget;
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

/**
 * An emulated switch as a P4Runtime target. Forwarding state is the {@link P4SimTarget}'s over the
 * node's own p4sim switch, so what a controller writes is what the node forwards with; packet I/O
 * goes through the node instead, so packet-outs and packet-ins take the emulator's queues, links and
 * control-channel delay. A committed pipeline config gives the target a new switch, which the node
 * then forwards through.
 *
 * <p>Idle timeouts age on the emulator's virtual clock, which also timestamps the node's packets.
 * Sweeps fall on BMv2's grid (multiples of {@link P4SimTarget#DEFAULT_AGEING_SWEEP_MS} ms of virtual
 * time) but run only while an entry can still expire: one is armed at the first grid point after the
 * earliest expiry and re-armed after each sweep, a write or a hit that revives a reported entry. An
 * entry left idle after it was reported arms nothing more, so {@code runUntilIdle} ends; unlike BMv2,
 * which reports it again every other sweep until it is hit or deleted, it is reported once. BMv2's
 * rule that a sweep skips what the previous one reported applies when the last sweep was one interval
 * earlier; after skipped grid points the last sweep was not the previous one.
 */
public final class SwitchNodeTarget implements P4RuntimeTarget {
    /** How long a request waits for the emulator's loop to run it before it fails with UNAVAILABLE. */
    private static final long LOOP_TIMEOUT_SECONDS = 10;
    private static final long SWEEP_INTERVAL_NANOS = P4SimTarget.DEFAULT_AGEING_SWEEP_MS * 1_000_000L;

    private final SwitchNode node;
    private final Scheduler scheduler;
    private final P4SimTarget state;
    private final ControllerHeaderCodec controllerHeaders;
    private final boolean onLoop;
    /** The armed ageing sweep, or null; touched on the loop only. */
    private ScheduledEvent nextSweep;
    private long lastSweepNanos = Long.MIN_VALUE;

    private SwitchNodeTarget(SwitchNode node, Scheduler scheduler, P4Sim.LoadedPipeline pipeline, boolean onLoop) {
        this.node = node;
        this.scheduler = scheduler;
        this.state = new P4SimTarget(pipeline, node.device(), scheduler::now);
        this.controllerHeaders = new ControllerHeaderCodec(node.device().state().p4infoIndex());
        this.onLoop = onLoop;
        state.setIdleEntryRevivedListener(() -> armSweep(scheduler.now()));
    }

    /**
     * Touches the switch state on the calling thread: for callers that hold the loop (it is paused, or
     * they are its thread), as the in-process transport with direct executors does.
     */
    public static SwitchNodeTarget onCallingThread(SwitchNode node, Scheduler scheduler,
                                                   P4Sim.LoadedPipeline pipeline) {
        return new SwitchNodeTarget(node, scheduler, pipeline, false);
    }

    /**
     * Hands every state access to the emulator's loop ({@link Scheduler#post}) and waits for it: for
     * gRPC threads while the loop runs (p4sim's control API and pipeline are not guarded together).
     */
    public static SwitchNodeTarget onLoop(SwitchNode node, Scheduler scheduler, P4Sim.LoadedPipeline pipeline) {
        return new SwitchNodeTarget(node, scheduler, pipeline, true);
    }

    private <T> T access(Supplier<T> operation) {
        if (!onLoop) {
            return operation.get();
        }
        try {
            return scheduler.call(operation, LOOP_TIMEOUT_SECONDS);
        } catch (Scheduler.LoopUnavailableException e) {
            throw new P4RuntimeException(Status.Code.UNAVAILABLE, e.getMessage());
        }
    }

    private void run(Runnable operation) {
        access(() -> {
            operation.run();
            return null;
        });
    }

    @Override
    public P4Info p4Info() {
        return state.p4Info();
    }

    @Override
    public void clearState() {
        run(() -> {
            state.clearState();
            node.replaceDevice(state.currentSwitch());
            armSweep(scheduler.now());
        });
    }

    @Override
    public void write(Update.Type type, PiEntity entity) {
        run(() -> {
            state.write(type, entity);
            armSweep(scheduler.now());
        });
    }

    @Override
    public boolean supportsUndo() {
        return state.supportsUndo();
    }

    @Override
    public Undo writeUndoable(Update.Type type, PiEntity entity) {
        Undo undo = access(() -> {
            Undo applied = state.writeUndoable(type, entity);
            armSweep(scheduler.now());
            return applied;
        });
        return () -> run(() -> {
            undo.run();
            armSweep(scheduler.now());
        });
    }

    // ---------------------------------------------------------------- ageing, on the loop

    /**
     * Arms the sweep at the first grid point at or after both the earliest expiry and {@code notBefore},
     * unless one is armed no later; cancels it when no entry can expire any more.
     */
    private void armSweep(long notBefore) {
        OptionalLong expiry = state.nextIdleExpiry();
        if (expiry.isEmpty()) {
            if (nextSweep != null) {
                nextSweep.cancel();
                nextSweep = null;
            }
            return;
        }
        long due = Math.max(expiry.getAsLong(), notBefore);
        long time = -Math.floorDiv(-due, SWEEP_INTERVAL_NANOS) * SWEEP_INTERVAL_NANOS;
        if (nextSweep != null) {
            if (nextSweep.timeNanos() <= time) {
                return;
            }
            nextSweep.cancel();
        }
        nextSweep = scheduler.at(time, this::sweep);
    }

    /** A sweep; unless it follows the last one by one interval, BMv2's grid had sweeps this one skipped. */
    private void sweep() {
        nextSweep = null;
        boolean afterSkippedSweeps = scheduler.now() - lastSweepNanos != SWEEP_INTERVAL_NANOS;
        lastSweepNanos = scheduler.now();
        state.sweepIdleEntries(afterSkippedSweeps);
        armSweep(scheduler.now() + 1);
    }

    @Override
    public List<PiTableEntry> tableEntries(PiTableId table) {
        return access(() -> state.tableEntries(table));
    }

    @Override
    public List<IdleEntry> tableEntriesWithIdleTime(PiTableId table) {
        return access(() -> state.tableEntriesWithIdleTime(table));
    }

    @Override
    public PiTableEntry defaultEntry(PiTableId table) {
        return access(() -> state.defaultEntry(table));
    }

    @Override
    public List<PiActionProfileMember> members(PiActionProfileId profile) {
        return access(() -> state.members(profile));
    }

    @Override
    public List<PiActionProfileGroup> groups(PiActionProfileId profile) {
        return access(() -> state.groups(profile));
    }

    @Override
    public List<PiMulticastGroupEntry> multicastGroups() {
        return access(() -> state.multicastGroups());
    }

    @Override
    public List<PiCloneSessionEntry> cloneSessions() {
        return access(() -> state.cloneSessions());
    }

    @Override
    public List<PiCounterCell> counterCells(PiCounterId counter) {
        return access(() -> state.counterCells(counter));
    }

    @Override
    public PiCounterCell counterCell(PiCounterCellId cell) {
        return access(() -> state.counterCell(cell));
    }

    @Override
    public PiMeterCellConfig meterCell(PiMeterCellId cell) {
        return access(() -> state.meterCell(cell));
    }

    @Override
    public List<PiMeterCellConfig> meterCells(PiMeterId meter) {
        return access(() -> state.meterCells(meter));
    }

    /** Injected on the node's CPU port by the emulator's loop (the caller may be any gRPC thread). */
    @Override
    public void packetOut(PacketOut packet) {
        byte[] frame = controllerHeaders.packetOutFrame(packet);
        scheduler.post(() -> node.packetOut(frame));
    }

    /** Digests come from the P4SimTarget; packet-ins from the node, after its control-channel delay. */
    @Override
    public void setListener(Listener listener) {
        state.setListener(listener);
        node.setPacketInListener((from, cpuFrame, timeNanos) -> {
            PacketIn packetIn;
            try {
                packetIn = controllerHeaders.packetIn(cpuFrame);
            } catch (P4RuntimeException malformed) {
                return;
            }
            listener.packetIn(packetIn);
        });
    }
}
