package org.metrofabric.emulator.net;

import java.util.ArrayDeque;
import org.metrofabric.emulator.clock.ScheduledEvent;
import org.metrofabric.emulator.clock.Scheduler;

/**
 * The sending side of one link end: strict-priority queues feeding a transmitter that puts one
 * frame at a time on the wire at the link's rate. A frame waits while frames of its own or a
 * higher priority are ahead of it, so queueing delay comes out of the arithmetic, not a guess.
 * When the link goes down, the frame being serialised and those queued are dropped and counted, as
 * are frames offered while it is down.
 */
public final class EgressPort {
    private final Scheduler scheduler;
    private final Link link;
    private final Endpoint from;
    private final QueueConfig config;
    private final ArrayDeque<byte[]>[] queues;
    private final long[] queuedBytes;
    private final long[] enqueued;
    private final long[] tailDrops;
    private boolean transmitting;
    private ScheduledEvent transmissionEnd;
    private long transmittedFrames;
    private long transmittedBytes;
    private long linkDownDrops;

    @SuppressWarnings("unchecked")
    EgressPort(Scheduler scheduler, Link link, Endpoint from, QueueConfig config) {
        this.scheduler = scheduler;
        this.link = link;
        this.from = from;
        this.config = config;
        this.queues = new ArrayDeque[config.priorities()];
        for (int p = 0; p < queues.length; p++) {
            queues[p] = new ArrayDeque<>();
        }
        this.queuedBytes = new long[config.priorities()];
        this.enqueued = new long[config.priorities()];
        this.tailDrops = new long[config.priorities()];
    }

    public Endpoint endpoint() {
        return from;
    }

    public Link link() {
        return link;
    }

    public QueueConfig config() {
        return config;
    }

    /** Queues {@code frame} at {@code priority}; false if it was dropped (queue full or link down). */
    public boolean offer(byte[] frame, int priority) {
        if (priority < 0 || priority >= queues.length) {
            throw new IllegalArgumentException("priority " + priority + " is outside 0.." + (queues.length - 1)
                    + " on " + from);
        }
        if (!link.isUp()) {
            linkDownDrops++;
            return false;
        }
        if (queues[priority].size() >= config.capacityPackets()) {
            tailDrops[priority]++;
            return false;
        }
        queues[priority].add(frame);
        queuedBytes[priority] += frame.length;
        enqueued[priority]++;
        if (!transmitting) {
            transmitNext();
        }
        return true;
    }

    /** Frames waiting in the queue of {@code priority} (not counting the one being transmitted). */
    public int depth(int priority) {
        return queues[priority].size();
    }

    /**
     * How long a frame offered now at {@code priority} would wait before its own transmission
     * starts, if nothing of a higher priority arrived meanwhile: the rest of the frame on the wire
     * plus everything queued at its priority or above.
     */
    public long waitNanos(int priority) {
        long wait = transmitting ? transmissionEnd.timeNanos() - scheduler.now() : 0;
        for (int p = priority; p < queues.length; p++) {
            wait += link.spec().serializationNanos(queuedBytes[p]);
        }
        return wait;
    }

    public long enqueued(int priority) {
        return enqueued[priority];
    }

    /** Frames refused because the queue of {@code priority} was full. */
    public long tailDrops(int priority) {
        return tailDrops[priority];
    }

    public long tailDrops() {
        long sum = 0;
        for (long drops : tailDrops) {
            sum += drops;
        }
        return sum;
    }

    /** Frames offered while the link was down, plus those queued or being serialised when it went down. */
    public long linkDownDrops() {
        return linkDownDrops;
    }

    /** Frames fully serialised onto the link (they may still be lost on it). */
    public long transmittedFrames() {
        return transmittedFrames;
    }

    public long transmittedBytes() {
        return transmittedBytes;
    }

    /** The link went down: the frame being serialised and everything waiting are lost. */
    void flush() {
        if (transmitting) {
            transmissionEnd.cancel();
            transmitting = false;
            linkDownDrops++;
        }
        for (int p = 0; p < queues.length; p++) {
            linkDownDrops += queues[p].size();
            queues[p].clear();
            queuedBytes[p] = 0;
        }
    }

    private void transmitNext() {
        for (int p = queues.length - 1; p >= 0; p--) {
            byte[] frame = queues[p].poll();
            if (frame != null) {
                queuedBytes[p] -= frame.length;
                startTransmission(frame);
                return;
            }
        }
        transmitting = false;
    }

    private void startTransmission(byte[] frame) {
        transmitting = true;
        long duration = link.spec().serializationNanos(frame.length);
        transmissionEnd = scheduler.after(duration, () -> {
            transmittedFrames++;
            transmittedBytes += frame.length;
            link.propagate(this, frame);
            transmitNext();
        });
    }
}
