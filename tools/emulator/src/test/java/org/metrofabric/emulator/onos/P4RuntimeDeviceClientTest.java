package org.metrofabric.emulator.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.metrofabric.emulator.onos.MetroRules.setNextHop;
import static org.metrofabric.emulator.onos.OnosFixture.LEAF1;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.net.SwitchNode;
import org.metrofabric.pipeconf.MetroConstants;
import org.onosproject.net.pi.runtime.PiTableEntry;

/** Writes over the wire keep {@link PiDeviceClient}'s contract, on the switch the emulator forwards through. */
class P4RuntimeDeviceClientTest {
    private static final FlowRuleTranslator TRANSLATOR = new FlowRuleTranslator(OnosFixture.PIPECONF.pipelineModel());

    private final Fabric fabric = OnosFixture.fabric();
    private final P4RuntimeFabric served = P4RuntimeFabric.inProcess(fabric);
    private final PiDeviceClient leaf1 = served.clients().get(LEAF1);
    private final SwitchNode leaf1Node = fabric.switchNode("leaf1");

    @AfterEach
    void close() {
        served.close();
    }

    private static PiTableEntry route(String prefix, long port) {
        return TRANSLATOR.translate(MetroRules.route(LEAF1, prefix, setNextHop(port, "00:bb:00:00:00:01",
                "00:00:0a:01:01:0a")));
    }

    /** The routes as match -> action (reads over the wire also carry the entries' cookies, the direct ones not). */
    private static Set<String> routes(PiDeviceClient client) {
        return describe(client.readTable(MetroConstants.ROUTING_V4));
    }

    private static Set<String> describe(List<PiTableEntry> entries) {
        Set<String> out = new HashSet<>();
        entries.forEach(e -> out.add(e.matchKey() + " -> " + e.action()));
        return out;
    }

    @Test
    void writesReachTheSwitchTheNodeForwardsThrough() {
        leaf1.write(List.of(PiUpdate.insert(route("10.1.1.10/32", 3))));

        assertEquals(1, leaf1Node.control().readTable(MetroConstants.ROUTING_V4).size());
        assertEquals(describe(List.of(route("10.1.1.10/32", 3))), routes(leaf1));
    }

    @Test
    void aRejectedWriteLeavesTheSwitchUnchanged() {
        leaf1.write(List.of(PiUpdate.insert(route("10.1.1.10/32", 3))));
        Set<String> before = routes(leaf1);

        PiWriteException e = assertThrows(PiWriteException.class,
                () -> leaf1.write(List.of(PiUpdate.delete(route("10.9.9.0/24", 1)))));

        assertEquals("NOT_FOUND", e.code());
        assertEquals(0, e.failedIndex());
        assertEquals(before, routes(leaf1));
    }

    /**
     * The switch applies every good update of a CONTINUE_ON_ERROR batch; the client undoes those after
     * the first rejection (an insert, a modify and a delete), leaving what the direct client leaves.
     */
    @Test
    void aBatchStopsAtItsFirstRejectionAsTheDirectClientDoes() {
        List<PiUpdate> setup = List.of(PiUpdate.insert(route("10.1.1.10/32", 3)),
                PiUpdate.insert(route("10.1.1.11/32", 4)));
        List<PiUpdate> batch = List.of(
                PiUpdate.insert(route("10.1.2.0/24", 1)),
                PiUpdate.insert(route("10.1.1.10/32", 3)),
                PiUpdate.insert(route("10.1.3.0/24", 2)),
                PiUpdate.modify(route("10.1.1.10/32", 4)),
                PiUpdate.delete(route("10.1.1.11/32", 4)));
        Fabric directFabric = OnosFixture.fabric();
        PiDeviceClient direct = new SwitchControlClient(LEAF1, directFabric.switchNode("leaf1"),
                directFabric.scheduler());
        direct.write(setup);
        leaf1.write(setup);

        PiWriteException overWire = assertThrows(PiWriteException.class, () -> leaf1.write(batch));
        PiWriteException directly = assertThrows(PiWriteException.class, () -> direct.write(batch));

        assertEquals(directly.failedIndex(), overWire.failedIndex());
        assertEquals(1, overWire.failedIndex());
        assertEquals("ALREADY_EXISTS", overWire.code());
        assertEquals(0, overWire.getSuppressed().length, "every undo was accepted");
        assertEquals(routes(direct), routes(leaf1));
        assertEquals(describe(List.of(route("10.1.1.10/32", 3), route("10.1.1.11/32", 4), route("10.1.2.0/24", 1))),
                routes(leaf1));
    }

}
