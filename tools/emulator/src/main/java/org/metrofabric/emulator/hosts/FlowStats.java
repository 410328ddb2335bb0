package org.metrofabric.emulator.hosts;

import java.util.BitSet;

/**
 * What a receiver saw of one flow: packets, duplicates, packets that arrived after a later
 * sequence number (reordered), and one-way latency (receive time minus the send time carried in
 * the payload; both on the one virtual clock, so exact).
 */
public final class FlowStats {
    private final int flowId;
    private final BitSet seen = new BitSet();
    private final LatencySamples latency = new LatencySamples();
    private long received;
    private long duplicates;
    private long reordered;
    private long highestSequence = -1;
    private long firstArrivalNanos = -1;
    private long lastArrivalNanos = -1;
    private long longestGapNanos;
    private long longestGapEndNanos = -1;
    private int minTtl = -1;
    private int maxTtl = -1;

    public FlowStats(int flowId) {
        this.flowId = flowId;
    }

    void record(FlowPayload header, long arrivalNanos) {
        record(header, arrivalNanos, -1);
    }

    /** Records an arrival with the IPv4 TTL it arrived with (-1 when unknown), so routers crossed can be counted. */
    void record(FlowPayload header, long arrivalNanos, int ttl) {
        if (header.sequence() < 0 || header.sequence() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("flow " + flowId + ": sequence " + header.sequence()
                    + " is outside 0.." + Integer.MAX_VALUE);
        }
        int sequence = (int) header.sequence();
        if (ttl >= 0) {
            minTtl = minTtl < 0 ? ttl : Math.min(minTtl, ttl);
            maxTtl = Math.max(maxTtl, ttl);
        }
        if (seen.get(sequence)) {
            duplicates++;
            return;
        }
        seen.set(sequence);
        received++;
        if (sequence < highestSequence) {
            reordered++;
        }
        highestSequence = Math.max(highestSequence, sequence);
        latency.add(arrivalNanos - header.sentAtNanos());
        if (firstArrivalNanos < 0) {
            firstArrivalNanos = arrivalNanos;
        } else if (arrivalNanos - lastArrivalNanos > longestGapNanos) {
            longestGapNanos = arrivalNanos - lastArrivalNanos;
            longestGapEndNanos = arrivalNanos;
        }
        lastArrivalNanos = arrivalNanos;
    }

    public int flowId() {
        return flowId;
    }

    /** Distinct packets received. */
    public long received() {
        return received;
    }

    /** Copies of a sequence number already received. */
    public long duplicates() {
        return duplicates;
    }

    /** Packets that arrived after one with a higher sequence number. */
    public long reordered() {
        return reordered;
    }

    /** Packets lost, given how many the sender sent. */
    public long lost(long sent) {
        return sent - received;
    }

    /** Sequence numbers below the highest one received that never arrived (loss visible without the sender). */
    public long gaps() {
        return highestSequence + 1 - received;
    }

    public long highestSequence() {
        return highestSequence;
    }

    /** Whether {@code sequence} has been received. */
    public boolean hasReceived(long sequence) {
        return sequence >= 0 && sequence <= Integer.MAX_VALUE && seen.get((int) sequence);
    }

    public long firstArrivalNanos() {
        return firstArrivalNanos;
    }

    public long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    /**
     * The longest time between two consecutive arrivals: for a steady flow cut by a failure, how
     * long the receiver went without traffic (0 with fewer than two arrivals).
     */
    public long longestGapNanos() {
        return longestGapNanos;
    }

    /** When the longest gap ended (the first arrival after it), or -1. */
    public long longestGapEndNanos() {
        return longestGapEndNanos;
    }

    /** The lowest IPv4 TTL any packet (duplicates too) arrived with, or -1: the longest path taken is the sent TTL minus this. */
    public int minTtl() {
        return minTtl;
    }

    /** The highest IPv4 TTL any packet arrived with, or -1: the shortest path taken. */
    public int maxTtl() {
        return maxTtl;
    }

    public LatencySamples latency() {
        return latency;
    }
}
