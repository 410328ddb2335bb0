package org.metrofabric.p4sim.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.metrofabric.p4runtime.server.WriteErrors;
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

/** A grpc-java P4Runtime client for the tests: blocking unary calls and one or more streams. */
final class P4RuntimeTestClient {
    private static final long WAIT_SECONDS = 10;

    final ManagedChannel channel;
    final P4RuntimeGrpc.P4RuntimeBlockingStub blocking;
    private final List<Stream> streams = new ArrayList<>();

    P4RuntimeTestClient(ManagedChannel channel) {
        this.channel = channel;
        this.blocking = P4RuntimeGrpc.newBlockingStub(channel);
    }

    static Uint128 electionId(long low) {
        return Uint128.newBuilder().setLow(low).build();
    }

    /** One StreamChannel; messages received are queued, the end of the stream is recorded. */
    final class Stream implements StreamObserver<StreamMessageResponse> {
        final BlockingQueue<StreamMessageResponse> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Status> ended = new CompletableFuture<>();
        private final StreamObserver<StreamMessageRequest> requests;

        Stream() {
            this.requests = P4RuntimeGrpc.newStub(channel).streamChannel(this);
        }

        Stream send(StreamMessageRequest request) {
            requests.onNext(request);
            return this;
        }

        Stream arbitrate(long deviceId, long electionId) {
            return send(StreamMessageRequest.newBuilder().setArbitration(MasterArbitrationUpdate.newBuilder()
                    .setDeviceId(deviceId).setElectionId(electionId(electionId))).build());
        }

        /** The next message, failing the test if none comes. */
        StreamMessageResponse next() {
            try {
                StreamMessageResponse message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                assertNotNull(message, "no stream message within " + WAIT_SECONDS + " s");
                return message;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** The next message if one comes within {@code millis}. */
        Optional<StreamMessageResponse> poll(long millis) throws InterruptedException {
            return Optional.ofNullable(received.poll(millis, TimeUnit.MILLISECONDS));
        }

        /** Expects an arbitration message with this status and election id. */
        MasterArbitrationUpdate expectArbitration(Status.Code code, long electionId) {
            StreamMessageResponse message = next();
            assertTrue(message.hasArbitration(), "expected an arbitration message, got " + message);
            assertEquals(code.value(), message.getArbitration().getStatus().getCode(), message.toString());
            assertEquals(electionId(electionId), message.getArbitration().getElectionId());
            return message.getArbitration();
        }

        /** The status the server ended the stream with. */
        Status endStatus() throws Exception {
            return ended.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        void close() {
            try {
                requests.onCompleted();
            } catch (IllegalStateException alreadyClosed) {
                // the server ended it first
            }
        }

        @Override
        public void onNext(StreamMessageResponse value) {
            received.add(value);
        }

        @Override
        public void onError(Throwable t) {
            ended.complete(Status.fromThrowable(t));
        }

        @Override
        public void onCompleted() {
            ended.complete(Status.OK);
        }
    }

    Stream openStream() {
        Stream stream = new Stream();
        streams.add(stream);
        return stream;
    }

    /** The first stream this client opened. */
    Stream firstStream() {
        return streams.get(0);
    }

    void setPipeline(long deviceId, long electionId, SetForwardingPipelineConfigRequest.Action action,
                     ForwardingPipelineConfig config) {
        SetForwardingPipelineConfigRequest.Builder request = SetForwardingPipelineConfigRequest.newBuilder()
                .setDeviceId(deviceId).setElectionId(electionId(electionId)).setAction(action);
        if (config != null) {
            request.setConfig(config);
        }
        blocking.setForwardingPipelineConfig(request.build());
    }

    /** Writes with CONTINUE_ON_ERROR; throws the RPC's StatusRuntimeException on failure. */
    void write(long deviceId, long electionId, List<Update> updates) {
        write(WriteRequest.newBuilder().setDeviceId(deviceId).setElectionId(electionId(electionId))
                .addAllUpdates(updates).build());
    }

    void write(WriteRequest request) {
        blocking.write(request);
    }

    /**
     * The per-update codes of a Write: all OK, or the codes from the UNKNOWN status's details. An
     * RPC-wide failure is returned as a one-element list holding its code.
     */
    List<Status.Code> writeCodes(WriteRequest request) {
        try {
            blocking.write(request);
            return request.getUpdatesList().stream().map(u -> Status.Code.OK).toList();
        } catch (StatusRuntimeException e) {
            return WriteErrors.unpack(e, request.getUpdatesCount())
                    .map(errors -> errors.stream().map(err -> Status.fromCodeValue(err.getCanonicalCode()).getCode())
                            .toList())
                    .orElse(List.of(e.getStatus().getCode()));
        }
    }

    List<Status.Code> writeCodes(long deviceId, long electionId, Update... updates) {
        return writeCodes(WriteRequest.newBuilder().setDeviceId(deviceId).setElectionId(electionId(electionId))
                .addAllUpdates(List.of(updates)).build());
    }

    /** Every entity a Read returns, over all its response messages. */
    List<Entity> read(long deviceId, Entity... entities) {
        List<Entity> out = new ArrayList<>();
        Iterator<ReadResponse> responses = blocking.read(ReadRequest.newBuilder().setDeviceId(deviceId)
                .addAllEntities(List.of(entities)).build());
        responses.forEachRemaining(r -> out.addAll(r.getEntitiesList()));
        return out;
    }

    void close() {
        streams.forEach(Stream::close);
        channel.shutdownNow();
    }
}
