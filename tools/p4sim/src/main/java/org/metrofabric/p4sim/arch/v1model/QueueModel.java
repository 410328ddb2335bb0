package org.metrofabric.p4sim.arch.v1model;

/**
 * Supplies the queueing metadata of a packet entering egress (the emulator models real queues;
 * the default is an always-empty queue: no delay, depth 0).
 */
public interface QueueModel {
    /** Queue state for a packet enqueued on {@code port} with {@code priority} at {@code nowMicros}. */
    QueueInfo enqueue(int port, int priority, long nowMicros);

    record QueueInfo(long enqTimestampMicros, long enqDepth, long deqTimedeltaMicros, long deqDepth) { }

    QueueModel EMPTY = (port, priority, now) -> new QueueInfo(now, 0, 0, 0);
}
