package org.metrofabric.emulator.hosts;

/**
 * One flow as sender and receiver saw it, with latencies in ns (0 when nothing arrived): what a
 * scenario report prints and checks expectations against.
 */
public record FlowReport(int flowId, long sent, long received, long lost, long duplicates, long reordered,
                         long minLatencyNanos, double meanLatencyNanos, long p99LatencyNanos, long maxLatencyNanos,
                         long longestGapNanos) {

    public static FlowReport of(UdpSender sender, FlowStats received) {
        if (sender.flow().flowId() != received.flowId()) {
            throw new IllegalArgumentException("sender of flow " + sender.flow().flowId()
                    + " paired with receiver stats of flow " + received.flowId());
        }
        LatencySamples latency = received.latency();
        boolean any = latency.count() > 0;
        return new FlowReport(received.flowId(), sender.sent(), received.received(), received.lost(sender.sent()),
                received.duplicates(), received.reordered(), any ? latency.min() : 0, any ? latency.mean() : 0,
                any ? latency.p99() : 0, any ? latency.max() : 0, received.longestGapNanos());
    }

    /** Lost packets as a fraction of those sent (0 if none were sent). */
    public double lossRatio() {
        return sent == 0 ? 0 : (double) lost / sent;
    }
}
