package org.metrofabric.emulator.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.clock.RealTimeLoop;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.fabric.MetroEntries;
import org.metrofabric.emulator.fabric.MetroPipeline;
import org.metrofabric.emulator.hosts.FlowReport;
import org.metrofabric.emulator.onos.P4RuntimeDeviceClient;
import org.metrofabric.emulator.onos.P4RuntimeFabric;
import org.metrofabric.emulator.onos.PiUpdate;
import org.metrofabric.emulator.onos.PiWriteException;
import org.metrofabric.emulator.scenario.OnosControl;
import org.metrofabric.fabric.api.PathIntentParser;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import org.metrofabric.p4runtime.codec.P4RuntimeCodec;
import org.metrofabric.topology.load.TopologyLoader;
import org.metrofabric.topology.model.Switch;
import org.onosproject.net.DeviceId;
import p4.v1.P4RuntimeGrpc;
import p4.v1.P4RuntimeOuterClass.ReadRequest;
import p4.v1.P4RuntimeOuterClass.ReadResponse;

/**
 * {@code emulator serve --control onos}: the embedded ONOS apps program the served fabric in real time
 * as one P4Runtime client of each switch, beside controllers on TCP.
 */
class EmbeddedControlTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous: a loaded 2-core machine runs the loop, the apps and gRPC at once. */
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Fabric fabric;
    private final P4RuntimeFabricServer server;
    private final RealTimeLoop loop;
    private final OnosControl control;
    private final HostTraffic traffic;
    private final List<ManagedChannel> outside = new ArrayList<>();

    EmbeddedControlTest() throws Exception {
        fabric = Fabric.builder(TopologyLoader.load(ServeFixture.TOPOLOGY), MetroPipeline.load()).build();
        server = P4RuntimeFabricServer.start(fabric, "127.0.0.1", sw -> 0);
        loop = RealTimeLoop.start(fabric.scheduler(), "embedded-control-test-loop");
        control = OnosControl.start(fabric, server.embeddedClients());
        traffic = new HostTraffic(fabric, EmulatorLoop.posting(fabric.scheduler(), 30));
    }

    @AfterEach
    void stop() {
        control.close();
        outside.forEach(ManagedChannel::shutdownNow);
        server.close();
        loop.close();
        assertNull(loop.failure());
    }

    @Test
    void theAppsProgramTheServedSwitchesAndAFlowAcrossLeavesIsDelivered() {
        waitFor("leaf2 routes from the apps", () -> routesReadOverTcp("leaf2") > 0);

        traffic.startFlow(new FlowRequest("f1", "h1a", "h2a", 200L, null, null, 100L, null, null));
        waitFor("the flow's 100 packets to be sent", () -> !traffic.flow("f1").running());
        waitFor("at least 95 of them to land", () -> traffic.flow("f1").report().received() >= 95);

        FlowReport report = traffic.flow("f1").report();
        assertEquals(100, report.sent());
        assertTrue(report.received() >= 95 && report.duplicates() == 0, report.toString());
    }

    @Test
    void aControllerWithAHigherElectionIdTakesOverAndTheEmbeddedWritesAreRefused() {
        waitFor("leaf1 routes from the apps", () -> routesReadOverTcp("leaf1") > 0);
        P4RuntimeDeviceClient primary = outsideClient("leaf1", P4RuntimeFabric.ELECTION_ID + 10);
        assertTrue(primary.isPrimary());

        PiWriteException refused = assertThrows(PiWriteException.class,
                () -> control.submit(PathIntentParser.parseCommand("metro-path-add p1 h1a h3a --latency-us 500")));

        assertEquals("PERMISSION_DENIED", refused.code(), refused.getMessage());
        TrafficException viaConsole = assertThrows(TrafficException.class,
                () -> new PathIntents(control).add("p2 h1b h3a"));
        assertEquals(TrafficException.Kind.UNAVAILABLE, viaConsole.kind());
        assertTrue(viaConsole.getMessage().contains("PERMISSION_DENIED"), viaConsole.getMessage());
        primary.write(List.of(PiUpdate.insert(MetroEntries.route(0x0a090000, 16,
                MetroEntries.setNextHop(1, 0x00bb00000001L, 0x00000a01010aL)))));
        assertEquals(1, primary.readTable(MetroEntries.ROUTING_V4).size());
        control.settle();
        assertNull(loop.failure());
    }

    @Test
    void theConsoleAddsListsAndRemovesPathIntents() {
        StringWriter text = new StringWriter();
        FabricConsole console = new FabricConsole(traffic, new PathIntents(control), new PrintWriter(text, true));
        Function<String, String> execute = line -> {
            text.getBuffer().setLength(0);
            console.execute(line);
            return text.toString();
        };

        assertTrue(execute.apply("help").contains("intent add NAME FROM TO [--latency-us N] [--bandwidth-mbps N]"));
        assertEquals("no intents; add one with 'intent add'\n", execute.apply("intents"));
        assertTrue(execute.apply("intent add p1 h1a h3a --bandwidth-mbps 10").startsWith("added p1: INSTALLED via "),
                text.toString());
        assertTrue(execute.apply("intents").startsWith("p1: INSTALLED via "), text.toString());
        assertEquals("error: name: an intent named p1 already exists\n", execute.apply("intent add p1 h1a h4a"));
        assertTrue(execute.apply("intent add p2 h1a").startsWith("error: to: missing"), text.toString());
        assertTrue(execute.apply("intent add p2 h1a h3a --bandwidth-mbps 99999999").startsWith(
                "error: bandwidth-mbps: "), text.toString());
        assertTrue(execute.apply("intent remove p1").startsWith("removed p1: INSTALLED via "), text.toString());
        assertEquals("error: name: no intent p1\n", execute.apply("intent remove p1"));
        assertEquals("no intents; add one with 'intent add'\n", execute.apply("intents"));
    }

    @Test
    void theRestApiAddsListsAndRemovesPathIntents() throws Exception {
        try (HostTrafficRestServer rest = HostTrafficRestServer.bind(traffic, "127.0.0.1", 0)
                .serve(new PathIntents(control))) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + rest.port() + "/intents";

            HttpResponse<String> added = send(http, "POST", base,
                    "{\"name\": \"p1\", \"from\": \"h1a\", \"to\": \"h3a\", \"bandwidth-mbps\": 10}");
            assertEquals(201, added.statusCode(), added.body());
            assertEquals("/intents/p1", added.headers().firstValue("Location").orElse(""));
            assertEquals("INSTALLED", JSON.readTree(added.body()).get("state").asText());
            JsonNode listed = JSON.readTree(send(http, "GET", base, null).body());
            assertEquals(1, listed.size());
            assertEquals("p1", listed.get(0).get("name").asText());

            HttpResponse<String> missingTo = send(http, "POST", base, "{\"name\": \"p2\", \"from\": \"h1a\"}");
            assertEquals(400, missingTo.statusCode());
            assertEquals("to: missing", JSON.readTree(missingTo.body()).get("error").asText());
            assertEquals(409, send(http, "POST", base, "{\"name\": \"p1\", \"from\": \"h1a\", \"to\": \"h4a\"}")
                    .statusCode());

            assertEquals(200, send(http, "DELETE", base + "/p1", null).statusCode());
            assertEquals(404, send(http, "GET", base + "/p1", null).statusCode());
            assertEquals(0, JSON.readTree(send(http, "GET", base, null).body()).size());
        }
    }

    private static HttpResponse<String> send(HttpClient http, String method, String uri, String body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Reads switch {@code name}'s routes over TCP without arbitrating, as a backup controller may. */
    private int routesReadOverTcp(String name) {
        ReadRequest request = ReadRequest.newBuilder().setDeviceId(named(name).deviceId())
                .addEntities(P4RuntimeCodec.of(P4InfoIndex.of(fabric.pipeline().p4info()))
                        .encodeTableRead(MetroEntries.ROUTING_V4)).build();
        int entities = 0;
        for (Iterator<ReadResponse> responses = P4RuntimeGrpc.newBlockingStub(channelTo(name)).read(request);
             responses.hasNext(); ) {
            entities += responses.next().getEntitiesCount();
        }
        return entities;
    }

    /** A TCP client that arbitrates with {@code electionId} and commits the pipeline, as a controller taking over. */
    private P4RuntimeDeviceClient outsideClient(String name, long electionId) {
        Switch sw = named(name);
        return P4RuntimeDeviceClient.connect(DeviceId.deviceId(sw.onosDeviceId()), sw.deviceId(), channelTo(name),
                fabric.pipeline().p4info(), electionId);
    }

    private ManagedChannel channelTo(String name) {
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(name),
                InsecureChannelCredentials.create()).build();
        outside.add(channel);
        return channel;
    }

    private Switch named(String name) {
        return fabric.topology().switches().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static void waitFor(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
