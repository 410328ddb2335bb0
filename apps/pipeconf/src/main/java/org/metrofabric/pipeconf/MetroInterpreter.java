package org.metrofabric.pipeconf;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import org.onlab.packet.DeserializationException;
import org.onlab.packet.Ethernet;
import org.onlab.packet.MacAddress;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.Port;
import org.onosproject.net.PortNumber;
import org.onosproject.net.device.DeviceService;
import org.onosproject.net.driver.AbstractHandlerBehaviour;
import org.onosproject.net.flow.TrafficTreatment;
import org.onosproject.net.flow.criteria.Criterion;
import org.onosproject.net.flow.instructions.Instruction;
import org.onosproject.net.flow.instructions.Instructions.OutputInstruction;
import org.onosproject.net.flow.instructions.L2ModificationInstruction;
import org.onosproject.net.flow.instructions.L2ModificationInstruction.ModEtherInstruction;
import org.onosproject.net.packet.DefaultInboundPacket;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.packet.OutboundPacket;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiPacketOperationType;
import org.onosproject.net.pi.model.PiPipelineInterpreter;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiPacketMetadata;
import org.onosproject.net.pi.runtime.PiPacketOperation;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.metrofabric.pipeconf.MetroConstants.CPU_PORT;
import static org.metrofabric.pipeconf.MetroConstants.DROP;
import static org.metrofabric.pipeconf.MetroConstants.DROP_BY_ROUTE;
import static org.metrofabric.pipeconf.MetroConstants.DST_MAC;
import static org.metrofabric.pipeconf.MetroConstants.ECMP;
import static org.metrofabric.pipeconf.MetroConstants.EGRESS_PORT;
import static org.metrofabric.pipeconf.MetroConstants.HDR_IPV4_DSCP;
import static org.metrofabric.pipeconf.MetroConstants.HDR_IPV4_DST_ADDR;
import static org.metrofabric.pipeconf.MetroConstants.HDR_IPV4_SRC_ADDR;
import static org.metrofabric.pipeconf.MetroConstants.INGRESS_PORT;
import static org.metrofabric.pipeconf.MetroConstants.META_ETHER_TYPE;
import static org.metrofabric.pipeconf.MetroConstants.PAD;
import static org.metrofabric.pipeconf.MetroConstants.PAD_BITWIDTH;
import static org.metrofabric.pipeconf.MetroConstants.PATH_PINNING;
import static org.metrofabric.pipeconf.MetroConstants.PORT;
import static org.metrofabric.pipeconf.MetroConstants.PORT_BITWIDTH;
import static org.metrofabric.pipeconf.MetroConstants.PUNT;
import static org.metrofabric.pipeconf.MetroConstants.PUNT_TO_CPU;
import static org.metrofabric.pipeconf.MetroConstants.REASON;
import static org.metrofabric.pipeconf.MetroConstants.ROUTING_V4;
import static org.metrofabric.pipeconf.MetroConstants.SET_NEXT_HOP;
import static org.metrofabric.pipeconf.MetroConstants.SRC_MAC;

/**
 * Translates between ONOS's protocol-independent packet and flow vocabulary and metro.p4:
 * packet-in/packet-out through the controller headers on CPU port 255, and the few plain
 * criteria and treatments that have a meaning in the pipeline. The MetroFabric apps write
 * PiCriterion/PiAction directly and do not go through {@link #mapTreatment}.
 */
public class MetroInterpreter extends AbstractHandlerBehaviour implements PiPipelineInterpreter {

    /** Criteria with a match field in some metro.p4 table (punt, routing_v4, path_pinning). */
    private static final Map<Criterion.Type, PiMatchFieldId> CRITERIA = ImmutableMap.of(
            Criterion.Type.ETH_TYPE, META_ETHER_TYPE,
            Criterion.Type.IPV4_SRC, HDR_IPV4_SRC_ADDR,
            Criterion.Type.IPV4_DST, HDR_IPV4_DST_ADDR,
            Criterion.Type.IP_DSCP, HDR_IPV4_DSCP);

    /** Tables whose entries forward with set_next_hop. */
    private static final List<PiTableId> NEXT_HOP_TABLES = ImmutableList.of(ROUTING_V4, PATH_PINNING, ECMP);

    @Override
    public Optional<PiMatchFieldId> mapCriterionType(Criterion.Type type) {
        return Optional.ofNullable(CRITERIA.get(type));
    }

    /** No metro.p4 table stands for an ONOS numbered flow table: rules name their PiTableId. */
    @Override
    public Optional<PiTableId> mapFlowRuleTableId(int flowRuleTableId) {
        return Optional.empty();
    }

