package org.metrofabric.p4sim.serve.bench;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import org.metrofabric.p4runtime.codec.TableInfo;
import org.metrofabric.p4runtime.server.P4RuntimeServer;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.p4sim.serve.P4SimTarget;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4RuntimeGrpc;
import p4.v1.P4RuntimeOuterClass.Action;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.FieldMatch;
import p4.v1.P4RuntimeOuterClass.ForwardingPipelineConfig;
import p4.v1.P4RuntimeOuterClass.MasterArbitrationUpdate;
import p4.v1.P4RuntimeOuterClass.ReadRequest;
import p4.v1.P4RuntimeOuterClass.ReadResponse;
import p4.v1.P4RuntimeOuterClass.SetForwardingPipelineConfigRequest;
import p4.v1.P4RuntimeOuterClass.StreamMessageRequest;
import p4.v1.P4RuntimeOuterClass.StreamMessageResponse;
import p4.v1.P4RuntimeOuterClass.TableAction;
import p4.v1.P4RuntimeOuterClass.TableEntry;
import p4.v1.P4RuntimeOuterClass.Uint128;
import p4.v1.P4RuntimeOuterClass.Update;
import p4.v1.P4RuntimeOuterClass.WriteRequest;

/**
 * Table-entry inserts per second through the P4Runtime server into a p4sim switch, one grpc-java
 * client, with 1 and with 1,000 updates per Write; then the time to read 100,000 entries back with
 * one wildcard Read. Over TCP on 127.0.0.1 and over the in-process transport. A benchmark main, not a
 * test: {@code P4RuntimeServerBenchmark [ENTRIES [SINGLE_INSERTS]]} (defaults 100000 and 5000).
 */
public final class P4RuntimeServerBenchmark {
    private static final long DEVICE = 1;
    private static final Uint128 ELECTION_ID = Uint128.newBuilder().setLow(1).build();

    private final P4Info p4Info;
    private final TableInfo table;
    private final int setPort;

    private P4RuntimeServerBenchmark(P4Info p4Info) {
        this.p4Info = p4Info;
        P4InfoIndex index = P4InfoIndex.of(p4Info);
        this.table = index.table("BenchIngress.hosts");
        this.setPort = index.action("BenchIngress.set_port").id();
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int singles = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        P4Sim.LoadedPipeline pipeline = P4Sim.load(Path.of("tools/p4sim/src/test/resources/serve/bench.p4"));
        P4RuntimeServerBenchmark bench = new P4RuntimeServerBenchmark(pipeline.p4info());
        System.out.printf("Java %s, %d cores, max heap %d MB, load average %.1f%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (String transport : List.of("tcp", "in-process")) {
            P4RuntimeServer service = new P4RuntimeServer().addDevice(DEVICE, new P4SimTarget(pipeline));
            Server server = transport.equals("tcp") ? service.startTcp("127.0.0.1", 0)
                    : service.startInProcess("p4runtime-bench");
            ManagedChannel channel = transport.equals("tcp")
                    ? NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext()
                            .maxInboundMessageSize(64 << 20).build()
                    : InProcessChannelBuilder.forName("p4runtime-bench").build();
            try {
                bench.run(transport, channel, entries, singles);
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                service.close();
            }
        }
    }

