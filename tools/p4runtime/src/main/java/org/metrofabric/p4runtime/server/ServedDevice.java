package org.metrofabric.p4runtime.server;

import io.grpc.Status;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import org.metrofabric.p4runtime.codec.P4RuntimeCodec;
import org.metrofabric.p4runtime.codec.P4RuntimeException;
import org.onosproject.net.pi.runtime.PiEntity;
import org.onosproject.net.pi.runtime.PiTableEntry;
import p4.v1.P4DataOuterClass.P4Data;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.IdleTimeoutNotification;
import p4.v1.P4RuntimeOuterClass.PacketIn;
import p4.v1.P4RuntimeOuterClass.StreamMessageResponse;
import p4.v1.P4RuntimeOuterClass.TableEntry;
import p4.v1.P4RuntimeOuterClass.Update;
import p4.v1.P4RuntimeOuterClass.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * One device of a {@link P4RuntimeServer}: its target, arbitration, pipeline config and digest
 * lists, and the Write and Read logic over them. Writes to one device are applied one request at
 * a time, in request order.
 */
final class ServedDevice implements P4RuntimeTarget.Listener {

    private final long deviceId;
    private final P4RuntimeTarget target;
    private final P4RuntimeCodec codec;
    private final Arbitration<StreamSession> arbitration;
    private final PipelineConfigStore pipeline;
    private final DigestLists digests;
    private final EntityReader reader;

    ServedDevice(long deviceId, P4RuntimeTarget target, ScheduledExecutorService timer) {
        this.deviceId = deviceId;
        this.target = target;
        this.codec = P4RuntimeCodec.of(P4InfoIndex.of(target.p4Info()));
        this.arbitration = new Arbitration<>(deviceId);
        this.digests = new DigestLists(target.p4Info(), timer,
                list -> toPrimary(StreamMessageResponse.newBuilder().setDigest(list).build()));
        this.pipeline = new PipelineConfigStore(target.p4Info(), () -> {
            target.clearState();
            digests.clear();
        });
        this.reader = new EntityReader(target, codec, digests);
        target.setListener(this);
    }

    long deviceId() {
        return deviceId;
    }

    P4RuntimeTarget target() {
        return target;
    }

    Arbitration<StreamSession> arbitration() {
        return arbitration;
    }

    PipelineConfigStore pipeline() {
        return pipeline;
    }

    DigestLists digests() {
        return digests;
    }

    /** Role and primary checks shared by Write and SetForwardingPipelineConfig. */
    void checkPrimary(long roleId, boolean hasElectionId, p4.v1.P4RuntimeOuterClass.Uint128 electionId) {
        if (roleId != 0 && !arbitration.knowsRole(roleId)) {
            throw P4RuntimeException.notFound("device %s has no role %s", Long.toUnsignedString(deviceId),
                    Long.toUnsignedString(roleId));
        }
        arbitration.checkPrimary(roleId, hasElectionId ? Optional.of(ElectionId.of(electionId)) : Optional.empty());
    }

    void requirePipeline() {
        if (!pipeline.isCommitted()) {
            throw new P4RuntimeException(Status.Code.FAILED_PRECONDITION,
                    "No forwarding pipeline config set for this device");
        }
    }

    /**
     * Applies a checked Write request's updates; returns one status per update. CONTINUE_ON_ERROR
     * applies every update it can. ROLLBACK_ON_ERROR stops at the first failure and undoes the updates
     * applied before it, which then report ABORTED; those after it were not tried and report ABORTED too.
     */
    synchronized List<Status> write(WriteRequest request) {
        List<Status> results = new ArrayList<>(request.getUpdatesCount());
        switch (request.getAtomicity()) {
            case CONTINUE_ON_ERROR -> {
                for (Update update : request.getUpdatesList()) {
                    results.add(apply(update, false, null));
                }
            }
            case ROLLBACK_ON_ERROR -> {
                if (!target.supportsUndo()) {
                    throw new P4RuntimeException(Status.Code.UNIMPLEMENTED,
                            "ROLLBACK_ON_ERROR is not supported: this target cannot undo updates");
                }
                List<P4RuntimeTarget.Undo> undos = new ArrayList<>();
                for (Update update : request.getUpdatesList()) {
                    Status status = apply(update, true, undos);
                    results.add(status);
                    if (!status.isOk()) {
                        return rolledBack(undos, results.size() - 1, status, request.getUpdatesCount());
                    }
                }
            }
            default -> throw new P4RuntimeException(Status.Code.UNIMPLEMENTED,
                    "atomicity " + request.getAtomicity() + " is not supported");
        }
        return results;
    }

