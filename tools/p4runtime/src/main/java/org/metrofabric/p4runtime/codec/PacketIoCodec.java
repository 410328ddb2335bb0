package org.metrofabric.p4runtime.codec;

import com.google.protobuf.ByteString;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiPacketMetadataId;
import org.onosproject.net.pi.model.PiPacketOperationType;
import org.onosproject.net.pi.runtime.PiPacketMetadata;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import p4.config.v1.P4InfoOuterClass.ControllerPacketMetadata;
import p4.v1.P4RuntimeOuterClass.PacketIn;
import p4.v1.P4RuntimeOuterClass.PacketMetadata;
import p4.v1.P4RuntimeOuterClass.PacketOut;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Packet-out and packet-in between PI and P4Runtime: metadata names from the P4Info controller
 * headers "packet_out" and "packet_in". Metadata the P4Info lists may be omitted (the PI server
 * fills them with zeros); unknown or repeated metadata are INVALID_ARGUMENT.
 */
final class PacketIoCodec {

    private final P4InfoIndex p4Info;

    PacketIoCodec(P4InfoIndex p4Info) {
        this.p4Info = p4Info;
    }

    PacketOut encodePacketOut(PiPacketOperation operation) {
        checkType(operation, PiPacketOperationType.PACKET_OUT);
        return PacketOut.newBuilder()
                .setPayload(ByteString.copyFrom(operation.data().asArray()))
                .addAllMetadata(encodeMetadata(operation, P4InfoIndex.PACKET_OUT))
                .build();
    }

    PiPacketOperation decodePacketOut(PacketOut packet) {
        return decode(PiPacketOperationType.PACKET_OUT, P4InfoIndex.PACKET_OUT, packet.getMetadataList(),
                packet.getPayload());
    }

    PacketIn encodePacketIn(PiPacketOperation operation) {
        checkType(operation, PiPacketOperationType.PACKET_IN);
        return PacketIn.newBuilder()
                .setPayload(ByteString.copyFrom(operation.data().asArray()))
                .addAllMetadata(encodeMetadata(operation, P4InfoIndex.PACKET_IN))
                .build();
    }

    PiPacketOperation decodePacketIn(PacketIn packet) {
        return decode(PiPacketOperationType.PACKET_IN, P4InfoIndex.PACKET_IN, packet.getMetadataList(),
                packet.getPayload());
    }

    private List<PacketMetadata> encodeMetadata(PiPacketOperation operation, String headerName) {
        ControllerHeaderInfo header = p4Info.controllerHeader(headerName);
        List<PacketMetadata> out = new ArrayList<>();
        for (PiPacketMetadata metadata : operation.metadatas()) {
            ControllerPacketMetadata.Metadata model = header.metadata(metadata.id().id());
            out.add(PacketMetadata.newBuilder()
                    .setMetadataId(model.getId())
                    .setValue(ByteStrings.canonical(metadata.value().asArray(), model.getBitwidth(),
                            describe(header, model)))
                    .build());
        }
        out.sort((a, b) -> Integer.compare(a.getMetadataId(), b.getMetadataId()));
        return out;
    }

    private PiPacketOperation decode(PiPacketOperationType type, String headerName, List<PacketMetadata> metadata,
                                     ByteString payload) {
        ControllerHeaderInfo header = p4Info.controllerHeader(headerName);
        PiPacketOperation.Builder out = PiPacketOperation.builder().withType(type);
        Set<Integer> seen = new HashSet<>();
        for (PacketMetadata given : metadata) {
            ControllerPacketMetadata.Metadata model = header.metadata(given.getMetadataId());
            String what = describe(header, model);
            if (!seen.add(given.getMetadataId())) {
                throw P4RuntimeException.invalidArgument("%s is given twice", what);
            }
            out.withMetadata(PiPacketMetadata.builder()
                    .withId(PiPacketMetadataId.of(model.getName()))
                    .withValue(ImmutableByteSequence.copyFrom(
                            ByteStrings.padded(given.getValue(), model.getBitwidth(), what)))
                    .build());
        }
        if (payload.isEmpty()) {
            throw P4RuntimeException.invalidArgument("%s: the payload is empty", headerName);
        }
        return out.withData(ImmutableByteSequence.copyFrom(payload.toByteArray())).build();
    }

    private static void checkType(PiPacketOperation operation, PiPacketOperationType expected) {
        if (operation.type() != expected) {
            throw P4RuntimeException.invalidArgument("expected a %s packet operation, got %s", expected,
                    operation.type());
        }
    }

    private static String describe(ControllerHeaderInfo header, ControllerPacketMetadata.Metadata model) {
        return "controller header '" + header.name() + "' metadata '" + model.getName() + "'";
    }
}
