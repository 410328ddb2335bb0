package org.metrofabric.emulator.hosts;

import org.metrofabric.emulator.clock.ScheduledEvent;
import org.metrofabric.emulator.clock.Scheduler;
import org.metrofabric.emulator.packet.Ipv4;
import org.metrofabric.emulator.packet.Udp;

/** Sends one {@link UdpFlow} from a host, one scheduled event per packet. */
public final class UdpSender {
    /** Sequence numbers are kept in an int-indexed set by the receiver. */
    static final long MAX_PACKETS = Integer.MAX_VALUE + 1L;

    private final Host host;
    private final Scheduler scheduler;
    private final UdpFlow flow;
    private long sent;
    private ScheduledEvent next;
    private boolean stopped;

    UdpSender(Host host, Scheduler scheduler, UdpFlow flow) {
        this.host = host;
        this.scheduler = scheduler;
        this.flow = flow;
    }

    void start() {
        scheduleNext();
    }

    public UdpFlow flow() {
        return flow;
    }

    /** Packets handed to the host's stack (some may wait for ARP or be dropped by the host's NIC queue). */
    public long sent() {
        return sent;
    }

    /** Whether no more packets will be sent. */
    public boolean isFinished() {
        return stopped || sent == limit();
    }

    /** Sends no further packets. */
    public void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
        }
    }

    private long limit() {
        return flow.packets() == 0 ? MAX_PACKETS : flow.packets();
    }

    private void scheduleNext() {
        if (isFinished()) {
            return;
        }
        long at = Math.max(scheduler.now(), flow.startNanos() + flow.pattern().offsetNanos(sent));
        next = scheduler.at(at, this::sendOne);
    }

    private void sendOne() {
        byte[] payload = new FlowPayload(flow.flowId(), sent, scheduler.now()).encode(flow.payloadBytes());
        byte[] datagram = new Udp(flow.srcPort(), flow.dstPort(), payload).encode();
        host.sendIpv4(flow.dstIp(), Ipv4.PROTO_UDP, flow.dscp(), datagram);
        sent++;
        scheduleNext();
    }
}
