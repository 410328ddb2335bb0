package org.metrofabric.p4sim.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import org.metrofabric.p4runtime.codec.P4RuntimeCodec;
import org.metrofabric.p4sim.P4Sim;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiTableEntry;
import p4.v1.P4RuntimeOuterClass.Update;

/** A target over a switch someone else forwards through (the emulator's data plane). */
class ExistingSwitchTargetTest {
    private static final P4Sim.LoadedPipeline ROUTING = ServeHarness.pipeline(ServeHarness.CORPUS.resolve("routing.p4"));
    private static final PiTableId LPM = PiTableId.of("RoutingIngress.ipv4_lpm");

    private static PiTableEntry route(P4SimTarget target, int third, int port) {
        return P4RuntimeCodec.of(P4InfoIndex.of(target.p4Info())).decodeTableEntry(RoutingEntities.route(third, port));
    }

    @Test
    void writesThroughTheTargetLandInTheExistingSwitch() {
        P4Sim.Switch existing = ROUTING.newSwitch();
        P4SimTarget target = new P4SimTarget(ROUTING, existing, () -> 0L);

        target.write(Update.Type.INSERT, route(target, 1, 3));

        assertSame(existing, target.currentSwitch());
        assertEquals(1, existing.control().readTable(LPM).size());
        assertEquals(existing.control().readTable(LPM), target.tableEntries(LPM));
    }

    @Test
    void clearStateMovesTheTargetToANewEmptySwitch() {
        P4Sim.Switch existing = ROUTING.newSwitch();
        P4SimTarget target = new P4SimTarget(ROUTING, existing, () -> 0L);
        target.write(Update.Type.INSERT, route(target, 1, 3));

        target.clearState();

        assertNotSame(existing, target.currentSwitch());
        assertTrue(target.tableEntries(LPM).isEmpty());
        assertEquals(1, existing.control().readTable(LPM).size(), "the old switch is left as it was");
    }

    @Test
    void aSwitchOfAnotherProgramIsRejected() {
        P4Sim.Switch other = ServeHarness.pipeline(ServeHarness.METRO_P4).newSwitch();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new P4SimTarget(ROUTING, other, () -> 0L));

        assertTrue(e.getMessage().contains("existing switch"), e.getMessage());
    }
}
