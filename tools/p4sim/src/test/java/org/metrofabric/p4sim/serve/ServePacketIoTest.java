package org.metrofabric.p4sim.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.p4sim.serve.RoutingEntities.bytes;

import com.google.protobuf.ByteString;
import io.grpc.Status.Code;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import org.metrofabric.p4sim.arch.v1model.OutputPacket;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4RuntimeOuterClass.PacketIn;
import p4.v1.P4RuntimeOuterClass.PacketMetadata;
import p4.v1.P4RuntimeOuterClass.PacketOut;
import p4.v1.P4RuntimeOuterClass.StreamMessageRequest;
import p4.v1.P4RuntimeOuterClass.StreamMessageResponse;

/** Packet-in and packet-out over the stream on metro.p4 (CPU port 255). */
class ServePacketIoTest {
    private static final long DEVICE = 3;
    private static final P4Info METRO = ServeHarness.parseP4Info(ServeHarness.METRO_P4INFO);
    private static final P4InfoIndex INDEX = P4InfoIndex.of(METRO);

    private final ServeHarness harness = new ServeHarness();

    @AfterEach
    void stop() throws InterruptedException {
        harness.close();
    }

    private static int metadataId(String header, String name) {
        return INDEX.controllerHeader(header).metadata().stream().filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow().getId();
    }

    static byte[] arpRequest() {
        byte[] frame = new byte[42];
        for (int i = 0; i < 6; i++) {
            frame[i] = (byte) 0xff;
        }
        frame[11] = 1;
        frame[12] = 0x08;
        frame[13] = 0x06;
        byte[] arp = {0, 1, 8, 0, 6, 4, 0, 1, 0, 0, 0, 0, 0, 1, 10, 0, 0, 1, 0, 0, 0, 0, 0, 0, 10, 0, 0, 2};
        System.arraycopy(arp, 0, frame, 14, arp.length);
        return frame;
    }

    @Test
    void arpIsPuntedToThePrimaryWithItsIngressPort() throws Exception {
        P4SimTarget target = harness.addDevice(DEVICE, ServeHarness.METRO_P4);
        harness.start();
        P4RuntimeTestClient primary = harness.primaryWithPipeline(DEVICE, METRO);
        P4RuntimeTestClient.Stream backup = harness.client().openStream().arbitrate(DEVICE, 2);
        backup.expectArbitration(Code.ALREADY_EXISTS, 10);
        P4RuntimeTestClient.Stream primaryStream = primary.firstStream();

        target.receive(3, arpRequest());
        StreamMessageResponse message = primaryStream.next();
        assertTrue(message.hasPacket(), message.toString());
        PacketIn packetIn = message.getPacket();
        assertEquals(ByteString.copyFrom(arpRequest()), packetIn.getPayload());
        assertEquals(List.of(
                PacketMetadata.newBuilder().setMetadataId(metadataId("packet_in", "ingress_port")).setValue(bytes(3))
                        .build(),
                PacketMetadata.newBuilder().setMetadataId(metadataId("packet_in", "_pad")).setValue(bytes(0)).build()),
                packetIn.getMetadataList());
        assertFalse(backup.poll(200).isPresent(), "backups get no packet-in");
    }

    @Test
    void packetOutLeavesOnTheRequestedPortAndBackupsAreIgnored() throws Exception {
        P4SimTarget target = harness.addDevice(DEVICE, ServeHarness.METRO_P4);
        List<OutputPacket> sent = new CopyOnWriteArrayList<>();
        target.setFrameSink(sent::add);
        harness.start();
        P4RuntimeTestClient primary = harness.primaryWithPipeline(DEVICE, METRO);
        P4RuntimeTestClient.Stream stream = primary.firstStream();
        byte[] payload = arpRequest();
        PacketOut out = PacketOut.newBuilder().setPayload(ByteString.copyFrom(payload))
                .addMetadata(PacketMetadata.newBuilder().setMetadataId(metadataId("packet_out", "egress_port"))
                        .setValue(bytes(0, 2)))
                .build();
        P4RuntimeTestClient.Stream backup = harness.client().openStream().arbitrate(DEVICE, 1);
        backup.expectArbitration(Code.ALREADY_EXISTS, 10);
        backup.send(StreamMessageRequest.newBuilder().setPacket(out.toBuilder()
                .setMetadata(0, out.getMetadata(0).toBuilder().setValue(bytes(4)))).build());
        stream.send(StreamMessageRequest.newBuilder().setPacket(out).build());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sent.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(100);
        assertEquals(List.of(new OutputPacket(2, payload)), sent);
    }

    @Test
    void malformedPacketOutIsAnsweredWithAStreamError() {
        harness.addDevice(DEVICE, ServeHarness.METRO_P4);
        harness.start();
        P4RuntimeTestClient primary = harness.primaryWithPipeline(DEVICE, METRO);
        P4RuntimeTestClient.Stream stream = primary.firstStream();
        PacketOut tooWide = PacketOut.newBuilder().setPayload(ByteString.copyFrom(arpRequest()))
                .addMetadata(PacketMetadata.newBuilder().setMetadataId(metadataId("packet_out", "egress_port"))
                        .setValue(bytes(0x02, 0x00)))
                .build();
        stream.send(StreamMessageRequest.newBuilder().setPacket(tooWide).build());
        StreamMessageResponse error = stream.next();
        assertTrue(error.hasError(), error.toString());
        assertEquals(Code.INVALID_ARGUMENT.value(), error.getError().getCanonicalCode());
        assertEquals(tooWide, error.getError().getPacketOut().getPacketOut());
    }
}
