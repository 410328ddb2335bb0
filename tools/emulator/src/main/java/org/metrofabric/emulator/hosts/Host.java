package org.metrofabric.emulator.hosts;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.metrofabric.emulator.clock.Scheduler;
import org.metrofabric.emulator.clock.SimTime;
import org.metrofabric.emulator.net.Node;
import org.metrofabric.emulator.packet.Arp;
import org.metrofabric.emulator.packet.Ethernet;
import org.metrofabric.emulator.packet.IcmpEcho;
import org.metrofabric.emulator.packet.Ipv4;
import org.metrofabric.emulator.packet.Udp;

/**
 * An end host with one NIC ({@link #NIC_PORT}): an IPv4 address in a subnet, a MAC and a
 * default gateway. Like a Linux host it resolves the next hop (the destination inside its
 * subnet, else the gateway) by ARP, holding packets until the reply comes; it answers ARP for its
 * address and ICMP echo requests; it pings, sends test UDP flows and records what it receives.
 */
public final class Host extends Node {
    public static final int NIC_PORT = 0;
    /** Packets held per unresolved next hop; more are dropped (Linux holds a similar few). */
    public static final int ARP_HOLD_PACKETS = 64;
    /** A next hop still unresolved this long after a request gets a new request. */
    public static final long ARP_RETRY_NANOS = SimTime.seconds(1);
    /** The TTL this host's packets leave with; each router on the way takes one off. */
    public static final int DEFAULT_TTL = 64;

    private final int ip;
    private final int prefixLength;
    private final long mac;
    private final int gatewayIp;
    private final Map<Integer, Long> arpCache = new HashMap<>();
    private final Map<Integer, ArrayDeque<byte[]>> awaitingArp = new HashMap<>();
    private final Map<Integer, Long> lastArpRequestNanos = new HashMap<>();
    private final Map<Integer, FlowStats> flows = new TreeMap<>();
    private final Map<Integer, PingSession> pings = new HashMap<>();
    private int nextIdentification;
    private int nextPingIdentifier = 1;
    private long unresolvedDrops;
    private long arpRequestsSent;
    private long malformedFrames;

