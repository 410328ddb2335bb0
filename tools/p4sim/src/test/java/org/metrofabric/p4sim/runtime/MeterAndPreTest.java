package org.metrofabric.p4sim.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterAndPreTest {
    @Test
    void unconfiguredMeterIsGreen() {
        MeterArray meters = new MeterArray("m", 2, false);
        assertEquals(MeterCell.GREEN, meters.execute(0, 100, 0));
        assertEquals(MeterCell.GREEN, meters.execute(5, 100, 0));
    }

    @Test
    void twoRateThreeColourWithIntegerBuckets() {
        MeterArray meters = new MeterArray("m", 1, false);
        meters.configure(0, new MeterConfig(0.1, 1, 0.1, 2));
        long step = 250_000;
        assertEquals(MeterCell.GREEN, meters.execute(0, 60, step));
        assertEquals(MeterCell.YELLOW, meters.execute(0, 60, 2 * step));
        assertEquals(MeterCell.RED, meters.execute(0, 60, 3 * step));
        // 10 s at 0.1 packet/s refills one token in both buckets
        assertEquals(MeterCell.GREEN, meters.execute(0, 60, 10_000_000 + 3 * step));
    }

    @Test
    void byteMeterChargesPacketLength() {
        MeterArray meters = new MeterArray("m", 1, true);
        meters.configure(0, new MeterConfig(10, 100, 10, 200));
        assertEquals(MeterCell.GREEN, meters.execute(0, 64, 1));
        assertEquals(MeterCell.YELLOW, meters.execute(0, 64, 2));
        assertEquals(MeterCell.YELLOW, meters.execute(0, 64, 3));
        assertEquals(MeterCell.RED, meters.execute(0, 64, 4));
    }

    @Test
    void registersMaskAndIgnoreOutOfRange() {
        RegisterArray register = new RegisterArray("r", 4, 16);
        register.write(1, BigInteger.valueOf(0x1ffff));
        assertEquals(BigInteger.valueOf(0xffff), register.read(1));
        register.write(4, BigInteger.ONE);
        assertNull(register.read(4));
        CounterArray counter = new CounterArray("c", 1);
        counter.count(1, 10);
        counter.count(0, 10);
        assertEquals(new CounterData(1, 10), counter.read(0));
    }

    @Test
    void multicastCopiesGoNodeByNodePortsAscending() {
        PacketReplicationEngine pre = new PacketReplicationEngine();
        pre.setMulticastGroup(1, List.of(new Replica(4, 7), new Replica(2, 3), new Replica(1, 7)));
        assertEquals(List.of(new Replica(1, 7), new Replica(4, 7), new Replica(2, 3)), pre.multicastGroup(1));
        assertEquals(List.of(), pre.multicastGroup(2));
        pre.setCloneSession(new CloneSession(5, List.of(new Replica(4, 0)), 0, 0));
        assertEquals(4, pre.cloneSession(5).orElseThrow().port());
    }
}
