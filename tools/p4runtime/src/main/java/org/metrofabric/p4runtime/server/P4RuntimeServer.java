package org.metrofabric.p4runtime.server;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import org.metrofabric.p4runtime.codec.P4RuntimeException;
import p4.v1.P4RuntimeGrpc;
import p4.v1.P4RuntimeOuterClass.CapabilitiesRequest;
import p4.v1.P4RuntimeOuterClass.CapabilitiesResponse;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.GetForwardingPipelineConfigRequest;
import p4.v1.P4RuntimeOuterClass.GetForwardingPipelineConfigResponse;
import p4.v1.P4RuntimeOuterClass.ReadRequest;
import p4.v1.P4RuntimeOuterClass.ReadResponse;
import p4.v1.P4RuntimeOuterClass.SetForwardingPipelineConfigRequest;
import p4.v1.P4RuntimeOuterClass.SetForwardingPipelineConfigResponse;
import p4.v1.P4RuntimeOuterClass.StreamMessageRequest;
import p4.v1.P4RuntimeOuterClass.StreamMessageResponse;
import p4.v1.P4RuntimeOuterClass.WriteRequest;
import p4.v1.P4RuntimeOuterClass.WriteResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The P4Runtime v1 service (grpc-java) over any number of {@link P4RuntimeTarget}s, each under its
 * device id. Serve it on TCP ({@link #startTcp}; one server per switch on its own port, as BMv2
 * runs, or several devices behind one port) or in-process for tests ({@link #startInProcess}).
 *
 * <p>Answers follow P4Runtime 1.3 and, where it leaves room, BMv2's PI server (recorded in
 * conformance/p4runtime/README.md). Write checks, in order: unknown device NOT_FOUND, unknown role
 * NOT_FOUND, not the primary PERMISSION_DENIED, no committed pipeline FAILED_PRECONDITION,
 * unsupported atomicity UNIMPLEMENTED; then each update, failures reported as UNKNOWN with one
 * p4.v1.Error per update ({@link WriteErrors}). Unlike BMv2 (which accepts writes with no election
 * id while no client is connected), a Write always needs the primary's election id. Read needs no
 * arbitration; a failing entity fails the Read with UNKNOWN and one Error per requested entity.
 */
public final class P4RuntimeServer extends P4RuntimeGrpc.P4RuntimeImplBase implements AutoCloseable {

    /** The proto version the generated classes come from (ONOS 2.7's, wire-compatible with 1.3). */
    public static final String API_VERSION = "1.2.0";

    /**
     * Read responses are cut at about this many bytes: under gRPC's 4 MiB message limit and well under
     * HTTP/2's default 1 MiB flow-control window, so several are in flight at once.
     */
    private static final int READ_CHUNK_BYTES = 1 << 18;

    /** Large enough for a batch of 100,000 table entries. */
    private static final int MAX_MESSAGE_BYTES = 64 << 20;

    private final Map<Long, ServedDevice> devices = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "p4runtime-digest-timer");
        thread.setDaemon(true);
        return thread;
    });

    /** Serves {@code target} as device {@code deviceId}; the device starts with no pipeline config. */
    public P4RuntimeServer addDevice(long deviceId, P4RuntimeTarget target) {
        ServedDevice device = new ServedDevice(deviceId, target, timer);
        if (devices.putIfAbsent(deviceId, device) != null) {
            throw new IllegalArgumentException("device id " + Long.toUnsignedString(deviceId) + " is already served");
        }
        return this;
    }

    /** Listens on {@code host:port} (port 0 picks a free one: see {@link Server#getPort()}). */
    public Server startTcp(String host, int port) {
        return start(NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
                .maxInboundMessageSize(MAX_MESSAGE_BYTES).addService(this).build());
    }

    /** Serves under an in-process name, for clients built with {@code InProcessChannelBuilder.forName(name)}. */
    public Server startInProcess(String name) {
        return start(InProcessServerBuilder.forName(name).maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .addService(this).build());
    }

    private static Server start(Server server) {
        try {
            return server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the P4Runtime server: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private ServedDevice device(long deviceId) {
        ServedDevice device = devices.get(deviceId);
        if (device == null) {
            throw P4RuntimeException.notFound("no device %s", Long.toUnsignedString(deviceId));
        }
        return device;
    }

    @Override
    public void write(WriteRequest request, StreamObserver<WriteResponse> response) {
        try {
            ServedDevice device = device(request.getDeviceId());
            device.checkPrimary(request.getRoleId(), request.hasElectionId(), request.getElectionId());
            device.requirePipeline();
            Optional<StatusRuntimeException> failure = WriteErrors.pack(device.write(request));
            if (failure.isPresent()) {
                response.onError(failure.get());
                return;
            }
            response.onNext(WriteResponse.getDefaultInstance());
            response.onCompleted();
        } catch (P4RuntimeException e) {
            response.onError(e.toStatus().asRuntimeException());
        }
    }

    @Override
    public void read(ReadRequest request, StreamObserver<ReadResponse> response) {
        List<Entity> found = new ArrayList<>();
        try {
            ServedDevice device = device(request.getDeviceId());
            device.requirePipeline();
            List<Status> perEntity = new ArrayList<>(request.getEntitiesCount());
            for (Entity entity : request.getEntitiesList()) {
                try {
                    device.read(List.of(entity), found::add);
                    perEntity.add(Status.OK);
                } catch (P4RuntimeException e) {
                    perEntity.add(e.toStatus());
                }
            }
            Optional<StatusRuntimeException> failure = WriteErrors.pack(perEntity);
            if (failure.isPresent()) {
                response.onError(failure.get());
                return;
            }
        } catch (P4RuntimeException e) {
            response.onError(e.toStatus().asRuntimeException());
            return;
        }
        streamInChunks(found, response);
    }

    private static void streamInChunks(List<Entity> entities, StreamObserver<ReadResponse> response) {
        ReadResponse.Builder chunk = ReadResponse.newBuilder();
        int bytes = 0;
        for (Entity entity : entities) {
            int size = entity.getSerializedSize();
            if (chunk.getEntitiesCount() > 0 && bytes + size > READ_CHUNK_BYTES) {
                response.onNext(chunk.build());
                chunk = ReadResponse.newBuilder();
                bytes = 0;
            }
            chunk.addEntities(entity);
            bytes += size;
        }
        response.onNext(chunk.build());
        response.onCompleted();
    }

    @Override
    public void setForwardingPipelineConfig(SetForwardingPipelineConfigRequest request,
                                            StreamObserver<SetForwardingPipelineConfigResponse> response) {
        try {
            ServedDevice device = device(request.getDeviceId());
            device.checkPrimary(request.getRoleId(), request.hasElectionId(), request.getElectionId());
            device.pipeline().set(request);
            response.onNext(SetForwardingPipelineConfigResponse.getDefaultInstance());
            response.onCompleted();
        } catch (P4RuntimeException e) {
            response.onError(e.toStatus().asRuntimeException());
        }
    }

    @Override
    public void getForwardingPipelineConfig(GetForwardingPipelineConfigRequest request,
                                            StreamObserver<GetForwardingPipelineConfigResponse> response) {
        try {
            ServedDevice device = device(request.getDeviceId());
            response.onNext(GetForwardingPipelineConfigResponse.newBuilder()
                    .setConfig(device.pipeline().get(request.getResponseType())).build());
            response.onCompleted();
        } catch (P4RuntimeException e) {
            response.onError(e.toStatus().asRuntimeException());
        }
    }

    @Override
    public void capabilities(CapabilitiesRequest request, StreamObserver<CapabilitiesResponse> response) {
        response.onNext(CapabilitiesResponse.newBuilder().setP4RuntimeApiVersion(API_VERSION).build());
        response.onCompleted();
    }

    @Override
    public StreamObserver<StreamMessageRequest> streamChannel(StreamObserver<StreamMessageResponse> response) {
        return new StreamSession(response, id -> Optional.ofNullable(devices.get(id)));
    }
}
