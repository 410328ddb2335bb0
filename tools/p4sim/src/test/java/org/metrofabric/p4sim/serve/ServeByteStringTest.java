package org.metrofabric.p4sim.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.metrofabric.p4sim.serve.MetroEntities.ECMP;
import static org.metrofabric.p4sim.serve.MetroEntities.P4INFO;
import static org.metrofabric.p4sim.serve.MetroEntities.PINNING;
import static org.metrofabric.p4sim.serve.MetroEntities.ROUTING;
import static org.metrofabric.p4sim.serve.MetroEntities.insert;
import static org.metrofabric.p4sim.serve.RoutingEntities.bytes;

import com.google.protobuf.ByteString;
import io.grpc.Status.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4sim.arch.v1model.OutputPacket;
import p4.v1.P4RuntimeOuterClass.Action;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.PacketIn;
import p4.v1.P4RuntimeOuterClass.PacketMetadata;
import p4.v1.P4RuntimeOuterClass.PacketOut;
import p4.v1.P4RuntimeOuterClass.StreamMessageRequest;
import p4.v1.P4RuntimeOuterClass.StreamMessageResponse;
import p4.v1.P4RuntimeOuterClass.TableEntry;

/**
 * Canonical byte strings over the wire for every bitwidth in metro.p4's P4Info (match fields, action
 * parameters, controller metadata): values go in padded to whole bytes, as ONOS 2.7 sends them, and
 * must come back in the shortest form. The test fails if the P4Info gains a width it does not cover.
 */
class ServeByteStringTest {
    private static final long DEVICE = 1;

    private final ServeHarness harness = new ServeHarness();
    private final TreeSet<Integer> covered = new TreeSet<>();

    @AfterEach
    void stop() throws InterruptedException {
        harness.close();
    }

    private void expect(int width, ByteString canonical, ByteString actual, String what) {
        assertEquals(canonical, actual, what + " (" + width + " bits)");
        covered.add(width);
    }

    private static TreeSet<Integer> everyWidth() {
        TreeSet<Integer> widths = new TreeSet<>();
        P4INFO.getTablesList().forEach(t -> t.getMatchFieldsList().forEach(f -> widths.add(f.getBitwidth())));
        P4INFO.getActionsList().forEach(a -> a.getParamsList().forEach(p -> widths.add(p.getBitwidth())));
        P4INFO.getControllerPacketMetadataList()
                .forEach(h -> h.getMetadataList().forEach(m -> widths.add(m.getBitwidth())));
        return widths;
    }

    private static List<ByteString> params(TableEntry entry) {
        return entry.getAction().getAction().getParamsList().stream().map(Action.Param::getValue).toList();
    }

    private TableEntry readBack(P4RuntimeTestClient client, TableEntry key) {
        List<Entity> found = client.read(DEVICE, Entity.newBuilder().setTableEntry(TableEntry.newBuilder()
                .setTableId(key.getTableId()).addAllMatch(key.getMatchList()).setPriority(key.getPriority())).build());
        assertEquals(1, found.size(), found.toString());
        return found.get(0).getTableEntry();
    }

    @Test
    void everyWidthComesBackCanonical() throws Exception {
        P4SimTarget target = harness.addDevice(DEVICE, ServeHarness.METRO_P4);
        List<OutputPacket> sent = new CopyOnWriteArrayList<>();
        target.setFrameSink(sent::add);
        harness.start();
        P4RuntimeTestClient client = harness.primaryWithPipeline(DEVICE, P4INFO);

        TableEntry nextHop = MetroEntities.route(bytes(0, 0, 1, 0), 24, MetroEntities.setNextHop(
                bytes(0x01, 0xff), bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff), bytes(0, 0, 0, 0, 0, 7)));
        TableEntry drop = MetroEntities.route(bytes(0x0a, 0, 0, 0), 8,
                MetroEntities.action("IngressPipe.drop", bytes(0, 0xff)));
        TableEntry uplinks = MetroEntities.route(bytes(0, 0, 0, 0), 1,
                MetroEntities.action("IngressPipe.route_via_uplinks", bytes(0, 1)));
        TableEntry pin = MetroEntities.pin(bytes(0, 0, 0, 5), bytes(0, 0, 0, 0xff), bytes(0, 0x3f), 10,
                MetroEntities.setNextHop(3));
        List<Code> codes = client.writeCodes(DEVICE, 10, insert(nextHop), insert(drop), insert(uplinks), insert(pin),
                insert(MetroEntities.member(1, MetroEntities.setNextHop(4))), insert(MetroEntities.group(1, 1)),
                insert(MetroEntities.ecmpEntry(bytes(0, 2), 1)));
        assertEquals(List.of(Code.OK, Code.OK, Code.OK, Code.OK, Code.OK, Code.OK, Code.OK), codes);

