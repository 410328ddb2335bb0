package org.metrofabric.emulator.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.clock.Scheduler;
import org.metrofabric.emulator.net.SwitchNode;
import org.metrofabric.p4runtime.server.P4RuntimeTarget;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.p4sim.control.PiValues;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiTableEntry;
import p4.v1.P4RuntimeOuterClass.Update;

/**
 * Idle timeouts of an emulated switch on the virtual clock (p4sim's serve/ageing.p4: table smac ages its
 * entries). Sweeps fall on BMv2's 1 s grid and are armed only while an entry can expire, so every
 * scenario here ends with {@code runUntilIdle}.
 */
class SwitchNodeTargetAgeingTest {
    private static final P4Sim.LoadedPipeline AGEING =
            P4Sim.load(Path.of("../p4sim/src/test/resources/serve/ageing.p4"));
    private static final PiTableId SMAC = PiTableId.of("AgeingIngress.smac");
    private static final long SECOND = 1_000_000_000L;
    private static final long MILLISECOND = 1_000_000L;

    private final Scheduler scheduler = new Scheduler();
    private final SwitchNode node = new SwitchNode("sw", scheduler, AGEING.newSwitch(), 1);
    private final SwitchNodeTarget target = SwitchNodeTarget.onCallingThread(node, scheduler, AGEING);
    private final List<Notification> notifications = new ArrayList<>();

    private record Notification(long timestampNanos, long atVirtualNanos, int entries) { }

    SwitchNodeTargetAgeingTest() {
        target.setListener(new P4RuntimeTarget.Listener() {
            @Override
            public void idleTimeout(List<PiTableEntry> entries, long timestampNanos) {
                notifications.add(new Notification(timestampNanos, scheduler.now(), entries.size()));
            }
        });
    }

    private static PiTableEntry source(int mac, double timeoutSeconds) {
        return PiTableEntry.builder().forTable(SMAC)
                .withMatchKey(PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(
                        PiMatchFieldId.of("hdr.ethernet.src"), PiValues.toBytes(BigInteger.valueOf(mac), 48))).build())
                .withAction(PiAction.builder().withId(PiActionId.of("AgeingIngress.known")).build())
                .withTimeout(timeoutSeconds).build();
    }

    private void packetFromAt(int mac, long timeNanos) {
        byte[] frame = new byte[14];
        frame[11] = (byte) mac;
        frame[12] = (byte) 0x88;
        frame[13] = (byte) 0xb5;
        scheduler.at(timeNanos, () -> node.receive(1, frame));
    }

    @Test
    void anEntryExpiresAtTheFirstSweepAfterItsTimeoutAndTheRunEnds() {
        scheduler.runUntil(300 * MILLISECOND);
        target.write(Update.Type.INSERT, source(0xa1, 2.0));
        scheduler.runUntilIdle();
        assertEquals(List.of(new Notification(3 * SECOND, 3 * SECOND, 1)), notifications,
                "idle from 2.3 s; BMv2's sweep at 3 s reports it");
        assertEquals(0, scheduler.runUntilIdle(), "a reported entry arms no further sweep");
    }

    @Test
    void packetsOnTheVirtualClockPostponeTheExpiry() {
        target.write(Update.Type.INSERT, source(0xa1, 2.0));
        packetFromAt(0xa1, 1500 * MILLISECOND);
        packetFromAt(0xa1, 3200 * MILLISECOND);
        scheduler.runUntilIdle();
        assertEquals(List.of(new Notification(6 * SECOND, 6 * SECOND, 1)), notifications,
                "idle from 5.2 s, the last hit plus 2 s");
    }

    @Test
    void aHitAfterTheReportArmsTheSweepAgain() {
        target.write(Update.Type.INSERT, source(0xa1, 2.0));
        scheduler.runUntilIdle();
        packetFromAt(0xa1, 10 * SECOND + 100 * MILLISECOND);
        scheduler.runUntilIdle();
        assertEquals(List.of(new Notification(2 * SECOND, 2 * SECOND, 1),
                new Notification(13 * SECOND, 13 * SECOND, 1)), notifications);
        assertEquals(2_900 * MILLISECOND, target.tableEntriesWithIdleTime(SMAC).get(0).nanosSinceLastHit(),
                "elapsed since the hit at 10.1 s, read at 13 s");
    }

    @Test
    void aHitWithinTheIntervalAfterTheReportWaitsOneSweepAsInBmv2() {
        target.write(Update.Type.INSERT, source(0xa1, 0.5));
        packetFromAt(0xa1, 1100 * MILLISECOND);
        scheduler.runUntilIdle();
        assertEquals(List.of(new Notification(SECOND, SECOND, 1), new Notification(3 * SECOND, 3 * SECOND, 1)),
                notifications, "idle again at 1.6 s, but the sweep at 2 s follows the one that reported it");
    }

    @Test
    void entriesIdleInTheSameSweepShareOneNotification() {
        target.write(Update.Type.INSERT, source(0xa1, 2.0));
        scheduler.runUntil(400 * MILLISECOND);
        target.write(Update.Type.INSERT, source(0xb2, 1.5));
        scheduler.runUntilIdle();
        assertEquals(List.of(new Notification(2 * SECOND, 2 * SECOND, 2)), notifications);
    }

    @Test
    void deletingTheEntryBeforeItExpiresLeavesNoSweep() {
        target.write(Update.Type.INSERT, source(0xa1, 2.0));
        scheduler.runUntil(SECOND);
        target.write(Update.Type.DELETE, source(0xa1, 2.0));
        assertEquals(0, scheduler.runUntilIdle());
        assertEquals(List.of(), notifications);
    }
}
