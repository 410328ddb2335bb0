package org.metrofabric.p4runtime.server;

import org.metrofabric.p4runtime.codec.P4RuntimeException;
import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiActionProfileGroup;
import org.onosproject.net.pi.runtime.PiActionProfileMember;
import org.onosproject.net.pi.runtime.PiCloneSessionEntry;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiEntity;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;
import org.onosproject.net.pi.runtime.PiMulticastGroupEntry;
import org.onosproject.net.pi.runtime.PiTableEntry;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4DataOuterClass.P4Data;
import p4.v1.P4RuntimeOuterClass.PacketIn;
import p4.v1.P4RuntimeOuterClass.PacketOut;
import p4.v1.P4RuntimeOuterClass.Update;

import java.util.List;

/**
 * One device a {@link P4RuntimeServer} serves: a data plane running a fixed P4 program, programmed
 * with ONOS PI objects. The server decodes and checks messages against the P4Info (ids, widths,
 * match rules) and owns arbitration, the pipeline config and digest batching; the target owns the
 * forwarding state and the rules that need it (duplicates, missing references, table capacity).
 *
 * <p>Every rejected request throws {@link P4RuntimeException} with the canonical code a P4Runtime
 * server answers with, and leaves the state unchanged. Methods may be called from several gRPC
 * threads; the target serialises them as it needs.
 */
public interface P4RuntimeTarget {

    /** The P4Info of the program the target runs; a pipeline config must carry an equal one. */
    P4Info p4Info();

    /** Drops every piece of forwarding state (entries, defaults, profiles, PRE, counters, meters, registers). */
    void clearState();

    /** Applies one INSERT, MODIFY or DELETE of a table entry, member, group, PRE entry, counter cell or meter cell. */
    void write(Update.Type type, PiEntity entity);

    /** Whether {@link #writeUndoable} is implemented, which ROLLBACK_ON_ERROR needs. */
    default boolean supportsUndo() {
        return false;
    }

    /** Like {@link #write}, returning what restores the state as it was before this update. */
    default Undo writeUndoable(Update.Type type, PiEntity entity) {
        throw new P4RuntimeException(io.grpc.Status.Code.UNIMPLEMENTED, "this target cannot undo updates");
    }

    /** Restores the state an update changed; undos are run in reverse order of their updates. */
    @FunctionalInterface
    interface Undo {
        void run();
    }

    /** The table's entries other than the default entry, with direct counter data if it has a direct counter. */
    List<PiTableEntry> tableEntries(PiTableId table);

    /** A table entry and the nanoseconds since a packet last hit it (since it was written, if never). */
    record IdleEntry(PiTableEntry entry, long nanosSinceLastHit) { }

    /**
     * Like {@link #tableEntries}, each entry with its time since last hit; asked only for tables that
     * support idle timeouts (P4Info {@code idle_timeout_behavior} NOTIFY_CONTROL).
     */
    default List<IdleEntry> tableEntriesWithIdleTime(PiTableId table) {
        throw new P4RuntimeException(io.grpc.Status.Code.UNIMPLEMENTED,
                "this target does not keep the time since an entry was last hit");
    }

    /** The table's default entry: an empty match key and the current default action. */
    PiTableEntry defaultEntry(PiTableId table);

    List<PiActionProfileMember> members(PiActionProfileId profile);

    List<PiActionProfileGroup> groups(PiActionProfileId profile);

    List<PiMulticastGroupEntry> multicastGroups();

    List<PiCloneSessionEntry> cloneSessions();

    /** Every cell of an indexed counter. */
    List<PiCounterCell> counterCells(PiCounterId counter);

    /** One cell: an index of an indexed counter, or a table entry's direct counter. */
    PiCounterCell counterCell(PiCounterCellId cell);

    /** One meter cell's config; an unconfigured cell has no bands. */
    PiMeterCellConfig meterCell(PiMeterCellId cell);

    /** Every cell of an indexed meter. */
    List<PiMeterCellConfig> meterCells(PiMeterId meter);

    /** Sends a controller packet into the data plane (the packet_out header built from the metadata). */
    void packetOut(PacketOut packet);

    /** Where the target reports what it sends to the controller; the server sets it once. */
    void setListener(Listener listener);

    /** Events from the data plane to the controller. */
    interface Listener {
        /** A frame the pipeline sent to the CPU port, its packet_in header as metadata. */
        default void packetIn(PacketIn packet) {
        }

        /** One digest() call: the P4Info digest id and the data in the digest's P4Info type. */
        default void digest(int digestId, P4Data data) {
        }

        /**
         * The table entries one ageing sweep found idle: each has an idle timeout and was not hit for that
         * long (tables that support timeouts only). {@code timestampNanos} is the sweep's time on the
         * target's clock.
         */
        default void idleTimeout(List<PiTableEntry> entries, long timestampNanos) {
        }
    }
}