        TableEntry read = readBack(client, nextHop.toBuilder().setMatch(0,
                MetroEntities.lpm(MetroEntities.field(ROUTING, "hdr.ipv4.dst_addr"), bytes(1, 0), 24)).build());
        expect(32, bytes(1, 0), read.getMatch(0).getLpm().getValue(), "routing_v4 dst_addr");
        expect(9, bytes(0x01, 0xff), params(read).get(0), "set_next_hop port");
        expect(48, bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff), params(read).get(1), "set_next_hop src_mac");
        expect(48, bytes(7), params(read).get(2), "set_next_hop dst_mac");
        expect(8, bytes(0xff), params(readBack(client, drop)).get(0), "drop reason");
        TableEntry uplinksRead = readBack(client, uplinks.toBuilder().setMatch(0,
                MetroEntities.lpm(MetroEntities.field(ROUTING, "hdr.ipv4.dst_addr"), bytes(0), 1)).build());
        expect(16, bytes(1), params(uplinksRead).get(0), "route_via_uplinks ecmp_group_id");

        TableEntry pinRead = client.read(DEVICE, Entity.newBuilder().setTableEntry(TableEntry.newBuilder()
                .setTableId(PINNING.id())).build()).get(0).getTableEntry();
        expect(32, bytes(5), pinRead.getMatch(0).getTernary().getValue(), "path_pinning src_addr value");
        expect(32, bytes(0xff), pinRead.getMatch(0).getTernary().getMask(), "path_pinning src_addr mask");
        expect(6, bytes(0x3f), pinRead.getMatch(1).getOptional().getValue(), "path_pinning dscp");

        TableEntry ecmpRead = client.read(DEVICE, Entity.newBuilder().setTableEntry(TableEntry.newBuilder()
                .setTableId(ECMP.id())).build()).get(0).getTableEntry();
        expect(16, bytes(2), ecmpRead.getMatch(0).getExact().getValue(), "ecmp ecmp_group_id");

        P4RuntimeTestClient.Stream stream = client.firstStream();
        target.receive(300, ServePacketIoTest.arpRequest());
        StreamMessageResponse message = stream.next();
        PacketIn packetIn = message.getPacket();
        expect(9, bytes(0x01, 0x2c), packetIn.getMetadata(0).getValue(), "packet_in ingress_port");
        expect(7, bytes(0), packetIn.getMetadata(1).getValue(), "packet_in _pad");

        List<PacketMetadata> metadata = new ArrayList<>();
        P4INFO.getControllerPacketMetadataList().stream().filter(h -> h.getPreamble().getName().equals("packet_out"))
                .findFirst().orElseThrow().getMetadataList().forEach(m -> metadata.add(PacketMetadata.newBuilder()
                        .setMetadataId(m.getId())
                        .setValue(m.getName().equals("egress_port") ? bytes(0, 3) : bytes(0, 0))
                        .build()));
        stream.send(StreamMessageRequest.newBuilder().setPacket(PacketOut.newBuilder()
                .setPayload(ByteString.copyFrom(ServePacketIoTest.arpRequest())).addAllMetadata(metadata)).build());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sent.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(List.of(new OutputPacket(3, ServePacketIoTest.arpRequest())), sent,
                "padded packet_out egress_port and _pad accepted");

        assertEquals(everyWidth(), covered, "every bitwidth of metro's P4Info is exercised");
    }
}
