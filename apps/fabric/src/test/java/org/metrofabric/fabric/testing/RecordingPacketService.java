package org.metrofabric.fabric.testing;

import java.util.ArrayList;
import java.util.List;
import org.onosproject.core.ApplicationId;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.packet.OutboundPacket;
import org.onosproject.net.packet.PacketContext;
import org.onosproject.net.packet.PacketPriority;
import org.onosproject.net.packet.PacketProcessor;
import org.onosproject.net.packet.PacketServiceAdapter;

/** A PacketService that keeps the processors, the requested selectors and the emitted packets. */
public final class RecordingPacketService extends PacketServiceAdapter {
    public final List<PacketProcessor> processors = new ArrayList<>();
    public final List<TrafficSelector> requested = new ArrayList<>();
    public final List<OutboundPacket> emitted = new ArrayList<>();

    @Override
    public void addProcessor(PacketProcessor processor, int priority) {
        processors.add(processor);
    }

    @Override
    public void removeProcessor(PacketProcessor processor) {
        processors.remove(processor);
    }

    @Override
    public void requestPackets(TrafficSelector selector, PacketPriority priority, ApplicationId appId) {
        requested.add(selector);
    }

    @Override
    public void cancelPackets(TrafficSelector selector, PacketPriority priority, ApplicationId appId) {
        requested.remove(selector);
    }

    @Override
    public void emit(OutboundPacket packet) {
        emitted.add(packet);
    }

    /** Offers a packet-in to every processor, as the packet manager does. */
    public void deliver(PacketContext context) {
        List.copyOf(processors).forEach(p -> p.process(context));
    }
}
