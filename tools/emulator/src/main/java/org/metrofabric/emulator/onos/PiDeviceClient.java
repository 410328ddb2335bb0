package org.metrofabric.emulator.onos;

import java.util.List;
import java.util.function.Consumer;
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
 * The only way the embedded ONOS runtime reaches a switch: PI writes and reads, packet-out, and
 * packet-in. {@link SwitchControlClient} talks to a p4sim switch directly; a P4Runtime client
 * implementation carries the same calls over gRPC.
 */
public interface PiDeviceClient {

    DeviceId deviceId();

    /**
     * Applies {@code updates} in order and stops at the first one the switch rejects, throwing
     * {@link PiWriteException} with its index; the updates before it stay applied (callers that
     * need all-or-nothing undo them).
     */
    void write(List<PiUpdate> updates);

    /** The table's entries with their direct counter data, if the table has a direct counter. */
    List<PiTableEntry> readTable(PiTableId table);

    List<PiActionProfileMember> readMembers(PiActionProfileId profile);

    List<PiActionProfileGroup> readGroups(PiActionProfileId profile);

    List<PiMulticastGroupEntry> readMulticastGroups();

    List<PiCloneSessionEntry> readCloneSessions();

    /** Every cell of an indirect counter. */
    List<PiCounterCell> readCounterCells(PiCounterId counter);

    /** Sends a PACKET_OUT operation (payload plus packet_out metadata) to the switch's CPU port. */
    void packetOut(PiPacketOperation packet);

    /** Where the switch's PACKET_IN operations go (one listener; null stops delivery). */
    void setPacketInListener(Consumer<PiPacketOperation> listener);
}
