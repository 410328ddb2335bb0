package org.metrofabric.emulator.onos;

import java.util.List;
import java.util.function.Consumer;
import org.metrofabric.emulator.clock.Scheduler;
import org.metrofabric.emulator.net.SwitchNode;
import org.metrofabric.p4runtime.codec.ControllerHeaderCodec;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import org.metrofabric.p4runtime.codec.P4RuntimeCodec;
import org.metrofabric.p4sim.control.ControlException;
import org.metrofabric.p4sim.control.SwitchControl;
import org.metrofabric.p4sim.control.UpdateType;
import org.onosproject.net.DeviceId;
import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiActionProfileGroup;
import org.onosproject.net.pi.runtime.PiActionProfileMember;
import org.onosproject.net.pi.runtime.PiCloneSessionEntry;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiMulticastGroupEntry;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.pi.runtime.PiTableEntry;

/**
 * A {@link PiDeviceClient} over an emulated switch's {@link SwitchControl}, with no wire in between.
 * Packet I/O packs and unpacks the program's controller headers with the same codec a P4Runtime
 * server uses. Packet-outs are handed to the emulator's scheduler, so any thread may send them.
 */
public final class SwitchControlClient implements PiDeviceClient {
    private final DeviceId deviceId;
    private final SwitchNode node;
    private final Scheduler scheduler;
    private final P4RuntimeCodec codec;
    private final ControllerHeaderCodec controllerHeaders;

    public SwitchControlClient(DeviceId deviceId, SwitchNode node, Scheduler scheduler) {
        this.deviceId = deviceId;
        this.node = node;
        this.scheduler = scheduler;
        P4InfoIndex p4info = node.device().state().p4infoIndex();
        this.codec = P4RuntimeCodec.of(p4info);
        this.controllerHeaders = new ControllerHeaderCodec(p4info);
    }

    @Override
    public DeviceId deviceId() {
        return deviceId;
    }

    @Override
    public void write(List<PiUpdate> updates) {
        SwitchControl control = node.control();
        for (int i = 0; i < updates.size(); i++) {
            PiUpdate update = updates.get(i);
            try {
                control.write(UpdateType.valueOf(update.type().name()), update.entity());
            } catch (ControlException e) {
                throw new PiWriteException(deviceId, i, update, e.code().name(), e.getMessage());
            }
        }
    }

    @Override
    public List<PiTableEntry> readTable(PiTableId table) {
        return node.control().readTable(table);
    }

    @Override
    public List<PiActionProfileMember> readMembers(PiActionProfileId profile) {
        return node.control().readMembers(profile);
    }

    @Override
    public List<PiActionProfileGroup> readGroups(PiActionProfileId profile) {
        return node.control().readGroups(profile);
    }

    @Override
    public List<PiMulticastGroupEntry> readMulticastGroups() {
        return node.control().readMulticastGroups();
    }

    @Override
    public List<PiCloneSessionEntry> readCloneSessions() {
        return node.control().readCloneSessions();
    }

    @Override
    public List<PiCounterCell> readCounterCells(PiCounterId counter) {
        return node.control().readCounter(counter);
    }

    @Override
    public void packetOut(PiPacketOperation packet) {
        byte[] frame = controllerHeaders.packetOutFrame(codec.encodePacketOut(packet));
        scheduler.post(() -> node.packetOut(frame));
    }

    @Override
    public void setPacketInListener(Consumer<PiPacketOperation> listener) {
        if (listener == null) {
            node.setPacketInListener(null);
            return;
        }
        node.setPacketInListener((from, cpuFrame, timeNanos) ->
                listener.accept(codec.decodePacketIn(controllerHeaders.packetIn(cpuFrame))));
    }
}