    public Host(String name, Scheduler scheduler, int ip, int prefixLength, long mac, int gatewayIp) {
        super(name, scheduler);
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("host " + name + ": prefixLength must be 0..32, got " + prefixLength);
        }
        if ((mac >>> 48) != 0 || (mac >>> 40 & 1) == 1) {
            throw new IllegalArgumentException("host " + name + ": mac must be a 48-bit unicast address");
        }
        this.ip = ip;
        this.prefixLength = prefixLength;
        this.mac = mac;
        this.gatewayIp = gatewayIp;
        if (!inSubnet(gatewayIp)) {
            throw new IllegalArgumentException("host " + name + ": gateway " + Ipv4.text(gatewayIp)
                    + " is outside " + Ipv4.text(ip) + "/" + prefixLength);
        }
    }

    public int ip() {
        return ip;
    }

    public long mac() {
        return mac;
    }

    public int gatewayIp() {
        return gatewayIp;
    }

    /** Adds a static ARP entry (as the Mininet launcher does for the gateway). */
    public void setArpEntry(int address, long macAddress) {
        arpCache.put(address, macAddress);
        flushAwaiting(address);
    }

    public Optional<Long> arpEntry(int address) {
        return Optional.ofNullable(arpCache.get(address));
    }

    /** Starts pinging {@code dstIp} now. */
    public PingSession ping(int dstIp, int count, long intervalNanos) {
        PingSession session = new PingSession(this, scheduler, nextPingIdentifier++ & 0xffff, dstIp, count, intervalNanos);
        pings.put(session.identifier(), session);
        session.start();
        return session;
    }

    /** Schedules {@code flow}'s packets. */
    public UdpSender send(UdpFlow flow) {
        UdpSender sender = new UdpSender(this, scheduler, flow);
        sender.start();
        return sender;
    }

    /** What this host has received of flow {@code flowId} (empty stats, not kept, if nothing yet). */
    public FlowStats flowStats(int flowId) {
        FlowStats stats = flows.get(flowId);
        return stats != null ? stats : new FlowStats(flowId);
    }

    /** Stats of the flows this host has received packets of, by flow id. */
    public Map<Integer, FlowStats> flows() {
        return Collections.unmodifiableMap(flows);
    }

    /** Packets dropped because their next hop's ARP hold queue was full. */
    public long unresolvedDrops() {
        return unresolvedDrops;
    }

    public long arpRequestsSent() {
        return arpRequestsSent;
    }

    /** Frames for this host that could not be understood (bad checksum, truncated). */
    public long malformedFrames() {
        return malformedFrames;
    }

    /** Sends an IPv4 packet; resolves the next hop first if needed. */
    public void sendIpv4(int dstIp, int protocol, int dscp, byte[] l4) {
        byte[] packet = new Ipv4(dscp, DEFAULT_TTL, protocol, ip, dstIp, nextIdentification++ & 0xffff, l4).encode();
        int nextHop = inSubnet(dstIp) ? dstIp : gatewayIp;
        Long nextHopMac = arpCache.get(nextHop);
        if (nextHopMac != null) {
            transmit(NIC_PORT, Ethernet.frame(nextHopMac, mac, Ethernet.TYPE_IPV4, packet), 0);
            return;
        }
        ArrayDeque<byte[]> held = awaitingArp.computeIfAbsent(nextHop, k -> new ArrayDeque<>());
        if (held.size() >= ARP_HOLD_PACKETS) {
            unresolvedDrops++;
        } else {
            held.add(packet);
        }
        Long last = lastArpRequestNanos.get(nextHop);
        if (last == null || scheduler.now() - last >= ARP_RETRY_NANOS) {
            lastArpRequestNanos.put(nextHop, scheduler.now());
            arpRequestsSent++;
            transmit(NIC_PORT, Ethernet.frame(Ethernet.BROADCAST, mac, Ethernet.TYPE_ARP,
                    Arp.request(mac, ip, nextHop).encode()), 0);
        }
    }

    @Override
    public void receive(int port, byte[] frame) {
        if (!Ethernet.hasHeader(frame)) {
            malformedFrames++;
            return;
        }
        long dst = Ethernet.dst(frame);
        if (dst != mac && dst != Ethernet.BROADCAST) {
            return;
        }
        switch (Ethernet.etherType(frame)) {
            case Ethernet.TYPE_ARP -> Arp.decode(frame).ifPresentOrElse(this::handleArp, () -> malformedFrames++);
            case Ethernet.TYPE_IPV4 -> Ipv4.decode(frame).ifPresentOrElse(this::handleIpv4, () -> malformedFrames++);
            default -> { }
        }
    }

    private void handleArp(Arp arp) {
        if (arp.targetIp() != ip) {
            return;
        }
        setArpEntry(arp.senderIp(), arp.senderMac());
        if (arp.opcode() == Arp.REQUEST) {
            byte[] reply = new Arp(Arp.REPLY, mac, ip, arp.senderMac(), arp.senderIp()).encode();
            transmit(NIC_PORT, Ethernet.frame(arp.senderMac(), mac, Ethernet.TYPE_ARP, reply), 0);
        }
    }

    private void handleIpv4(Ipv4 packet) {
        if (packet.dst() != ip) {
            return;
        }
        if (packet.protocol() == Ipv4.PROTO_ICMP) {
            IcmpEcho.decode(packet.payload()).ifPresentOrElse(echo -> handleEcho(packet, echo), () -> malformedFrames++);
        } else if (packet.protocol() == Ipv4.PROTO_UDP) {
            Udp.decode(packet.payload()).ifPresentOrElse(udp -> FlowPayload.decode(udp.payload())
                    .ifPresent(header -> flows.computeIfAbsent(header.flowId(), FlowStats::new)
                            .record(header, scheduler.now(), packet.ttl())),
                    () -> malformedFrames++);
        }
    }

    private void handleEcho(Ipv4 packet, IcmpEcho echo) {
        if (echo.type() == IcmpEcho.ECHO_REQUEST) {
            sendIpv4(packet.src(), Ipv4.PROTO_ICMP, packet.dscp(),
                    new IcmpEcho(IcmpEcho.ECHO_REPLY, echo.identifier(), echo.sequence(), echo.data()).encode());
        } else {
            PingSession session = pings.get(echo.identifier());
            if (session != null) {
                session.replyReceived(echo, scheduler.now());
            }
        }
    }

    private void flushAwaiting(int address) {
        ArrayDeque<byte[]> held = awaitingArp.remove(address);
        lastArpRequestNanos.remove(address);
        if (held == null) {
            return;
        }
        long nextHopMac = arpCache.get(address);
        for (byte[] packet : held) {
            transmit(NIC_PORT, Ethernet.frame(nextHopMac, mac, Ethernet.TYPE_IPV4, packet), 0);
        }
    }

    private boolean inSubnet(int address) {
        int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        return (address & mask) == (ip & mask);
    }
}