    @Override
    public Optional<Integer> mapLogicalPortNumber(PortNumber port) {
        return port.equals(PortNumber.CONTROLLER) ? Optional.of((int) CPU_PORT) : Optional.empty();
    }

    @Override
    public PiAction mapTreatment(TrafficTreatment treatment, PiTableId tableId) throws PiInterpreterException {
        ForwardingTreatment forwarding = ForwardingTreatment.of(treatment);
        if (tableId.equals(PUNT)) {
            if (forwarding.isPunt()) {
                return PiAction.builder().withId(PUNT_TO_CPU).build();
            }
            throw new PiInterpreterException("table " + PUNT + " only punts (OUTPUT:CONTROLLER), not " + treatment);
        }
        if (!NEXT_HOP_TABLES.contains(tableId)) {
            throw new PiInterpreterException("no treatment mapping for table " + tableId);
        }
        if (forwarding.isDrop() && tableId.equals(ROUTING_V4)) {
            // A route without instructions is a blackhole, counted under its own drop reason.
            return PiAction.builder().withId(DROP)
                    .withParameter(new PiActionParam(REASON, DROP_BY_ROUTE))
                    .build();
        }
        if (forwarding.isNextHop()) {
            if (forwarding.output.toLong() >= 1L << PORT_BITWIDTH) {
                throw new PiInterpreterException("port " + forwarding.output + " does not fit the "
                                                         + PORT_BITWIDTH + "-bit port of " + SET_NEXT_HOP);
            }
            return PiAction.builder().withId(SET_NEXT_HOP)
                    .withParameter(new PiActionParam(PORT, forwarding.output.toLong()))
                    .withParameter(new PiActionParam(SRC_MAC, forwarding.ethSrc.toBytes()))
                    .withParameter(new PiActionParam(DST_MAC, forwarding.ethDst.toBytes()))
                    .build();
        }
        throw new PiInterpreterException("table " + tableId + " needs OUTPUT to a port with ETH_SRC and ETH_DST"
                                                 + (tableId.equals(ROUTING_V4) ? " (or no instruction to drop)" : "")
                                                 + ", not " + treatment);
    }

    @Override
    public Collection<PiPacketOperation> mapOutboundPacket(OutboundPacket packet) throws PiInterpreterException {
        ImmutableByteSequence frame = ImmutableByteSequence.copyFrom(packet.data().duplicate());
        ImmutableList.Builder<PiPacketOperation> operations = ImmutableList.builder();
        boolean hasOutput = false;
        for (Instruction instruction : packet.treatment().allInstructions()) {
            if (instruction.type() == Instruction.Type.NOACTION) {
                continue;
            }
            if (instruction.type() != Instruction.Type.OUTPUT) {
                throw new PiInterpreterException("a packet-out can only be sent to ports (OUTPUT), not " + instruction);
            }
            hasOutput = true;
            PortNumber port = ((OutputInstruction) instruction).port();
            for (PortNumber egress : egressPorts(port, packet)) {
                operations.add(packetOut(frame, egress));
            }
        }
        if (!hasOutput) {
            throw new PiInterpreterException("packet-out to " + packet.sendThrough() + " has no port to go to: "
                                                     + packet.treatment());
        }
        // A FLOOD on a device without other enabled ports legitimately sends nothing.
        return operations.build();
    }

    /** The physical ports an OUTPUT instruction of a packet-out stands for. */
    private List<PortNumber> egressPorts(PortNumber port, OutboundPacket packet) throws PiInterpreterException {
        if (port.equals(PortNumber.FLOOD) || port.equals(PortNumber.ALL)) {
            // metro.p4 has no flood group for packet-outs: send one copy per enabled front-panel port.
            ImmutableList.Builder<PortNumber> ports = ImmutableList.builder();
            for (Port candidate : handler().get(DeviceService.class).getPorts(packet.sendThrough())) {
                PortNumber number = candidate.number();
                if (candidate.isEnabled() && !number.isLogical() && number.toLong() != CPU_PORT
                        && !number.equals(packet.inPort())) {
                    ports.add(number);
                }
            }
            return ports.build();
        }
        if (port.equals(PortNumber.IN_PORT)) {
            if (packet.inPort() == null) {
                throw new PiInterpreterException("packet-out to IN_PORT without an in-port: " + packet);
            }
            return ImmutableList.of(packet.inPort());
        }
        if (port.isLogical()) {
            throw new PiInterpreterException("a packet-out cannot go to logical port " + port
                                                     + "; metro.p4 sends it unchanged to one port");
        }
        return ImmutableList.of(port);
    }

