package org.metrofabric.emulator.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.metrofabric.emulator.onos.MetroRules.setNextHop;
import static org.metrofabric.emulator.onos.OnosFixture.LEAF1;
import static org.metrofabric.emulator.onos.OnosFixture.LEAF2;
import static org.metrofabric.emulator.onos.OnosFixture.SPINE1;
import static org.metrofabric.emulator.onos.OnosFixture.SPINE2;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.metrofabric.pipeconf.MetroConstants;
import org.onosproject.cluster.ClusterService;
import org.onosproject.cluster.NodeId;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreService;
import org.onosproject.mastership.MastershipEvent;
import org.onosproject.mastership.MastershipListener;
import org.onosproject.mastership.MastershipService;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.MastershipRole;
import org.onosproject.net.device.DeviceService;
import org.onosproject.net.flow.DefaultFlowRule;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.FlowRuleService;
import org.onosproject.net.flow.criteria.PiCriterion;
import org.onosproject.net.packet.PacketService;
import org.onosproject.store.service.ConsistentMap;
import org.onosproject.store.service.MapEventListener;
import org.onosproject.store.service.StorageService;
import org.onlab.packet.Ip4Prefix;

/**
 * Two controller instances run the same app component on one shared store with mastership
 * split between them, as an ONOS cluster would.
 */
class TwoInstancesTest {
    /** What an ONOS component's activate(ComponentContext) receives, reduced to what it reads. */
    interface Context {
        Dictionary<String, Object> getProperties();
    }

    /**
     * A small ONOS-style app component: routes live in a cluster-wide map, and each instance
     * programs them (a blackhole route per prefix) only on the devices it masters.
     */
    static class RouteComponent {
        protected CoreService coreService;
        protected MastershipService mastershipService;
        protected DeviceService deviceService;
        protected FlowRuleService flowRuleService;
        protected StorageService storageService;
        protected String notAService;

        final List<DeviceId> programmed = new ArrayList<>();
        ApplicationId appId;
        ConsistentMap<String, Integer> routes;
        Dictionary<String, Object> properties;
        private final MapEventListener<String, Integer> routeListener = event -> programAll();
        private final MastershipListener mastershipListener = new MastershipListener() {
            @Override
            public boolean isRelevant(MastershipEvent event) {
                return event.type() == MastershipEvent.Type.MASTER_CHANGED
                        && mastershipService.isLocalMaster(event.subject());
            }

            @Override
            public void event(MastershipEvent event) {
                program(event.subject());
            }
        };

        void activate(Context context) {
            properties = context.getProperties();
            appId = coreService.registerApplication("org.metrofabric.test.routes");
            routes = storageService.<String, Integer>consistentMapBuilder().withName("test-routes").build();
            routes.addListener(routeListener);
            mastershipService.addListener(mastershipListener);
            programAll();
        }

        void deactivate() {
            routes.removeListener(routeListener);
            mastershipService.removeListener(mastershipListener);
        }

        private void programAll() {
            for (Device device : deviceService.getAvailableDevices()) {
                if (mastershipService.isLocalMaster(device.id())) {
                    program(device.id());
                }
            }
        }

        private void program(DeviceId device) {
            if (routes.isEmpty()) {
                return;
            }
            routes.keySet().forEach(prefix -> {
                Ip4Prefix p = Ip4Prefix.valueOf(prefix);
                flowRuleService.applyFlowRules(DefaultFlowRule.builder().forDevice(device)
                        .forTable(MetroConstants.ROUTING_V4).fromApp(appId).makePermanent().withPriority(10)
                        .withSelector(DefaultTrafficSelector.builder().matchPi(PiCriterion.builder()
                                .matchLpm(MetroConstants.HDR_IPV4_DST_ADDR, p.address().toInt(), p.prefixLength())
                                .build()).build())
                        .withTreatment(DefaultTrafficTreatment.builder().piTableAction(
                                setNextHop(routes.get(prefix).value(), "00:aa:00:00:00:01", "00:bb:00:00:00:01"))
                                .build())
                        .build());
            });
            programmed.add(device);
        }
    }

