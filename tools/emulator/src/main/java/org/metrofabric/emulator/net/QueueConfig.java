package org.metrofabric.emulator.net;

/**
 * Egress queues of one port, as BMv2 simple_switch has them: {@code priorities} strict-priority
 * queues (v1model {@code standard_metadata.priority}, highest number served first; BMv2's
 * {@code --priority-queues}, default 1), each holding at most {@code capacityPackets} (BMv2
 * default 64); a frame that finds its queue full is tail-dropped.
 */
public record QueueConfig(int priorities, int capacityPackets) {
    /** BMv2's defaults: one queue of 64 packets. */
    public static final QueueConfig BMV2_DEFAULT = new QueueConfig(1, 64);

    public QueueConfig {
        if (priorities < 1 || priorities > 8) {
            throw new IllegalArgumentException("priorities must be 1..8 (v1model), got " + priorities);
        }
        if (capacityPackets < 1) {
            throw new IllegalArgumentException("capacityPackets must be >= 1, got " + capacityPackets);
        }
    }
}
