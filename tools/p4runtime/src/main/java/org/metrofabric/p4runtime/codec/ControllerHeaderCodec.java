package org.metrofabric.p4runtime.codec;

import com.google.protobuf.ByteString;
import p4.config.v1.P4InfoOuterClass.ControllerPacketMetadata;
import p4.v1.P4RuntimeOuterClass.PacketIn;
import p4.v1.P4RuntimeOuterClass.PacketMetadata;
import p4.v1.P4RuntimeOuterClass.PacketOut;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-plane side of packet I/O, as the PI server does it for BMv2: a packet-out becomes the
 * frame the pipeline sees on the CPU port (the packet_out header, then the payload), and a frame
 * the pipeline sends to the CPU port becomes a packet-in (the packet_in header stripped into
 * metadata). The header packs the metadata most significant bit first, in P4Info order, rounded
 * up to whole bytes; metadata a packet-out omits are zero (ONOS's basic pipeline omits padding).
 * A program without a controller header exchanges bare payloads.
 */
public final class ControllerHeaderCodec {

    private final P4InfoIndex p4Info;

    public ControllerHeaderCodec(P4InfoIndex p4Info) {
        this.p4Info = p4Info;
    }

    /** The frame to inject on the CPU port for {@code packet}. */
    public byte[] packetOutFrame(PacketOut packet) {
        if (!p4Info.hasControllerHeader(P4InfoIndex.PACKET_OUT)) {
            if (packet.getMetadataCount() != 0) {
                throw P4RuntimeException.invalidArgument("packet-out carries metadata but the P4Info has no "
                        + "'%s' controller header", P4InfoIndex.PACKET_OUT);
            }
            return packet.getPayload().toByteArray();
        }
        ControllerHeaderInfo header = p4Info.controllerHeader(P4InfoIndex.PACKET_OUT);
        Map<Integer, ByteString> given = new HashMap<>();
        for (PacketMetadata metadata : packet.getMetadataList()) {
            ControllerPacketMetadata.Metadata model = header.metadata(metadata.getMetadataId());
            String what = "controller header '" + header.name() + "' metadata '" + model.getName() + "'";
            ByteString value = ByteStrings.canonical(metadata.getValue(), model.getBitwidth(), what);
            if (given.put(model.getId(), value) != null) {
                throw P4RuntimeException.invalidArgument("%s is given twice", what);
            }
        }
        BigInteger bits = BigInteger.ZERO;
        for (ControllerPacketMetadata.Metadata model : header.metadata()) {
            BigInteger value = new BigInteger(1, given.getOrDefault(model.getId(), ByteString.EMPTY).toByteArray());
            bits = bits.shiftLeft(model.getBitwidth()).or(value);
        }
        int headerBits = totalBits(header.metadata());
        int headerBytes = ByteStrings.byteWidth(headerBits);
        bits = bits.shiftLeft(headerBytes * 8 - headerBits);
        byte[] frame = new byte[headerBytes + packet.getPayload().size()];
        byte[] packed = bits.toByteArray();
        int copy = Math.min(packed.length, headerBytes);
        System.arraycopy(packed, packed.length - copy, frame, headerBytes - copy, copy);
        packet.getPayload().copyTo(frame, headerBytes);
        return frame;
    }

    /**
     * The packet-in for a frame the pipeline sent to the CPU port; INVALID_ARGUMENT if the frame is
     * shorter than the header.
     */
    public PacketIn packetIn(byte[] frame) {
        if (!p4Info.hasControllerHeader(P4InfoIndex.PACKET_IN)) {
            return PacketIn.newBuilder().setPayload(ByteString.copyFrom(frame)).build();
        }
        ControllerHeaderInfo header = p4Info.controllerHeader(P4InfoIndex.PACKET_IN);
        int headerBits = totalBits(header.metadata());
        int headerBytes = ByteStrings.byteWidth(headerBits);
        if (frame.length < headerBytes) {
            throw P4RuntimeException.invalidArgument("a %d-byte frame to the CPU port is shorter than the "
                    + "%d-byte '%s' header", frame.length, headerBytes, header.name());
        }
        byte[] headerField = new byte[headerBytes];
        System.arraycopy(frame, 0, headerField, 0, headerBytes);
        BigInteger bits = new BigInteger(1, headerField).shiftRight(headerBytes * 8 - headerBits);
        PacketIn.Builder out = PacketIn.newBuilder()
                .setPayload(ByteString.copyFrom(frame, headerBytes, frame.length - headerBytes));
        int remaining = headerBits;
        for (ControllerPacketMetadata.Metadata model : header.metadata()) {
            remaining -= model.getBitwidth();
            BigInteger value = bits.shiftRight(remaining)
                    .and(BigInteger.ONE.shiftLeft(model.getBitwidth()).subtract(BigInteger.ONE));
            byte[] raw = value.toByteArray();
            out.addMetadata(PacketMetadata.newBuilder()
                    .setMetadataId(model.getId())
                    .setValue(ByteStrings.canonical(raw, model.getBitwidth(),
                            "controller header '" + header.name() + "' metadata '" + model.getName() + "'")));
        }
        return out.build();
    }

    private static int totalBits(List<ControllerPacketMetadata.Metadata> metadata) {
        return metadata.stream().mapToInt(ControllerPacketMetadata.Metadata::getBitwidth).sum();
    }
}
