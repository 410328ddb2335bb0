package org.metrofabric.p4runtime.codec;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import p4.v1.P4RuntimeOuterClass.PacketIn;
import p4.v1.P4RuntimeOuterClass.PacketMetadata;
import p4.v1.P4RuntimeOuterClass.PacketOut;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ControllerHeaderCodecTest {

    private static final ControllerHeaderCodec PACKETIO = new ControllerHeaderCodec(P4Infos.index("packetio"));
    private static final ByteString PAYLOAD = ByteString.copyFrom(new byte[] {(byte) 0xde, (byte) 0xad});

    private static PacketMetadata metadata(int id, int... value) {
        byte[] bytes = new byte[value.length];
        for (int i = 0; i < value.length; i++) {
            bytes[i] = (byte) value[i];
        }
        return PacketMetadata.newBuilder().setMetadataId(id).setValue(ByteString.copyFrom(bytes)).build();
    }

    @Test
    void packetOutHeaderIsPackedMostSignificantBitFirst() {
        // egress_port (9 bits) = 0x103, _pad (7 bits) = 0x05: 1000 0001 | 1000 0101
        byte[] frame = PACKETIO.packetOutFrame(PacketOut.newBuilder().setPayload(PAYLOAD)
                .addMetadata(metadata(1, 0x01, 0x03)).addMetadata(metadata(2, 0x05)).build());
        assertArrayEquals(new byte[] {(byte) 0x81, (byte) 0x85, (byte) 0xde, (byte) 0xad}, frame);
    }

    @Test
    void omittedMetadataAreZero() {
        byte[] frame = PACKETIO.packetOutFrame(PacketOut.newBuilder().setPayload(PAYLOAD)
                .addMetadata(metadata(1, 0x00, 0x03)).build());
        assertArrayEquals(new byte[] {0x01, (byte) 0x80, (byte) 0xde, (byte) 0xad}, frame);
    }

    @Test
    void packetInHeaderIsStrippedIntoCanonicalMetadata() {
        PacketIn in = PACKETIO.packetIn(new byte[] {(byte) 0x81, (byte) 0x85, (byte) 0xde, (byte) 0xad});
        assertEquals(PAYLOAD, in.getPayload());
        assertEquals(metadata(1, 0x01, 0x03), in.getMetadata(0));
        assertEquals(metadata(2, 0x05), in.getMetadata(1));
        PacketIn zeros = PACKETIO.packetIn(new byte[] {0, 0});
        assertEquals(metadata(1, 0), zeros.getMetadata(0));
        assertEquals(ByteString.EMPTY, zeros.getPayload());
    }

    @Test
    void badInputIsRejected() {
        P4RuntimeException overflow = assertThrows(P4RuntimeException.class, () -> PACKETIO.packetOutFrame(
                PacketOut.newBuilder().setPayload(PAYLOAD).addMetadata(metadata(2, 0x80)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, overflow.code());
        assertThrows(P4RuntimeException.class, () -> PACKETIO.packetOutFrame(PacketOut.newBuilder()
                .addMetadata(metadata(1, 1)).addMetadata(metadata(1, 2)).build()));
        assertThrows(P4RuntimeException.class, () -> PACKETIO.packetIn(new byte[] {1}));
        ControllerHeaderCodec noHeaders = new ControllerHeaderCodec(P4Infos.index("routing"));
        assertThrows(P4RuntimeException.class, () -> noHeaders.packetOutFrame(PacketOut.newBuilder()
                .addMetadata(metadata(1, 1)).build()));
        assertArrayEquals(PAYLOAD.toByteArray(), noHeaders.packetOutFrame(PacketOut.newBuilder()
                .setPayload(PAYLOAD).build()));
        assertEquals(PAYLOAD, noHeaders.packetIn(PAYLOAD.toByteArray()).getPayload());
    }
}
