package org.metrofabric.emulator.onos;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import org.metrofabric.p4runtime.codec.P4RuntimeCodec;
import org.metrofabric.p4runtime.codec.P4RuntimeException;
import org.metrofabric.p4runtime.server.WriteErrors;
import org.onosproject.net.DeviceId;
import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiActionProfileGroup;
import org.onosproject.net.pi.runtime.PiActionProfileMember;
import org.onosproject.net.pi.runtime.PiCloneSessionEntry;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiEntity;
import org.onosproject.net.pi.runtime.PiMulticastGroupEntry;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.pi.runtime.PiTableEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4RuntimeGrpc;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.ForwardingPipelineConfig;
import p4.v1.P4RuntimeOuterClass.MasterArbitrationUpdate;
import p4.v1.P4RuntimeOuterClass.ReadRequest;
import p4.v1.P4RuntimeOuterClass.ReadResponse;
import p4.v1.P4RuntimeOuterClass.SetForwardingPipelineConfigRequest;
import p4.v1.P4RuntimeOuterClass.StreamMessageRequest;
import p4.v1.P4RuntimeOuterClass.StreamMessageResponse;
import p4.v1.P4RuntimeOuterClass.Uint128;
import p4.v1.P4RuntimeOuterClass.Update;
import p4.v1.P4RuntimeOuterClass.WriteRequest;

/**
 * A {@link PiDeviceClient} that speaks P4Runtime over grpc-java, as ONOS's P4Runtime driver does:
 * one StreamChannel on which it becomes primary with its election id and exchanges packets, then
 * SetForwardingPipelineConfig (VERIFY_AND_COMMIT), then unary Write and Read calls. Every message
 * is built by {@link P4RuntimeCodec}.
 *
 * <p>A batch goes out as one Write with CONTINUE_ON_ERROR, the atomicity every P4Runtime target
 * supports. When updates fail, the switch has applied all the others, so to keep this interface's
 * contract (the updates before the first rejected one stay applied, none after it) the client
 * undoes the applied updates that follow the first rejection, in reverse order. Undoing a MODIFY
 * or DELETE needs the entity as it was, so in a batch of several updates those are read by key
 * before the Write.
 */
public final class P4RuntimeDeviceClient implements PiDeviceClient, AutoCloseable {
    private static final long ARBITRATION_TIMEOUT_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(P4RuntimeDeviceClient.class);

    private final DeviceId deviceId;
    private final long p4DeviceId;
    private final Uint128 electionId;
    private final P4RuntimeCodec codec;
    private final P4RuntimeGrpc.P4RuntimeBlockingStub blocking;
    private final StreamObserver<StreamMessageRequest> requests;
    private final CompletableFuture<MasterArbitrationUpdate> arbitration = new CompletableFuture<>();
    private final AtomicLong rejectedPacketOuts = new AtomicLong();
    private volatile Consumer<PiPacketOperation> packetInListener;
    private volatile Status streamEnd;
    /** Whether the device's last arbitration update named this client primary. */
    private volatile boolean primary;

    private P4RuntimeDeviceClient(DeviceId deviceId, long p4DeviceId, Channel channel, P4Info p4Info,
                                  long electionId) {
        this.deviceId = deviceId;
        this.p4DeviceId = p4DeviceId;
        this.electionId = Uint128.newBuilder().setLow(electionId).build();
        this.codec = P4RuntimeCodec.of(P4InfoIndex.of(p4Info));
        this.blocking = P4RuntimeGrpc.newBlockingStub(channel);
        this.requests = P4RuntimeGrpc.newStub(channel).streamChannel(new Responses());
    }

