package org.metrofabric.emulator.onos;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.onosproject.cluster.NodeId;
import org.onosproject.core.ApplicationId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.packet.DefaultOutboundPacket;
import org.onosproject.net.packet.DefaultPacketContext;
import org.onosproject.net.packet.DefaultPacketRequest;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.packet.OutboundPacket;
import org.onosproject.net.packet.PacketPriority;
import org.onosproject.net.packet.PacketProcessor;
import org.onosproject.net.packet.PacketProcessorEntry;
import org.onosproject.net.packet.PacketRequest;
import org.onosproject.net.packet.PacketServiceAdapter;
import org.onosproject.net.pi.model.PiPipelineInterpreter;
import org.onosproject.net.pi.runtime.PiPacketOperation;

/**
 * The PacketService of one controller instance. Packet-ins of the devices this instance masters
 * are decoded by the pipeconf's interpreter and offered to every processor in ascending priority
 * order (advisors, directors, observers), as ONOS does; {@link #emit} encodes with the interpreter
 * and sends packet-outs through the device's {@link PiDeviceClient}. Packet requests are recorded:
 * metro.p4 punts ARP and LLDP with fixed entries, so they need no flow rule.
 */
public final class EmbeddedPacketService extends PacketServiceAdapter {
    private record Processor(PacketProcessor processor, int priority) implements PacketProcessorEntry {
        @Override
        public long invocations() {
            return 0;
        }

        @Override
        public long totalNanos() {
            return 0;
        }

        @Override
        public long averageNanos() {
            return 0;
        }
    }

    private final NodeId local;
    private final Map<DeviceId, PiDeviceClient> clients;
    private final PiPipelineInterpreter interpreter;
    private final LongSupplier clockNanos;
    private final List<Processor> processors = new CopyOnWriteArrayList<>();
    private final List<PacketRequest> requests = new CopyOnWriteArrayList<>();

    EmbeddedPacketService(NodeId local, Map<DeviceId, PiDeviceClient> clients, PiPipelineInterpreter interpreter,
                          LongSupplier clockNanos) {
        this.local = local;
        this.clients = clients;
        this.interpreter = interpreter;
        this.clockNanos = clockNanos;
    }

    @Override
    public void addProcessor(PacketProcessor processor, int priority) {
        processors.add(new Processor(processor, priority));
        List<Processor> sorted = new ArrayList<>(processors);
        sorted.sort(Comparator.comparingInt(Processor::priority));
        processors.clear();
        processors.addAll(sorted);
    }

    @Override
    public void removeProcessor(PacketProcessor processor) {
        processors.removeIf(p -> p.processor() == processor);
    }

    @Override
    public List<PacketProcessorEntry> getProcessors() {
        return List.copyOf(processors);
    }

    @Override
    public void requestPackets(TrafficSelector selector, PacketPriority priority, ApplicationId appId) {
        requestPackets(selector, priority, appId, Optional.empty());
    }

    @Override
    public void requestPackets(TrafficSelector selector, PacketPriority priority, ApplicationId appId,
                               Optional<DeviceId> deviceId) {
        requests.add(new DefaultPacketRequest(selector, priority, appId, local, deviceId));
    }

    @Override
    public void cancelPackets(TrafficSelector selector, PacketPriority priority, ApplicationId appId) {
        cancelPackets(selector, priority, appId, Optional.empty());
    }

    @Override
    public void cancelPackets(TrafficSelector selector, PacketPriority priority, ApplicationId appId,
                              Optional<DeviceId> deviceId) {
        requests.remove(new DefaultPacketRequest(selector, priority, appId, local, deviceId));
    }

    @Override
    public List<PacketRequest> getRequests() {
        return List.copyOf(requests);
    }

    @Override
    public void emit(OutboundPacket packet) {
        PiDeviceClient client = clients.get(packet.sendThrough());
        if (client == null) {
            throw new IllegalArgumentException("cannot emit through unknown device " + packet.sendThrough());
        }
        Iterable<PiPacketOperation> operations;
        try {
            operations = interpreter.mapOutboundPacket(packet);
        } catch (PiPipelineInterpreter.PiInterpreterException e) {
            throw new IllegalArgumentException("cannot emit " + packet + ": " + e.getMessage(), e);
        }
        operations.forEach(client::packetOut);
    }

    /** A packet-in from {@code deviceId} (mastered here): decode it and run the processors. */
    void packetIn(DeviceId deviceId, PiPacketOperation operation) {
        InboundPacket inbound;
        try {
            inbound = interpreter.mapInboundPacket(operation, deviceId);
        } catch (PiPipelineInterpreter.PiInterpreterException e) {
            throw new IllegalStateException("undecodable packet-in from " + deviceId + ": " + e.getMessage(), e);
        }
        OutboundPacket reply = new DefaultOutboundPacket(deviceId, DefaultTrafficTreatment.emptyTreatment(),
                inbound.unparsed(), inbound.receivedFrom().port());
        Context context = new Context(clockNanos.getAsLong() / 1_000_000, inbound, reply);
        for (Processor processor : processors) {
            processor.processor().process(context);
        }
    }

    /** A packet context whose {@code send()} emits the packet with the treatment built on it. */
    private final class Context extends DefaultPacketContext {
        Context(long timeMillis, InboundPacket inbound, OutboundPacket outbound) {
            super(timeMillis, inbound, outbound, false);
        }

        @Override
        public void send() {
            if (!block()) {
                ByteBuffer data = outPacket().data().duplicate();
                emit(new DefaultOutboundPacket(outPacket().sendThrough(), treatmentBuilder().build(), data,
                        outPacket().inPort()));
            }
        }
    }
}
