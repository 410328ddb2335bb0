package org.metrofabric.emulator.hosts;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.metrofabric.emulator.clock.Scheduler;
import org.metrofabric.emulator.packet.IcmpEcho;
import org.metrofabric.emulator.packet.Ipv4;

/**
 * {@code count} ICMP echo requests to one address, {@code intervalNanos} apart, like ping: the
 * request carries its send time, and each matching reply yields a round-trip time.
 */
public final class PingSession {
    /** Echo data: the 8-byte send time plus padding, 56 bytes like ping's default. */
    private static final int DATA_BYTES = 56;

    private final Host host;
    private final Scheduler scheduler;
    private final int identifier;
    private final int dstIp;
    private final int count;
    private final long intervalNanos;
    private final List<Long> rttNanos = new ArrayList<>();
    private int sent;

    PingSession(Host host, Scheduler scheduler, int identifier, int dstIp, int count, long intervalNanos) {
        if (count < 1 || count > 0xffff) {
            throw new IllegalArgumentException("ping count must be 1..65535, got " + count);
        }
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("ping interval must be > 0 ns, got " + intervalNanos);
        }
        this.host = host;
        this.scheduler = scheduler;
        this.identifier = identifier;
        this.dstIp = dstIp;
        this.count = count;
        this.intervalNanos = intervalNanos;
    }

    void start() {
        for (int i = 0; i < count; i++) {
            int sequence = i;
            scheduler.after(i * intervalNanos, () -> sendRequest(sequence));
        }
    }

    int identifier() {
        return identifier;
    }

    public int sent() {
        return sent;
    }

    public int received() {
        return rttNanos.size();
    }

    /** Round-trip times of the replies, in arrival order. */
    public List<Long> rttNanos() {
        return Collections.unmodifiableList(rttNanos);
    }

    private void sendRequest(int sequence) {
        byte[] data = ByteBuffer.allocate(DATA_BYTES).putLong(scheduler.now()).array();
        host.sendIpv4(dstIp, Ipv4.PROTO_ICMP, 0, new IcmpEcho(IcmpEcho.ECHO_REQUEST, identifier, sequence, data).encode());
        sent++;
    }

    void replyReceived(IcmpEcho reply, long nowNanos) {
        if (reply.data().length >= Long.BYTES) {
            rttNanos.add(nowNanos - ByteBuffer.wrap(reply.data()).getLong());
        }
    }
}