    private final EmbeddedOnos onos = OnosFixture.onos(OnosFixture.fabric());
    private final ControllerInstance c1 = onos.addInstance("c1");
    private final ControllerInstance c2 = onos.addInstance("c2");

    TwoInstancesTest() {
        for (String device : List.of("spine2", "leaf2", "leaf4")) {
            onos.setMaster(DeviceId.deviceId("device:" + device), "c2");
        }
    }

    private int rulesOn(DeviceId device) {
        return (int) StreamSupport.stream(onos.flowRuleService().getFlowEntries(device).spliterator(), false).count();
    }

    @Test
    void eachDeviceIsProgrammedOnceByItsMaster() {
        RouteComponent a = c1.activate(new RouteComponent());
        RouteComponent b = c2.activate(new RouteComponent());
        a.routes.put("10.9.0.0/16", 1);
        assertEquals(List.of(SPINE1, LEAF1, DeviceId.deviceId("device:leaf3")), a.programmed);
        assertEquals(List.of(SPINE2, LEAF2, DeviceId.deviceId("device:leaf4")), b.programmed);
        for (Device device : onos.deviceService().getDevices()) {
            assertEquals(1, rulesOn(device.id()), device.id() + " has one route");
            assertEquals(1, onos.client(device.id()).readTable(MetroConstants.ROUTING_V4).size());
        }
        assertEquals(1, b.routes.get("10.9.0.0/16").value(), "the instances share one store");
        assertEquals(a.appId, b.appId);
    }

    @Test
    void movingMastershipMovesTheWork() {
        RouteComponent a = c1.activate(new RouteComponent());
        RouteComponent b = c2.activate(new RouteComponent());
        a.routes.put("10.9.0.0/16", 1);
        a.programmed.clear();
        b.programmed.clear();
        onos.setMaster(LEAF2, "c1");
        assertEquals(List.of(LEAF2), a.programmed);
        assertEquals(List.of(), b.programmed);
        b.routes.put("10.8.0.0/16", 2);
        assertEquals(List.of(SPINE2, DeviceId.deviceId("device:leaf4")), b.programmed);
        assertEquals(2, rulesOn(LEAF2), "both routes, each written once");
        assertEquals(2, onos.client(LEAF2).readTable(MetroConstants.ROUTING_V4).size());
    }

    @Test
    void instancesSeeTheirOwnRolesAndTheWholeCluster() {
        MastershipService m1 = c1.service(MastershipService.class);
        assertEquals(MastershipRole.MASTER, m1.getLocalRole(LEAF1));
        assertEquals(MastershipRole.STANDBY, m1.getLocalRole(LEAF2));
        assertEquals(NodeId.nodeId("c2"), m1.getMasterFor(LEAF2));
        assertEquals(Set.of(SPINE2, LEAF2, DeviceId.deviceId("device:leaf4")), m1.getDevicesOf(NodeId.nodeId("c2")));
        ClusterService cluster = c2.service(ClusterService.class);
        assertEquals(NodeId.nodeId("c2"), cluster.getLocalNode().id());
        assertEquals(2, cluster.getNodes().size());
    }

    @Test
    void activationSetsOnlyServiceFieldsAndPassesEmptyProperties() {
        RouteComponent a = c1.activate(new RouteComponent());
        assertSame(c1.service(FlowRuleService.class), a.flowRuleService);
        assertSame(c1.service(MastershipService.class), a.mastershipService);
        assertNull(a.notAService);
        assertEquals(0, a.properties.size());
        c1.deactivate(a);
        a.routes.put("10.9.0.0/16", 1);
        assertEquals(List.of(), a.programmed, "a deactivated component no longer listens");
        assertNotSame(c1.service(PacketService.class), c2.service(PacketService.class), "packet-ins are per instance");
    }
}
