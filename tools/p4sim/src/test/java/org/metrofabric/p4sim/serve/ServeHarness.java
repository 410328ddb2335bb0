package org.metrofabric.p4sim.serve;

import com.google.protobuf.ByteString;
import com.google.protobuf.TextFormat;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import org.metrofabric.p4runtime.server.P4RuntimeServer;
import org.metrofabric.p4sim.P4Sim;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4RuntimeOuterClass.ForwardingPipelineConfig;
import p4.v1.P4RuntimeOuterClass.SetForwardingPipelineConfigRequest;

/**
 * A {@code p4sim serve}-equivalent server on the in-process transport with p4sim devices, and the
 * programs the client-side tests use. Programs are compiled once per JVM.
 */
final class ServeHarness implements AutoCloseable {
    static final Path CORPUS = Path.of("src/test/resources/conformance/v1model");
    static final Path METRO_P4 = Path.of("../../p4src/metro.p4");
    static final Path METRO_P4INFO = Path.of("../../apps/pipeconf/src/main/resources/metro.p4info.txt");

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ConcurrentHashMap<Path, P4Sim.LoadedPipeline> PIPELINES = new ConcurrentHashMap<>();

    final P4RuntimeServer service = new P4RuntimeServer();
    private final String name = "p4sim-serve-test-" + NAMES.incrementAndGet();
    private final List<P4RuntimeTestClient> clients = new ArrayList<>();
    private Server server;

    /** A bare Ethernet frame (EtherType 0x88b5, for local experiments) from MAC 00:00:00:00:00:{@code lastMacByte}. */
    static byte[] frameFrom(int lastMacByte) {
        byte[] frame = new byte[14];
        frame[11] = (byte) lastMacByte;
        frame[12] = (byte) 0x88;
        frame[13] = (byte) 0xb5;
        return frame;
    }

    static P4Sim.LoadedPipeline pipeline(Path program) {
        return PIPELINES.computeIfAbsent(program.toAbsolutePath().normalize(), P4Sim::load);
    }

    /** The P4Info p4c wrote for a corpus program, as a client would send it. */
    static P4Info p4cP4Info(String program) {
        return parseP4Info(CORPUS.resolve(program + ".p4info.txt"));
    }

    static P4Info parseP4Info(Path file) {
        try {
            P4Info.Builder builder = P4Info.newBuilder();
            TextFormat.getParser().merge(Files.readString(file), builder);
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a device running {@code program}; start the server after adding every device. */
    P4SimTarget addDevice(long deviceId, Path program) {
        P4SimTarget target = new P4SimTarget(pipeline(program));
        service.addDevice(deviceId, target);
        return target;
    }

    ServeHarness start() {
        server = service.startInProcess(name);
        return this;
    }

    P4RuntimeTestClient client() {
        ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
        P4RuntimeTestClient client = new P4RuntimeTestClient(channel);
        clients.add(client);
        return client;
    }

    /** A client that is the primary of {@code deviceId} (election id 10) and has committed {@code p4Info}. */
    P4RuntimeTestClient primaryWithPipeline(long deviceId, P4Info p4Info) {
        P4RuntimeTestClient client = client();
        client.openStream().arbitrate(deviceId, 10).expectArbitration(Status.Code.OK, 10);
        client.setPipeline(deviceId, 10, SetForwardingPipelineConfigRequest.Action.VERIFY_AND_COMMIT,
                config(p4Info, 1));
        return client;
    }

    static ForwardingPipelineConfig config(P4Info p4Info, long cookie) {
        return ForwardingPipelineConfig.newBuilder().setP4Info(p4Info)
                .setP4DeviceConfig(ByteString.copyFromUtf8("{\"bmv2\": \"json, opaque to p4sim\"}"))
                .setCookie(ForwardingPipelineConfig.Cookie.newBuilder().setCookie(cookie)).build();
    }

    static P4InfoIndex index(P4Info p4Info) {
        return P4InfoIndex.of(p4Info);
    }

    static Status.Code codeOf(Runnable call) {
        try {
            call.run();
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }

    @Override
    public void close() throws InterruptedException {
        clients.forEach(P4RuntimeTestClient::close);
        if (server != null) {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        service.close();
    }
}