    /**
     * Connects to device {@code p4DeviceId} over {@code channel}: becomes its primary controller with
     * {@code electionId} and commits {@code p4Info} as its pipeline, which clears its forwarding state.
     *
     * @throws IllegalStateException if the device does not make this client primary
     */
    public static P4RuntimeDeviceClient connect(DeviceId deviceId, long p4DeviceId, Channel channel, P4Info p4Info,
                                                long electionId) {
        P4RuntimeDeviceClient client = new P4RuntimeDeviceClient(deviceId, p4DeviceId, channel, p4Info, electionId);
        client.becomePrimary();
        client.blocking.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest.newBuilder()
                .setDeviceId(p4DeviceId).setElectionId(client.electionId)
                .setAction(SetForwardingPipelineConfigRequest.Action.VERIFY_AND_COMMIT)
                .setConfig(ForwardingPipelineConfig.newBuilder().setP4Info(p4Info)).build());
        return client;
    }

    private void becomePrimary() {
        send(StreamMessageRequest.newBuilder().setArbitration(MasterArbitrationUpdate.newBuilder()
                .setDeviceId(p4DeviceId).setElectionId(electionId)).build());
        MasterArbitrationUpdate answer;
        try {
            answer = arbitration.get(ARBITRATION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(deviceId + ": interrupted while waiting for arbitration", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(deviceId + ": arbitration failed: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(deviceId + ": no arbitration answer within "
                    + ARBITRATION_TIMEOUT_SECONDS + " s", e);
        }
        if (answer.getStatus().getCode() != Status.Code.OK.value() || !answer.getElectionId().equals(electionId)) {
            throw new IllegalStateException(deviceId + ": not primary with election id " + electionId.getLow()
                    + " (the primary's is " + answer.getElectionId().getLow() + ")");
        }
    }

    @Override
    public DeviceId deviceId() {
        return deviceId;
    }

    /** Packet-outs the device answered with a stream error. */
    public long rejectedPacketOuts() {
        return rejectedPacketOuts.get();
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void write(List<PiUpdate> updates) {
        List<Update> encoded = new ArrayList<>(updates.size());
        for (int i = 0; i < updates.size(); i++) {
            try {
                encoded.add(encode(updates.get(i)));
            } catch (P4RuntimeException e) {
                write(updates.subList(0, i));
                throw new PiWriteException(deviceId, i, updates.get(i), e.code().name(), e.getMessage());
            }
        }
        if (encoded.isEmpty()) {
            return;
        }
        List<Optional<PiEntity>> before = updates.size() > 1 ? entitiesBefore(updates, encoded) : List.of();
        WriteRequest request = WriteRequest.newBuilder().setDeviceId(p4DeviceId).setElectionId(electionId)
                .setAtomicity(WriteRequest.Atomicity.CONTINUE_ON_ERROR).addAllUpdates(encoded).build();
        try {
            blocking.write(request);
        } catch (StatusRuntimeException e) {
            throw rejection(updates, before, e);
        }
    }

    private Update encode(PiUpdate update) {
        return Update.newBuilder().setType(Update.Type.valueOf(update.type().name()))
                .setEntity(codec.encode(update.entity())).build();
    }

    /** Undoes what followed the first failed update and returns the exception that reports it. */
    private PiWriteException rejection(List<PiUpdate> updates, List<Optional<PiEntity>> before,
                                       StatusRuntimeException failure) {
        Optional<List<p4.v1.P4RuntimeOuterClass.Error>> perUpdate = WriteErrors.unpack(failure, updates.size());
        if (perUpdate.isEmpty() || perUpdate.get().stream().allMatch(e -> e.getCanonicalCode() == 0)) {
            // The whole request was refused before any update was tried.
            return new PiWriteException(deviceId, 0, updates.get(0), failure.getStatus().getCode().name(),
                    String.valueOf(failure.getStatus().getDescription()));
        }
        List<p4.v1.P4RuntimeOuterClass.Error> errors = perUpdate.get();
        int first = 0;
        while (errors.get(first).getCanonicalCode() == Status.Code.OK.value()) {
            first++;
        }
        PiWriteException rejected = new PiWriteException(deviceId, first, updates.get(first),
                Status.fromCodeValue(errors.get(first).getCanonicalCode()).getCode().name(),
                errors.get(first).getMessage());
        List<PiUpdate> undo = new ArrayList<>();
        for (int i = updates.size() - 1; i > first; i--) {
            if (errors.get(i).getCanonicalCode() == Status.Code.OK.value()) {
                inverse(updates.get(i), before.get(i)).ifPresent(undo::add);
            }
        }
        try {
            write(undo);
        } catch (PiWriteException undoFailed) {
            rejected.addSuppressed(undoFailed);
        }
        return rejected;
    }

    private static Optional<PiUpdate> inverse(PiUpdate applied, Optional<PiEntity> before) {
        return switch (applied.type()) {
            case INSERT -> Optional.of(PiUpdate.delete(applied.entity()));
            case MODIFY -> before.map(PiUpdate::modify);
            case DELETE -> before.map(PiUpdate::insert);
        };
    }

    /**
     * For each MODIFY or DELETE after the first update, the entity as it will be just before it: as an
     * earlier update of the batch leaves it, else as the switch holds it now. Empty for the others.
     */
    private List<Optional<PiEntity>> entitiesBefore(List<PiUpdate> updates, List<Update> encoded) {
        List<Optional<PiEntity>> before = new ArrayList<>(updates.size());
        Map<Entity, Optional<PiEntity>> writtenEarlier = new HashMap<>();
        for (int i = 0; i < updates.size(); i++) {
            PiUpdate update = updates.get(i);
            Entity key = keyOf(encoded.get(i).getEntity());
            if (i == 0 || update.type() == PiUpdate.Type.INSERT) {
                before.add(Optional.empty());
            } else {
                before.add(writtenEarlier.containsKey(key) ? writtenEarlier.get(key) : readByKey(key));
            }
            writtenEarlier.put(key, update.type() == PiUpdate.Type.DELETE ? Optional.empty()
                    : Optional.of(update.entity()));
        }
        return before;
    }

    private Optional<PiEntity> readByKey(Entity key) {
        List<Entity> found = read(key);
        return found.isEmpty() ? Optional.empty() : Optional.of(codec.decode(found.get(0)));
    }

    /** The read request for exactly the entity {@code written} addresses (its key, no values). */
    private static Entity keyOf(Entity written) {
        Entity.Builder key = written.toBuilder();
        switch (written.getEntityCase()) {
            case TABLE_ENTRY -> key.getTableEntryBuilder().clearAction().clearCounterData().clearMeterConfig()
                    .clearIdleTimeoutNs().clearMetadata().clearControllerMetadata();
            case ACTION_PROFILE_MEMBER -> key.getActionProfileMemberBuilder().clearAction();
            case ACTION_PROFILE_GROUP -> key.getActionProfileGroupBuilder().clearMembers().clearMaxSize();
            case PACKET_REPLICATION_ENGINE_ENTRY -> {
                var pre = key.getPacketReplicationEngineEntryBuilder();
                if (pre.hasMulticastGroupEntry()) {
                    pre.getMulticastGroupEntryBuilder().clearReplicas();
                } else {
                    pre.getCloneSessionEntryBuilder().clearReplicas().clearClassOfService().clearPacketLengthBytes();
                }
            }
            case COUNTER_ENTRY -> key.getCounterEntryBuilder().clearData();
            case DIRECT_COUNTER_ENTRY -> key.getDirectCounterEntryBuilder().clearData();
            case METER_ENTRY -> key.getMeterEntryBuilder().clearConfig();
            case DIRECT_METER_ENTRY -> key.getDirectMeterEntryBuilder().clearConfig();
            default -> throw new IllegalArgumentException("no read by key for " + written.getEntityCase());
        }
        return key.build();
    }

    // ---------------------------------------------------------------- reads

    private List<Entity> read(Entity request) {
        List<Entity> out = new ArrayList<>();
        Iterator<ReadResponse> responses = blocking.read(ReadRequest.newBuilder().setDeviceId(p4DeviceId)
                .addEntities(request).build());
        responses.forEachRemaining(response -> out.addAll(response.getEntitiesList()));
        return out;
    }

    @Override
    public List<PiTableEntry> readTable(PiTableId table) {
        return read(codec.encodeTableRead(table)).stream()
                .map(e -> codec.decodeTableEntry(e.getTableEntry())).toList();
    }

    @Override
    public List<PiActionProfileMember> readMembers(PiActionProfileId profile) {
        return read(codec.encodeMemberRead(profile)).stream()
                .map(e -> codec.decodeMember(e.getActionProfileMember())).toList();
    }

    @Override
    public List<PiActionProfileGroup> readGroups(PiActionProfileId profile) {
        return read(codec.encodeGroupRead(profile)).stream()
                .map(e -> codec.decodeGroup(e.getActionProfileGroup())).toList();
    }

    @Override
    public List<PiMulticastGroupEntry> readMulticastGroups() {
        return read(codec.encodeMulticastGroupRead()).stream()
                .map(e -> (PiMulticastGroupEntry) codec.decodePreEntry(e.getPacketReplicationEngineEntry())).toList();
    }

    @Override
    public List<PiCloneSessionEntry> readCloneSessions() {
        return read(codec.encodeCloneSessionRead()).stream()
                .map(e -> (PiCloneSessionEntry) codec.decodePreEntry(e.getPacketReplicationEngineEntry())).toList();
    }

    @Override
    public List<PiCounterCell> readCounterCells(PiCounterId counter) {
        return read(codec.encodeCounterReadAll(counter)).stream().map(codec::decodeCounterCell).toList();
    }

    // ---------------------------------------------------------------- packet I/O

    @Override
    public void packetOut(PiPacketOperation packet) {
        send(StreamMessageRequest.newBuilder().setPacket(codec.encodePacketOut(packet)).build());
    }

    @Override
    public void setPacketInListener(Consumer<PiPacketOperation> listener) {
        this.packetInListener = listener;
    }

    private void send(StreamMessageRequest message) {
        Status ended = streamEnd;
        if (ended != null) {
            throw new IllegalStateException(deviceId + ": the P4Runtime stream has ended (" + ended + ")");
        }
        synchronized (requests) {
            requests.onNext(message);
        }
    }

    /** Ends the stream, which gives up the primary role. */
    @Override
    public void close() {
        synchronized (requests) {
            if (streamEnd == null) {
                streamEnd = Status.CANCELLED.withDescription("closed by the client");
                requests.onCompleted();
            }
        }
    }

    /**
     * The first update answers {@link #becomePrimary}; later ones tell of primary changes (the device
     * notifies every client). Losing the primary role to a controller with a higher election id is
     * logged once per loss: writes are refused (PERMISSION_DENIED) from then on.
     */
    private void arbitrationUpdate(MasterArbitrationUpdate update) {
        boolean primaryNow = update.getStatus().getCode() == Status.Code.OK.value()
                && update.getElectionId().equals(electionId);
        boolean wasPrimary = primary;
        primary = primaryNow;
        if (!arbitration.complete(update) && wasPrimary && !primaryNow) {
            LOG.warn("{}: another controller is primary now (election id {}, this client's is {}); "
                    + "writes from this client are refused until it is primary again", deviceId,
                    update.getElectionId().getLow(), electionId.getLow());
        }
    }

    /** Whether the device last said this client is its primary controller. */
    public boolean isPrimary() {
        return primary;
    }

    private final class Responses implements StreamObserver<StreamMessageResponse> {
        @Override
        public void onNext(StreamMessageResponse message) {
            switch (message.getUpdateCase()) {
                case ARBITRATION -> arbitrationUpdate(message.getArbitration());
                case PACKET -> {
                    Consumer<PiPacketOperation> listener = packetInListener;
                    if (listener != null) {
                        listener.accept(codec.decodePacketIn(message.getPacket()));
                    }
                }
                case ERROR -> rejectedPacketOuts.incrementAndGet();
                default -> { }
            }
        }

        @Override
        public void onError(Throwable t) {
            streamEnd = Status.fromThrowable(t);
            arbitration.completeExceptionally(t);
        }

        @Override
        public void onCompleted() {
            streamEnd = Status.OK;
            arbitration.completeExceptionally(new IllegalStateException("the device ended the stream"));
        }
    }
}
