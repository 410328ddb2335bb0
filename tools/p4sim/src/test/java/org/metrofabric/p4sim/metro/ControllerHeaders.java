package org.metrofabric.p4sim.metro;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import p4.config.v1.P4InfoOuterClass.ControllerPacketMetadata;
import p4.config.v1.P4InfoOuterClass.P4Info;

/**
 * packet_in / packet_out headers laid out from the P4Info's {@code controller_packet_metadata}, as the
 * P4Runtime server of BMv2 does: fields in P4Info order, packed MSB-first, the header padded to whole
 * bytes. Independent of p4sim's own codec so that a test can catch a layout error in either.
 */
final class ControllerHeaders {
    private ControllerHeaders() {
    }

    /** A frame the switch sent to the CPU port, split into its controller header fields and the rest. */
    record PacketIn(Map<String, Long> metadata, byte[] payload) {
        long get(String name) {
            Long value = metadata.get(name);
            if (value == null) {
                throw new AssertionError("packet_in has no field '" + name + "': " + metadata.keySet());
            }
            return value;
        }
    }

    static PacketIn decodePacketIn(P4Info p4info, byte[] frame) {
        List<ControllerPacketMetadata.Metadata> fields = header(p4info, "packet_in").getMetadataList();
        int length = byteLength(fields);
        if (frame.length < length) {
            throw new AssertionError("frame of " + frame.length + " bytes is shorter than packet_in (" + length + ")");
        }
        BigInteger bits = new BigInteger(1, Arrays.copyOf(frame, length));
        int position = length * 8;
        Map<String, Long> metadata = new LinkedHashMap<>();
        for (ControllerPacketMetadata.Metadata field : fields) {
            position -= field.getBitwidth();
            long value = bits.shiftRight(position).and(mask(field.getBitwidth())).longValueExact();
            metadata.put(field.getName(), value);
        }
        return new PacketIn(metadata, Arrays.copyOfRange(frame, length, frame.length));
    }

    /** The frame a controller injects on the CPU port: packet_out (missing fields 0) + {@code payload}. */
    static byte[] encodePacketOut(P4Info p4info, Map<String, Long> metadata, byte[] payload) {
        List<ControllerPacketMetadata.Metadata> fields = header(p4info, "packet_out").getMetadataList();
        for (String name : metadata.keySet()) {
            if (fields.stream().noneMatch(f -> f.getName().equals(name))) {
                throw new IllegalArgumentException("packet_out has no field '" + name + "'");
            }
        }
        int length = byteLength(fields);
        BigInteger bits = BigInteger.ZERO;
        int used = 0;
        for (ControllerPacketMetadata.Metadata field : fields) {
            BigInteger value = BigInteger.valueOf(metadata.getOrDefault(field.getName(), 0L));
            if (value.bitLength() > field.getBitwidth()) {
                throw new IllegalArgumentException(field.getName() + " does not fit " + field.getBitwidth() + " bits");
            }
            bits = bits.shiftLeft(field.getBitwidth()).or(value);
            used += field.getBitwidth();
        }
        bits = bits.shiftLeft(length * 8 - used);
        byte[] header = new byte[length];
        byte[] raw = bits.toByteArray();
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, header, length - copy, copy);
        byte[] frame = Arrays.copyOf(header, length + payload.length);
        System.arraycopy(payload, 0, frame, length, payload.length);
        return frame;
    }

    private static ControllerPacketMetadata header(P4Info p4info, String name) {
        return p4info.getControllerPacketMetadataList().stream()
                .filter(h -> h.getPreamble().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("P4Info has no controller header '" + name + "'"));
    }

    private static int byteLength(List<ControllerPacketMetadata.Metadata> fields) {
        int bits = fields.stream().mapToInt(ControllerPacketMetadata.Metadata::getBitwidth).sum();
        return (bits + 7) / 8;
    }

    private static BigInteger mask(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }
}
