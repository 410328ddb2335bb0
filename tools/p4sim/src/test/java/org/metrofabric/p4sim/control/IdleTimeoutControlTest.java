package org.metrofabric.p4sim.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4sim.P4Sim;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiTableEntry;

/**
 * Idle timeouts in the control API and the data plane (serve/ageing.p4: table smac supports timeouts,
 * dmac does not). Time is given explicitly: writes, packets and sweeps all take it as an argument.
 */
class IdleTimeoutControlTest {
    private static final P4Sim.LoadedPipeline AGEING = P4Sim.load(Path.of("src/test/resources/serve/ageing.p4"));
    private static final PiTableId SMAC = PiTableId.of("AgeingIngress.smac");
    private static final PiTableId DMAC = PiTableId.of("AgeingIngress.dmac");
    private static final long SECOND = 1_000_000_000L;

    private final P4Sim.Switch sw = AGEING.newSwitch();
    private final SwitchControl control = sw.control();

    private static PiMatchKey mac(String field, long mac) {
        return PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(PiMatchFieldId.of(field),
                PiValues.toBytes(BigInteger.valueOf(mac), 48))).build();
    }

    private static PiTableEntry.Builder source(long mac) {
        return PiTableEntry.builder().forTable(SMAC).withMatchKey(mac("hdr.ethernet.src", mac))
                .withAction(PiAction.builder().withId(PiActionId.of("AgeingIngress.known")).build());
    }

    private static PiTableEntry source(long mac, double timeoutSeconds) {
        return source(mac).withTimeout(timeoutSeconds).build();
    }

    private void insert(PiTableEntry entry, long nowNanos) {
        control.write(UpdateType.INSERT, entry, nowNanos);
    }

    /** A frame from {@code srcMac} arriving at {@code nowNanos}: it hits smac's entry for that MAC. */
    private void packetFrom(long srcMac, long nowNanos) {
        byte[] frame = new byte[14];
        for (int i = 0; i < 6; i++) {
            frame[6 + i] = (byte) (srcMac >>> (8 * (5 - i)));
        }
        frame[12] = (byte) 0x88;
        frame[13] = (byte) 0xb5;
        sw.dataPlane().process(1, frame, nowNanos);
    }

    private List<Long> sweep(long nowNanos) {
        return control.sweepIdleEntries(nowNanos).stream().map(IdleTimeoutControlTest::srcOf).toList();
    }

    private static long srcOf(PiTableEntry entry) {
        return new BigInteger(1, ((PiExactFieldMatch) entry.matchKey().fieldMatches().iterator().next()).value()
                .asArray()).longValueExact();
    }

    @Test
    void anEntryExpiresWhenItsTimeoutHasPassedWithoutAHit() {
        insert(source(0xa1, 2.0), 0);
        assertEquals(List.of(), sweep(2 * SECOND - 1));
        List<PiTableEntry> idle = control.sweepIdleEntries(2 * SECOND);
        assertEquals(1, idle.size());
        assertEquals(source(0xa1, 2.0).matchKey(), idle.get(0).matchKey());
        assertEquals(Optional.of(2.0), idle.get(0).timeout());
    }

    @Test
    void aHitRestartsTheTimerAtThePacketsTimestamp() {
        insert(source(0xa1, 2.0), 0);
        packetFrom(0xa1, 3 * SECOND / 2);
        assertEquals(List.of(), sweep(2 * SECOND));
        assertEquals(List.of(), sweep(7 * SECOND / 2 - 1));
        assertEquals(List.of(0xa1L), sweep(7 * SECOND / 2));
    }

    @Test
    void anIdleEntryIsReportedAgainEveryOtherSweepAsInBmv2() {
        insert(source(0xa1, 2.0), 0);
        insert(source(0xb2, 3.0), 0);
        assertEquals(List.of(0xa1L), sweep(2 * SECOND));
        assertEquals(List.of(0xb2L), sweep(3 * SECOND), "a1 was reported by the previous sweep");
        assertEquals(List.of(0xa1L), sweep(4 * SECOND));
        assertEquals(List.of(0xb2L), sweep(5 * SECOND));
    }

    @Test
    void aSweepAfterSkippedSweepsExcludesNothing() {
        insert(source(0xa1, 2.0), 0);
        assertEquals(List.of(0xa1L), sweep(2 * SECOND));
        assertEquals(List.of(0xa1L), control.sweepIdleEntries(5 * SECOND, true).stream()
                .map(IdleTimeoutControlTest::srcOf).toList(), "the 2 s sweep was not the previous one");
    }

    @Test
    void anEntryWithoutATimeoutNeverExpires() {
        insert(source(0xa1).build(), 0);
        assertEquals(List.of(), sweep(1000 * SECOND));
        assertEquals(OptionalLong.empty(), control.nextIdleExpiry());
    }

    @Test
    void modifyToANewTimeoutRestartsTheTimerAndTheSameTimeoutDoesNot() {
        insert(source(0xa1, 30.0), 0);
        control.write(UpdateType.MODIFY, source(0xa1, 4.0), SECOND);
        assertEquals(List.of(), sweep(5 * SECOND - 1));
        assertEquals(List.of(0xa1L), sweep(5 * SECOND));

        insert(source(0xb2, 2.0), 0);
        control.write(UpdateType.MODIFY, source(0xb2, 2.0), SECOND);
        assertEquals(List.of(0xb2L), sweep(6 * SECOND), "same timeout: the timer kept running from 0");
    }

    @Test
    void modifyWithoutATimeoutStopsAgeing() {
        insert(source(0xa1, 2.0), 0);
        control.write(UpdateType.MODIFY, source(0xa1).build(), SECOND);
        assertEquals(List.of(), sweep(100 * SECOND));
        assertEquals(Optional.empty(), control.readTable(SMAC).get(0).timeout());
    }

    @Test
    void aDeletedEntryIsNoLongerReported() {
        insert(source(0xa1, 2.0), 0);
        assertEquals(List.of(0xa1L), sweep(2 * SECOND));
        control.write(UpdateType.DELETE, source(0xa1).build(), 2 * SECOND);
        assertEquals(List.of(), sweep(3 * SECOND));
        assertEquals(List.of(), sweep(4 * SECOND));
        assertEquals(OptionalLong.empty(), control.nextIdleExpiry());
    }

    @Test
    void readsReturnTheTimeoutAndTheTimeSinceLastHit() {
        insert(source(0xa1, 10.0), 0);
        assertEquals(Optional.of(10.0), control.readTable(SMAC).get(0).timeout());
        List<SwitchControl.IdleEntry> atStart = control.readTableIdleTimes(SMAC, 3 * SECOND);
        assertEquals(3 * SECOND, atStart.get(0).nanosSinceLastHit(), "never hit: since insertion");
        packetFrom(0xa1, 4 * SECOND);
        List<SwitchControl.IdleEntry> afterHit = control.readTableIdleTimes(SMAC, 7 * SECOND);
        assertEquals(3 * SECOND, afterHit.get(0).nanosSinceLastHit());
        assertEquals(Optional.of(10.0), afterHit.get(0).entry().timeout());
        ControlException noAgeing = assertThrows(ControlException.class,
                () -> control.readTableIdleTimes(DMAC, SECOND));
        assertEquals(ControlException.Code.INVALID_ARGUMENT, noAgeing.code());
    }

    @Test
    void anEndlessTimeoutIsRejectedAndNothingChanges() {
        // ONOS's builder already refuses timeouts that are not above 0 (NaN and negative ones); the wire
        // form's negative idle_timeout_ns is the codec's to reject (ServeIdleTimeoutTest).
        ControlException endless = assertThrows(ControlException.class,
                () -> insert(source(0xa1, Double.POSITIVE_INFINITY), 0));
        assertEquals(ControlException.Code.INVALID_ARGUMENT, endless.code());
        assertTrue(endless.getMessage().contains("AgeingIngress.smac"), endless.getMessage());
        assertEquals(List.of(), control.readTable(SMAC));

        insert(source(0xa1, 2.0), 0);
        assertThrows(ControlException.class,
                () -> control.write(UpdateType.MODIFY, source(0xa1, 1e300), SECOND));
        assertEquals(Optional.of(2.0), control.readTable(SMAC).get(0).timeout());
        assertEquals(List.of(0xa1L), sweep(2 * SECOND), "the timer was not restarted");
    }

    @Test
    void aTimeoutOnATableWithoutSupportIsRejectedNamingTheTable() {
        PiTableEntry forward = PiTableEntry.builder().forTable(DMAC).withMatchKey(mac("hdr.ethernet.dst", 0xd1))
                .withAction(PiAction.builder().withId(PiActionId.of("AgeingIngress.forward"))
                        .withParameter(new PiActionParam(PiActionParamId.of("port"),
                                PiValues.toBytes(BigInteger.TWO, 9))).build())
                .withTimeout(5.0).build();
        ControlException e = assertThrows(ControlException.class, () -> insert(forward, 0));
        assertEquals(ControlException.Code.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("AgeingIngress.dmac") && e.getMessage().contains("support_timeout"),
                e.getMessage());
        assertEquals(List.of(), control.readTable(DMAC));
    }

    @Test
    void theDefaultEntryTakesNoTimeout() {
        PiTableEntry timedDefault = PiTableEntry.builder().forTable(SMAC)
                .withAction(PiAction.builder().withId(PiActionId.of("NoAction")).build()).withTimeout(1.0).build();
        ControlException e = assertThrows(ControlException.class,
                () -> control.write(UpdateType.MODIFY, timedDefault, 0));
        assertEquals(ControlException.Code.INVALID_ARGUMENT, e.code());
    }

    @Test
    void nextExpiryFollowsTheEarliestUnreportedEntryAndAHitRevivesAReportedOne() {
        AtomicInteger revived = new AtomicInteger();
        control.setIdleEntryRevivedListener(revived::incrementAndGet);
        insert(source(0xa1, 2.0), 0);
        insert(source(0xb2, 5.0), SECOND);
        assertEquals(OptionalLong.of(2 * SECOND), control.nextIdleExpiry());
        assertEquals(List.of(0xa1L), sweep(2 * SECOND));
        assertEquals(OptionalLong.of(6 * SECOND), control.nextIdleExpiry(), "a1 is reported, b2 is next");
        packetFrom(0xb2, 3 * SECOND);
        assertEquals(0, revived.get(), "b2 was never reported");
        packetFrom(0xa1, 4 * SECOND);
        assertEquals(1, revived.get());
        assertEquals(OptionalLong.of(6 * SECOND), control.nextIdleExpiry());
        assertEquals(List.of(), sweep(6 * SECOND), "expired again, but BMv2 skips what the previous sweep reported");
        assertEquals(OptionalLong.of(6 * SECOND), control.nextIdleExpiry(), "still due");
        assertEquals(List.of(0xa1L), sweep(7 * SECOND));
        assertEquals(OptionalLong.of(8 * SECOND), control.nextIdleExpiry());
    }
}
