package org.metrofabric.p4runtime.server;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.metrofabric.p4runtime.codec.P4RuntimeException;
import p4.v1.P4RuntimeOuterClass.MasterArbitrationUpdate;
import p4.v1.P4RuntimeOuterClass.PacketOutError;
import p4.v1.P4RuntimeOuterClass.StreamError;
import p4.v1.P4RuntimeOuterClass.StreamMessageRequest;
import p4.v1.P4RuntimeOuterClass.StreamMessageResponse;

import java.util.Optional;
import java.util.function.LongFunction;

/**
 * One StreamChannel: the first arbitration update binds it to a device (unknown device: the stream
 * ends with NOT_FOUND); later arbitration updates go to that device's {@link Arbitration}, which may
 * end the stream (a reused election id: INVALID_ARGUMENT). Packet-outs and digest acks count only
 * from the primary, as in the PI server; a packet-out the target rejects is answered with a
 * StreamError carrying the packet. Responses may be sent from several threads, one at a time.
 */
final class StreamSession implements StreamObserver<StreamMessageRequest> {

    private final StreamObserver<StreamMessageResponse> out;
    private final LongFunction<Optional<ServedDevice>> devices;
    private volatile ServedDevice device;
    private boolean closed;

    StreamSession(StreamObserver<StreamMessageResponse> out, LongFunction<Optional<ServedDevice>> devices) {
        this.out = out;
        this.devices = devices;
    }

    @Override
    public void onNext(StreamMessageRequest request) {
        switch (request.getUpdateCase()) {
            case ARBITRATION -> arbitrate(request.getArbitration());
            case PACKET -> {
                if (isPrimary()) {
                    try {
                        device.target().packetOut(request.getPacket());
                    } catch (P4RuntimeException e) {
                        send(StreamMessageResponse.newBuilder().setError(StreamError.newBuilder()
                                .setCanonicalCode(e.code().value()).setMessage(e.getMessage())
                                .setPacketOut(PacketOutError.newBuilder().setPacketOut(request.getPacket())))
                                .build());
                    }
                }
            }
            case DIGEST_ACK -> {
                if (isPrimary()) {
                    device.digests().acknowledge(request.getDigestAck().getDigestId(),
                            request.getDigestAck().getListId());
                }
            }
            default -> send(StreamMessageResponse.newBuilder().setError(StreamError.newBuilder()
                    .setCanonicalCode(Status.Code.UNIMPLEMENTED.value())
                    .setMessage("stream message " + request.getUpdateCase() + " is not supported")).build());
        }
    }

    private boolean isPrimary() {
        ServedDevice bound = device;
        return bound != null && bound.arbitration().isPrimary(this);
    }

    private void arbitrate(MasterArbitrationUpdate update) {
        if (device == null) {
            Optional<ServedDevice> found = devices.apply(update.getDeviceId());
            if (found.isEmpty()) {
                close(Status.NOT_FOUND.withDescription("no device " + Long.toUnsignedString(update.getDeviceId())));
                return;
            }
            device = found.get();
        }
        Arbitration.Outcome<StreamSession> outcome = device.arbitration().onUpdate(this, update);
        deliver(outcome);
        outcome.rejection().ifPresent(this::close);
    }

    private static void deliver(Arbitration.Outcome<StreamSession> outcome) {
        for (Arbitration.Notification<StreamSession> n : outcome.notifications()) {
            n.stream().send(StreamMessageResponse.newBuilder().setArbitration(n.update()).build());
        }
    }

    /** Sends one message unless the stream has ended; a broken stream is treated as ended. */
    void send(StreamMessageResponse message) {
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                out.onNext(message);
                return;
            } catch (RuntimeException e) {
                closed = true;
            }
        }
        leave();
    }

    private void close(Status status) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            out.onError(status.asRuntimeException());
        }
        leave();
    }

    private void leave() {
        ServedDevice bound = device;
        if (bound != null) {
            deliver(bound.arbitration().onStreamClosed(this));
        }
    }

    @Override
    public void onError(Throwable t) {
        synchronized (this) {
            closed = true;
        }
        leave();
    }

    @Override
    public void onCompleted() {
        synchronized (this) {
            if (!closed) {
                closed = true;
                out.onCompleted();
            }
        }
        leave();
    }
}
