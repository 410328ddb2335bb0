package org.metrofabric.emulator.hosts;

/**
 * A test flow a host sends: {@code packets} UDP datagrams of {@code payloadBytes} (≥ 24, for the
 * flow header) to {@code dstIp:dstPort}, timed by {@code pattern} from {@code startNanos}, with
 * the given DSCP. A {@code packets} of 0 means "until stopped".
 */
public record UdpFlow(int flowId, int dstIp, int srcPort, int dstPort, int payloadBytes, int dscp,
                      TrafficPattern pattern, long startNanos, long packets) {
    public UdpFlow {
        if (srcPort < 0 || srcPort > 0xffff) {
            throw new IllegalArgumentException("srcPort must be 0..65535, got " + srcPort);
        }
        if (dstPort < 0 || dstPort > 0xffff) {
            throw new IllegalArgumentException("dstPort must be 0..65535, got " + dstPort);
        }
        if (payloadBytes < FlowPayload.BYTES || payloadBytes > 1472) {
            throw new IllegalArgumentException("payloadBytes must be " + FlowPayload.BYTES
                    + "..1472 (one unfragmented 1500-byte IPv4 packet), got " + payloadBytes);
        }
        if (dscp < 0 || dscp > 63) {
            throw new IllegalArgumentException("dscp must be 0..63, got " + dscp);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("pattern must not be null");
        }
        if (startNanos < 0) {
            throw new IllegalArgumentException("startNanos must be >= 0, got " + startNanos);
        }
        if (packets < 0) {
            throw new IllegalArgumentException("packets must be >= 0 (0 = until stopped), got " + packets);
        }
    }

    /** A best-effort constant-rate flow of {@code packets} packets. */
    public static UdpFlow constantRate(int flowId, int dstIp, int payloadBytes, long packetsPerSecond,
                                       long startNanos, long packets) {
        return new UdpFlow(flowId, dstIp, 10_000 + (flowId & 0x7fff), 5_001, payloadBytes, 0,
                new TrafficPattern.ConstantRate(packetsPerSecond), startNanos, packets);
    }
}