    private static List<Status> rolledBack(List<P4RuntimeTarget.Undo> undos, int failed, Status failure, int count) {
        for (int i = undos.size() - 1; i >= 0; i--) {
            undos.get(i).run();
        }
        Status aborted = Status.ABORTED.withDescription("rolled back: update " + failed + " of the batch failed");
        List<Status> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            results.add(i == failed ? failure : aborted);
        }
        return results;
    }

    private Status apply(Update update, boolean undoable, List<P4RuntimeTarget.Undo> undos) {
        try {
            Update.Type type = update.getType();
            if (type != Update.Type.INSERT && type != Update.Type.MODIFY && type != Update.Type.DELETE) {
                throw P4RuntimeException.invalidArgument("update type %s is not valid", type);
            }
            Entity entity = EmptyParameters.asZero(update.getEntity());
            switch (entity.getEntityCase()) {
                case DIGEST_ENTRY -> {
                    P4RuntimeTarget.Undo undo = digests.write(type, entity.getDigestEntry());
                    if (undoable) {
                        undos.add(undo);
                    }
                }
                case TABLE_ENTRY -> applyTableEntry(type, entity.getTableEntry(), undoable, undos);
                case REGISTER_ENTRY, VALUE_SET_ENTRY, EXTERN_ENTRY -> throw new P4RuntimeException(
                        Status.Code.UNIMPLEMENTED, "writing " + entity.getEntityCase() + " entities is not supported");
                default -> applyTo(type, codec.decode(entity), undoable, undos);
            }
            return Status.OK;
        } catch (P4RuntimeException e) {
            return e.toStatus();
        }
    }

    private void applyTableEntry(Update.Type type, TableEntry entry, boolean undoable,
                                 List<P4RuntimeTarget.Undo> undos) {
        if (entry.hasTimeSinceLastHit()) {
            throw P4RuntimeException.invalidArgument("table entry: time_since_last_hit is read-only, it must not "
                    + "be set in a WriteRequest");
        }
        PiTableEntry pi = codec.decodeTableEntry(entry);
        applyTo(type, pi, undoable, undos);
        if (type != Update.Type.DELETE && !entry.getIsDefaultAction()) {
            codec.decodeDirectMeterConfig(entry)
                    .ifPresent(meter -> applyTo(Update.Type.MODIFY, meter, undoable, undos));
        }
    }

    private void applyTo(Update.Type type, PiEntity entity, boolean undoable, List<P4RuntimeTarget.Undo> undos) {
        if (undoable) {
            undos.add(target.writeUndoable(type, entity));
        } else {
            target.write(type, entity);
        }
    }

    /** Every entity the request selects, in request order; the first failure ends the read. */
    void read(List<Entity> requests, Consumer<Entity> out) {
        for (Entity request : requests) {
            reader.read(request, out);
        }
    }

    // ---------------------------------------------------------------- events from the target

    @Override
    public void packetIn(PacketIn packet) {
        toPrimary(StreamMessageResponse.newBuilder().setPacket(packet).build());
    }

    @Override
    public void digest(int digestId, P4Data data) {
        digests.learn(digestId, data);
    }

    /**
     * One IdleTimeoutNotification for the whole sweep, each entry filled as PI fills it: table id, match,
     * priority, controller metadata and idle timeout, no action and no direct resource data.
     */
    @Override
    public void idleTimeout(List<PiTableEntry> entries, long timestampNanos) {
        if (entries.isEmpty()) {
            return;
        }
        IdleTimeoutNotification.Builder notification = IdleTimeoutNotification.newBuilder()
                .setTimestamp(timestampNanos);
        for (PiTableEntry entry : entries) {
            notification.addTableEntry(codec.encodeTableEntry(entry).toBuilder().clearAction().clearCounterData()
                    .clearMeterConfig());
        }
        toPrimary(StreamMessageResponse.newBuilder().setIdleTimeoutNotification(notification).build());
    }

    /** Controller-bound messages go to the primary client of the default role; dropped if there is none. */
    private void toPrimary(StreamMessageResponse message) {
        arbitration.primaryStream(0).ifPresent(stream -> stream.send(message));
    }
}