    private void run(String transport, ManagedChannel channel, int entries, int singles) throws Exception {
        P4RuntimeGrpc.P4RuntimeBlockingStub stub = P4RuntimeGrpc.newBlockingStub(channel);
        CompletableFuture<StreamMessageResponse> arbitrated = new CompletableFuture<>();
        StreamObserver<StreamMessageRequest> stream = P4RuntimeGrpc.newStub(channel).streamChannel(
                new StreamObserver<>() {
                    @Override
                    public void onNext(StreamMessageResponse value) {
                        arbitrated.complete(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        arbitrated.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        stream.onNext(StreamMessageRequest.newBuilder().setArbitration(MasterArbitrationUpdate.newBuilder()
                .setDeviceId(DEVICE).setElectionId(ELECTION_ID)).build());
        arbitrated.get(10, TimeUnit.SECONDS);

        commitPipeline(stub);
        insertBatched(stub, entries, 1_000);
        commitPipeline(stub);
        insertOneByOne(stub, singles);

        commitPipeline(stub);
        Timer timer = new Timer();
        insertOneByOne(stub, singles);
        String single = timer.rate(singles);

        commitPipeline(stub);
        timer = new Timer();
        insertBatched(stub, entries, 1_000);
        String batched = timer.rate(entries);

        readAll(stub, entries);
        timer = new Timer();
        int read = readAll(stub, entries);
        String readTime = timer.millis();

        System.out.printf("| %s | %s (%,d Writes of 1) | %s (%,d entries, Writes of 1,000) | %s (%,d entries) |%n",
                transport, single, singles, batched, entries, readTime, read);
        stream.onCompleted();
    }

    /**
     * Wall time and the process's CPU time (client and server threads together) since creation; on a
     * shared machine the CPU time is the steadier figure.
     */
    private static final class Timer {
        private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        private final long wallStart = System.nanoTime();
        private final long cpuStart = OS.getProcessCpuTime();

        String rate(int count) {
            double wall = (System.nanoTime() - wallStart) / 1e9;
            double cpu = (OS.getProcessCpuTime() - cpuStart) / 1e9;
            return String.format("%,.0f inserts/s wall, %,.0f per CPU-second", count / wall, count / cpu);
        }

        String millis() {
            return String.format("%,.0f ms wall, %,.0f ms CPU", (System.nanoTime() - wallStart) / 1e6,
                    (OS.getProcessCpuTime() - cpuStart) / 1e6);
        }
    }

    /** VERIFY_AND_COMMIT, which also empties the table. */
    private void commitPipeline(P4RuntimeGrpc.P4RuntimeBlockingStub stub) {
        stub.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest.newBuilder().setDeviceId(DEVICE)
                .setElectionId(ELECTION_ID).setAction(SetForwardingPipelineConfigRequest.Action.VERIFY_AND_COMMIT)
                .setConfig(ForwardingPipelineConfig.newBuilder().setP4Info(p4Info)).build());
    }

    private Update insert(int i) {
        byte[] address = {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i};
        TableEntry entry = TableEntry.newBuilder().setTableId(table.id())
                .addMatch(FieldMatch.newBuilder().setFieldId(1).setExact(FieldMatch.Exact.newBuilder()
                        .setValue(ByteString.copyFrom(address))))
                .setAction(TableAction.newBuilder().setAction(Action.newBuilder().setActionId(setPort)
                        .addParams(Action.Param.newBuilder().setParamId(1).setValue(ByteString.copyFrom(
                                new byte[] {(byte) (1 + i % 200)})))
                        .addParams(Action.Param.newBuilder().setParamId(2).setValue(ByteString.copyFrom(
                                new byte[] {0, 0, 0, (byte) (i >> 16), (byte) (i >> 8), (byte) i})))))
                .build();
        return Update.newBuilder().setType(Update.Type.INSERT).setEntity(Entity.newBuilder().setTableEntry(entry))
                .build();
    }

    private WriteRequest.Builder write() {
        return WriteRequest.newBuilder().setDeviceId(DEVICE).setElectionId(ELECTION_ID);
    }

    private void insertOneByOne(P4RuntimeGrpc.P4RuntimeBlockingStub stub, int count) {
        for (int i = 0; i < count; i++) {
            stub.write(write().addUpdates(insert(i)).build());
        }
    }

    private void insertBatched(P4RuntimeGrpc.P4RuntimeBlockingStub stub, int count, int batch) {
        for (int first = 0; first < count; first += batch) {
            List<Update> updates = new ArrayList<>(batch);
            for (int i = first; i < Math.min(count, first + batch); i++) {
                updates.add(insert(i));
            }
            stub.write(write().addAllUpdates(updates).build());
        }
    }

    private int readAll(P4RuntimeGrpc.P4RuntimeBlockingStub stub, int expected) {
        Iterator<ReadResponse> responses = stub.read(ReadRequest.newBuilder().setDeviceId(DEVICE)
                .addEntities(Entity.newBuilder().setTableEntry(TableEntry.newBuilder().setTableId(table.id())))
                .build());
        int count = 0;
        while (responses.hasNext()) {
            count += responses.next().getEntitiesCount();
        }
        if (count != expected) {
            throw new IllegalStateException("read " + count + " entries, expected " + expected);
        }
        return count;
    }
}
