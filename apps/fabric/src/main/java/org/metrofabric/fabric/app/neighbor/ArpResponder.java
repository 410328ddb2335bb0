package org.metrofabric.fabric.app.neighbor;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.metrofabric.fabric.api.DeviceRole;
import org.metrofabric.fabric.app.config.MetroDeviceConfig;
import org.onlab.packet.ARP;
import org.onlab.packet.Ethernet;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.IpPrefix;
import org.onlab.packet.MacAddress;
import org.onosproject.core.ApplicationId;
import org.onosproject.mastership.MastershipService;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.Host;
import org.onosproject.net.config.InvalidFieldException;
import org.onosproject.net.config.NetworkConfigService;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.host.HostService;
import org.onosproject.net.packet.DefaultOutboundPacket;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.packet.PacketContext;
import org.onosproject.net.packet.PacketPriority;
import org.onosproject.net.packet.PacketProcessor;
import org.onosproject.net.packet.PacketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proxy ARP for the hosts of the fabric's leaves. metro.p4 punts every ARP frame to the
 * controller; for a request that arrived on a leaf's host port (per its {@code metrofabric}
 * config) and asks for an address in one of that leaf's subnets, the master of the leaf sends the
 * reply back out of the ingress port: the leaf's router MAC for a subnet's gateway (its first host
 * address), else the MAC of the one known host with that address. Hosts on the same leaf thus
 * reach each other through the leaf, which routes them by their /32 host routes.
 *
 * <p>Replies, gratuitous ARP, requests from other ports and unknown targets are left alone.
 */
public final class ArpResponder implements PacketProcessor {
    /** Ahead of observers, behind nothing else this app registers. */
    static final int PROCESSOR_PRIORITY = PacketProcessor.director(1);
    static final TrafficSelector ARP_SELECTOR = DefaultTrafficSelector.builder()
            .matchEthType(Ethernet.TYPE_ARP).build();

    private final Logger log = LoggerFactory.getLogger(getClass());

    private final ApplicationId appId;
    private final PacketService packetService;
    private final NetworkConfigService configService;
    private final HostService hostService;
    private final MastershipService mastershipService;

    public ArpResponder(ApplicationId appId, PacketService packetService, NetworkConfigService configService,
                        HostService hostService, MastershipService mastershipService) {
        this.appId = appId;
        this.packetService = packetService;
        this.configService = configService;
        this.hostService = hostService;
        this.mastershipService = mastershipService;
    }

    /** Registers the processor and asks for ARP packet-ins. */
    public void start() {
        packetService.addProcessor(this, PROCESSOR_PRIORITY);
        packetService.requestPackets(ARP_SELECTOR, PacketPriority.CONTROL, appId);
    }

    public void stop() {
        packetService.cancelPackets(ARP_SELECTOR, PacketPriority.CONTROL, appId);
        packetService.removeProcessor(this);
    }

    @Override
    public void process(PacketContext context) {
        if (context.isHandled()) {
            return;
        }
        InboundPacket in = context.inPacket();
        Ethernet frame = in.parsed();
        if (frame == null || frame.getEtherType() != Ethernet.TYPE_ARP || !(frame.getPayload() instanceof ARP)) {
            return;
        }
        ConnectPoint ingress = in.receivedFrom();
        if (!mastershipService.isLocalMaster(ingress.deviceId())) {
            return;
        }
        ARP arp = (ARP) frame.getPayload();
        if (arp.getOpCode() != ARP.OP_REQUEST || arp.getProtocolType() != ARP.PROTO_TYPE_IP
                || arp.getProtocolAddressLength() != Ip4Address.BYTE_LENGTH) {
            log.debug("Not answering ARP from {}: not an IPv4 request ({})", ingress, arp);
            return;
        }
        Ip4Address target = Ip4Address.valueOf(arp.getTargetProtocolAddress());
        Optional<MacAddress> answer = answerFor(ingress, Ip4Address.valueOf(arp.getSenderProtocolAddress()), target);
        if (answer.isEmpty()) {
            return;
        }
        Ethernet reply = ARP.buildArpReply(target, answer.get(), frame);
        packetService.emit(new DefaultOutboundPacket(ingress.deviceId(),
                DefaultTrafficTreatment.builder().setOutput(ingress.port()).build(),
                ByteBuffer.wrap(reply.serialize())));
        context.block();
        log.debug("Answered ARP on {}: {} is at {}", ingress, target, answer.get());
    }

    /** The MAC to answer a request from {@code ingress} for {@code target}, if this app answers it. */
    private Optional<MacAddress> answerFor(ConnectPoint ingress, Ip4Address sender, Ip4Address target) {
        if (sender.equals(target)) {
            log.debug("Not answering gratuitous ARP for {} on {}", target, ingress);
            return Optional.empty();
        }
        MetroDeviceConfig config = configService.getConfig(ingress.deviceId(), MetroDeviceConfig.class);
        if (!isValidLeaf(config, ingress) || !config.hostPorts().contains(ingress.port())) {
            log.debug("Not answering ARP for {}: {} is not a leaf host port", target, ingress);
            return Optional.empty();
        }
        for (IpPrefix subnet : config.subnets()) {
            if (!subnet.contains(target)) {
                continue;
            }
            if (target.equals(gateway(subnet))) {
                return Optional.of(config.routerMac());
            }
            return hostMac(target, ingress);
        }
        log.debug("Not answering ARP for {} on {}: outside the leaf's subnets {}", target, ingress, config.subnets());
        return Optional.empty();
    }

    private boolean isValidLeaf(MetroDeviceConfig config, ConnectPoint ingress) {
        if (config == null) {
            return false;
        }
        try {
            return config.isValid() && config.role() == DeviceRole.LEAF;
        } catch (InvalidFieldException e) {
            log.debug("Not answering ARP on {}: its metrofabric config is invalid ({})", ingress, e.getMessage());
            return false;
        }
    }

    private Optional<MacAddress> hostMac(Ip4Address target, ConnectPoint ingress) {
        Set<MacAddress> macs = hostService.getHostsByIp(target).stream().map(Host::mac).collect(Collectors.toSet());
        if (macs.size() != 1) {
            log.debug("Not answering ARP for {} on {}: {} hosts known with that address", target, ingress,
                    macs.size());
            return Optional.empty();
        }
        return Optional.of(macs.iterator().next());
    }

    /** A subnet's gateway is its first host address, as the topology tools assign it. */
    static Ip4Address gateway(IpPrefix subnet) {
        return Ip4Address.valueOf(subnet.address().getIp4Address().toInt() + 1);
    }
}
