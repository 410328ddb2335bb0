package org.metrofabric.emulator.hosts;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * What a test flow's UDP payload starts with: a marker, the flow id, the sequence number and the
 * send time (virtual ns); the rest is zero padding up to the flow's payload size.
 */
public record FlowPayload(int flowId, long sequence, long sentAtNanos) {
    public static final int BYTES = 24;
    private static final int MARKER = 0x4D464C57; // "MFLW"

    public byte[] encode(int payloadBytes) {
        if (payloadBytes < BYTES) {
            throw new IllegalArgumentException("payloadBytes must be >= " + BYTES + ", got " + payloadBytes);
        }
        return ByteBuffer.allocate(payloadBytes).putInt(MARKER).putInt(flowId).putLong(sequence)
                .putLong(sentAtNanos).array();
    }

    /** The header of a test-flow payload; empty for any other UDP payload. */
    public static Optional<FlowPayload> decode(byte[] payload) {
        if (payload.length < BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        if (buffer.getInt() != MARKER) {
            return Optional.empty();
        }
        return Optional.of(new FlowPayload(buffer.getInt(), buffer.getLong(), buffer.getLong()));
    }
}