    private static PiPacketOperation packetOut(ImmutableByteSequence frame, PortNumber port)
            throws PiInterpreterException {
        ImmutableByteSequence egressPort;
        try {
            egressPort = ImmutableByteSequence.copyFrom(port.toLong()).fit(PORT_BITWIDTH);
        } catch (ImmutableByteSequence.ByteSequenceTrimException e) {
            throw new PiInterpreterException("port " + port + " does not fit the " + PORT_BITWIDTH
                                                     + "-bit egress_port of packet_out");
        }
        return PiPacketOperation.builder()
                .withType(PiPacketOperationType.PACKET_OUT)
                .withData(frame)
                .withMetadata(PiPacketMetadata.builder().withId(EGRESS_PORT).withValue(egressPort).build())
                .withMetadata(PiPacketMetadata.builder().withId(PAD)
                                      .withValue(ImmutableByteSequence.ofZeros((PAD_BITWIDTH + 7) / 8)).build())
                .build();
    }

    @Override
    public InboundPacket mapInboundPacket(PiPacketOperation packetIn, DeviceId deviceId)
            throws PiInterpreterException {
        if (packetIn.type() != PiPacketOperationType.PACKET_IN) {
            throw new PiInterpreterException("expected a PACKET_IN from " + deviceId + ", got " + packetIn.type());
        }
        PiPacketMetadata ingressPort = packetIn.metadatas().stream()
                .filter(metadata -> metadata.id().equals(INGRESS_PORT))
                .findFirst()
                .orElseThrow(() -> new PiInterpreterException(
                        "packet-in from " + deviceId + " has no " + INGRESS_PORT + " metadata: " + packetIn));
        long port = unsignedValue(ingressPort.value(), deviceId);
        byte[] frame = packetIn.data().asArray();
        Ethernet parsed;
        try {
            parsed = Ethernet.deserializer().deserialize(frame, 0, frame.length);
        } catch (DeserializationException e) {
            throw new PiInterpreterException("packet-in from " + deviceId + " port " + port
                                                     + " is not an Ethernet frame: " + e.getMessage());
        }
        ConnectPoint receivedFrom = new ConnectPoint(deviceId, PortNumber.portNumber(port));
        return new DefaultInboundPacket(receivedFrom, parsed, ByteBuffer.wrap(frame));
    }

    private static long unsignedValue(ImmutableByteSequence bytes, DeviceId deviceId) throws PiInterpreterException {
        long value = 0;
        for (byte b : bytes.asArray()) {
            value = (value << 8) | (b & 0xff);
            if (value >= 1L << PORT_BITWIDTH) {
                throw new PiInterpreterException("packet-in from " + deviceId + ": " + INGRESS_PORT + " "
                                                         + bytes + " is wider than " + PORT_BITWIDTH + " bits");
            }
        }
        return value;
    }

    /** The forwarding meaning of a plain treatment: punt, drop, or a next hop with MAC rewrite. */
    private static final class ForwardingTreatment {
        private PortNumber output;
        private MacAddress ethSrc;
        private MacAddress ethDst;
        private boolean empty = true;

        static ForwardingTreatment of(TrafficTreatment treatment) throws PiInterpreterException {
            ForwardingTreatment result = new ForwardingTreatment();
            for (Instruction instruction : treatment.allInstructions()) {
                if (instruction.type() == Instruction.Type.NOACTION) {
                    // What DefaultTrafficTreatment.emptyTreatment() holds: ONOS's "drop".
                    continue;
                }
                result.empty = false;
                if (instruction.type() == Instruction.Type.OUTPUT) {
                    result.output = only(result.output, ((OutputInstruction) instruction).port(), instruction);
                } else if (instruction.type() == Instruction.Type.L2MODIFICATION) {
                    L2ModificationInstruction l2 = (L2ModificationInstruction) instruction;
                    if (l2.subtype() == L2ModificationInstruction.L2SubType.ETH_SRC) {
                        result.ethSrc = only(result.ethSrc, ((ModEtherInstruction) l2).mac(), instruction);
                    } else if (l2.subtype() == L2ModificationInstruction.L2SubType.ETH_DST) {
                        result.ethDst = only(result.ethDst, ((ModEtherInstruction) l2).mac(), instruction);
                    } else {
                        throw new PiInterpreterException("metro.p4 cannot apply " + instruction);
                    }
                } else {
                    throw new PiInterpreterException("metro.p4 cannot apply " + instruction);
                }
            }
            return result;
        }

        private static <T> T only(T current, T next, Instruction instruction) throws PiInterpreterException {
            if (current != null) {
                throw new PiInterpreterException("treatment sets it twice: " + instruction);
            }
            return next;
        }

        boolean isPunt() {
            return PortNumber.CONTROLLER.equals(output) && ethSrc == null && ethDst == null;
        }

        boolean isDrop() {
            return empty;
        }

        boolean isNextHop() {
            return output != null && !output.isLogical() && ethSrc != null && ethDst != null;
        }
    }
}
