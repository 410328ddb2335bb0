package org.metrofabric.emulator.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.emulator.onos.OnosFixture.LEAF2;
import static org.metrofabric.emulator.onos.OnosFixture.SPINE1;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.clock.SimTime;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.hosts.PingSession;
import org.metrofabric.fabric.app.FabricManager;
import org.metrofabric.fabric.app.config.MetroDeviceConfig;
import org.metrofabric.pipeconf.MetroConstants;
import org.metrofabric.topology.netcfg.NetcfgWriter;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleService;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiTableEntry;

/**
 * The unchanged fabric app on metro-2x4 over P4Runtime: leaf2's {@code metrofabric} config is
 * removed from the netcfg while the switch stays connected, then given back. What is on the
 * switch is read from the switch itself.
 */
class LeafLeavesTheFabricTest {
    private static final String DEVICES = "devices";

    private final Fabric fabric = OnosFixture.fabric();
    private final EmbeddedOnos onos = EmbeddedOnos.overP4Runtime(fabric, OnosFixture.PIPECONF);
    private final ControllerInstance controller;
    private final FabricManager manager;

    LeafLeavesTheFabricTest() {
        onos.applyNetcfg(NetcfgWriter.write(OnosFixture.METRO_2X4));
        controller = onos.addInstance("c1");
        manager = controller.activate(new FabricManager());
        settle();
    }

    @AfterEach
    void stop() {
        controller.shutdown();
        onos.close();
    }

    /** A reconcile's store write may queue one more behind the wait. */
    private void settle() {
        manager.awaitQueuedWork();
        manager.awaitQueuedWork();
    }

    private List<PiTableEntry> entries(PiTableId table) {
        return onos.client(LEAF2).readTable(table);
    }

    private boolean pings(String from, String to) {
        PingSession ping = fabric.host(from).ping(fabric.host(to).ip(), 2, SimTime.millis(1));
        fabric.scheduler().runUntilIdle();
        return ping.received() == 2;
    }

    @Test
    void leaf2LosesTheAppsEntriesAndGroupsButKeepsAnotherAppsRoute() {
        FlowRule otherAppsRoute = MetroRules.route(LEAF2, "192.168.0.0/16",
                MetroRules.setNextHop(3, "00:bb:00:00:00:02", "00:00:0a:01:02:0a"));
        controller.service(FlowRuleService.class).applyFlowRules(otherAppsRoute);
        Set<String> programmedRoutes = matches(entries(MetroConstants.ROUTING_V4));
        assertTrue(programmedRoutes.size() > 1, programmedRoutes.toString());
        assertFalse(onos.client(LEAF2).readGroups(MetroConstants.ECMP_SELECTOR).isEmpty());
        assertTrue(pings("h1a", "h2a"));
        JsonNode leaf2Config = onos.networkConfig().rawConfig(DEVICES, LEAF2.toString(), MetroDeviceConfig.KEY);

        onos.networkConfig().removeConfig(LEAF2, MetroDeviceConfig.class);
        settle();

        List<PiTableEntry> routes = entries(MetroConstants.ROUTING_V4);
        assertEquals(1, routes.size(), "only the other app's route is left: " + routes);
        List<FlowEntry> onLeaf2 = new ArrayList<>();
        controller.service(FlowRuleService.class).getFlowEntries(LEAF2).forEach(onLeaf2::add);
        assertEquals(List.of(otherAppsRoute.id()), onLeaf2.stream().map(FlowEntry::id).collect(Collectors.toList()),
                "ONOS knows it as the other app's: " + onLeaf2);
        assertTrue(entries(MetroConstants.ECMP).isEmpty());
        assertTrue(entries(MetroConstants.PATH_PINNING).isEmpty());
        assertTrue(onos.client(LEAF2).readGroups(MetroConstants.ECMP_SELECTOR).isEmpty());
        assertTrue(onos.client(LEAF2).readMembers(MetroConstants.ECMP_SELECTOR).isEmpty());
        assertEquals(3, onos.client(SPINE1).readTable(MetroConstants.ROUTING_V4).size(),
                "spine1 routes only the three leaves left");
        assertFalse(pings("h1a", "h2a"));

        onos.networkConfig().applyConfig(DEVICES, LEAF2, MetroDeviceConfig.KEY, leaf2Config);
        settle();
        assertEquals(programmedRoutes, matches(entries(MetroConstants.ROUTING_V4)));
        assertFalse(onos.client(LEAF2).readGroups(MetroConstants.ECMP_SELECTOR).isEmpty());
        assertTrue(pings("h1a", "h2a"));
    }

    private static Set<String> matches(List<PiTableEntry> entries) {
        return entries.stream().map(e -> e.matchKey().toString()).collect(Collectors.toSet());
    }
}
