package org.metrofabric.p4sim.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.p4sim.serve.RoutingEntities.P4INFO;
import static org.metrofabric.p4sim.serve.RoutingEntities.route;
import static org.metrofabric.p4sim.serve.RoutingEntities.tableEntity;
import static org.metrofabric.p4sim.serve.RoutingEntities.update;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status.Code;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4runtime.server.P4RuntimeServer;
import org.metrofabric.p4sim.cli.P4SimCli;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4RuntimeOuterClass.Action;
import p4.v1.P4RuntimeOuterClass.CapabilitiesRequest;
import p4.v1.P4RuntimeOuterClass.FieldMatch;
import p4.v1.P4RuntimeOuterClass.SetForwardingPipelineConfigRequest;
import p4.v1.P4RuntimeOuterClass.StreamMessageResponse;
import p4.v1.P4RuntimeOuterClass.TableAction;
import p4.v1.P4RuntimeOuterClass.TableEntry;
import p4.v1.P4RuntimeOuterClass.Update;
import picocli.CommandLine;

/** The server over real TCP on 127.0.0.1 (ephemeral port), and the {@code p4sim serve} command itself. */
class ServeTcpTest {

    @Test
    void twoDevicesEachOnItsOwnTcpPort() throws Exception {
        P4RuntimeServer first = new P4RuntimeServer().addDevice(1,
                new P4SimTarget(ServeHarness.pipeline(ServeHarness.CORPUS.resolve("routing.p4"))));
        P4RuntimeServer second = new P4RuntimeServer().addDevice(2,
                new P4SimTarget(ServeHarness.pipeline(ServeHarness.CORPUS.resolve("routing.p4"))));
        Server a = first.startTcp("127.0.0.1", 0);
        Server b = second.startTcp("127.0.0.1", 0);
        try {
            assertTrue(a.getPort() > 0 && b.getPort() > 0 && a.getPort() != b.getPort());
            for (long device : List.of(1L, 2L)) {
                int port = device == 1 ? a.getPort() : b.getPort();
                ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
                P4RuntimeTestClient client = new P4RuntimeTestClient(channel);
                try {
                    client.openStream().arbitrate(device, 10).expectArbitration(Code.OK, 10);
                    client.setPipeline(device, 10, SetForwardingPipelineConfigRequest.Action.VERIFY_AND_COMMIT,
                            ServeHarness.config(P4INFO, device));
                    assertEquals(List.of(Code.OK), client.writeCodes(device, 10,
                            update(Update.Type.INSERT, route((int) device, 1))));
                    assertEquals(List.of(tableEntity(route((int) device, 1))), client.read(device,
                            tableEntity(TableEntry.newBuilder().setTableId(RoutingEntities.TABLE).build())));
                    assertEquals(List.of(Code.NOT_FOUND), client.writeCodes(3 - device, 10,
                            update(Update.Type.INSERT, route(9, 1))), "the other device is on the other port");
                } finally {
                    client.close();
                }
            }
        } finally {
            a.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            b.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            first.close();
            second.close();
        }
    }

    /** {@code p4sim serve} running on its own thread, and the TCP port it printed. */
    private record Serving(Thread thread, int port) {
        void stop() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
            assertTrue(!thread.isAlive(), "serve stopped");
        }
    }

    private static Serving serve(String program, String... options) throws InterruptedException {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new P4SimCli());
        cli.setOut(new PrintWriter(out, true));
        List<String> args = new java.util.ArrayList<>(List.of("serve", program, "--port", "0", "--host",
                "127.0.0.1"));
        args.addAll(List.of(options));
        Thread serving = new Thread(() -> cli.execute(args.toArray(String[]::new)));
        serving.start();
        Pattern listening = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");
        Matcher port = listening.matcher("");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!port.reset(out.toString()).find() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(port.reset(out.toString()).find(), "no listening line in: " + out);
        return new Serving(serving, Integer.parseInt(port.group(1)));
    }

    @Test
    void serveCommandListensUntilInterrupted() throws Exception {
        Serving serving = serve(ServeHarness.CORPUS.resolve("routing.p4").toString(), "--device-id", "5");
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", serving.port()).usePlaintext().build();
        P4RuntimeTestClient client = new P4RuntimeTestClient(channel);
        try {
            assertEquals(P4RuntimeServer.API_VERSION, client.blocking.capabilities(
                    CapabilitiesRequest.getDefaultInstance()).getP4RuntimeApiVersion());
            client.openStream().arbitrate(5, 1).expectArbitration(Code.OK, 1);
        } finally {
            client.close();
        }
        serving.stop();
    }

    @Test
    void serveCommandSweepsIdleEntriesOnTheWallClock() throws Exception {
        Path ageing = Path.of("src/test/resources/serve/ageing.p4");
        Serving serving = serve(ageing.toString(), "--ageing-sweep-ms", "10");
        P4Info p4Info = ServeHarness.pipeline(ageing).p4info();
        var smac = ServeHarness.index(p4Info).table("AgeingIngress.smac");
        TableEntry entry = TableEntry.newBuilder().setTableId(smac.id())
                .addMatch(FieldMatch.newBuilder().setFieldId(smac.matchField("hdr.ethernet.src").getId())
                        .setExact(FieldMatch.Exact.newBuilder().setValue(RoutingEntities.bytes(0xa1))))
                .setAction(TableAction.newBuilder().setAction(Action.newBuilder()
                        .setActionId(ServeHarness.index(p4Info).action("AgeingIngress.known").id())))
                .setIdleTimeoutNs(TimeUnit.MILLISECONDS.toNanos(1)).build();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", serving.port()).usePlaintext().build();
        P4RuntimeTestClient client = new P4RuntimeTestClient(channel);
        try {
            P4RuntimeTestClient.Stream stream = client.openStream().arbitrate(1, 1);
            stream.expectArbitration(Code.OK, 1);
            client.setPipeline(1, 1, SetForwardingPipelineConfigRequest.Action.VERIFY_AND_COMMIT,
                    ServeHarness.config(p4Info, 1));
            client.write(1, 1, List.of(update(Update.Type.INSERT, entry)));
            StreamMessageResponse message = stream.next();
            assertTrue(message.hasIdleTimeoutNotification(), "the sweeper's notification: " + message);
            assertEquals(entry.toBuilder().clearAction().build(),
                    message.getIdleTimeoutNotification().getTableEntry(0));
        } finally {
            client.close();
        }
        serving.stop();
    }

    @Test
    void serveCommandRejectsABadPortAndAnInvalidProgram() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new P4SimCli());
        cli.setErr(new PrintWriter(err, true));
        assertEquals(2, cli.execute("serve", ServeHarness.CORPUS.resolve("routing.p4").toString(), "--port", "70000"));
        assertTrue(err.toString().contains("--port"), err.toString());
        assertEquals(1, cli.execute("serve", "src/test/resources/serve/no-such-program.p4"));
    }

    @Test
    void serveCommandRejectsAnAgeingSweepIntervalOutOfRange() {
        for (String interval : List.of("0", "-5", "86400001")) {
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new P4SimCli());
            cli.setErr(new PrintWriter(err, true));
            assertEquals(2, cli.execute("serve", ServeHarness.CORPUS.resolve("routing.p4").toString(),
                    "--ageing-sweep-ms", interval), interval);
            assertTrue(err.toString().contains("--ageing-sweep-ms: " + interval), err.toString());
        }
    }
}
