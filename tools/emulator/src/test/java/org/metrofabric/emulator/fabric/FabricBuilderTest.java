package org.metrofabric.emulator.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.hosts.Host;
import org.metrofabric.emulator.net.Link;
import org.metrofabric.emulator.net.LinkSpec;
import org.metrofabric.emulator.net.QueueConfig;
import org.metrofabric.topology.generate.GeneratorSpec;
import org.metrofabric.topology.generate.TopologyGenerator;
import org.metrofabric.topology.model.Topology;

class FabricBuilderTest {
    @Test
    void everySwitchLinkAndHostOfTheTopologyIsBuilt() {
        Topology topology = Metro.topology("metro-2x4");
        Fabric fabric = Fabric.builder(topology, Metro.PIPELINE).switchQueues(new QueueConfig(4, 32)).build();
        assertEquals(List.of("spine1", "spine2", "leaf1", "leaf2", "leaf3", "leaf4"),
                List.copyOf(fabric.switches().keySet()));
        assertEquals(7, fabric.hosts().size());
        assertEquals(8 + 7, fabric.network().links().size());
        for (org.metrofabric.topology.model.Link link : topology.links()) {
            Link built = fabric.link(link.b().device(), link.a().device());
            assertEquals(Math.round(link.capacityGbps() * 1e9), built.spec().rateBitsPerSecond());
            assertEquals(link.latencyNanos(), built.spec().propagationNanos());
            assertEquals(new QueueConfig(4, 32), built.egressAt(built.a()).config());
        }
        assertEquals(40_000, fabric.link("spine1", "leaf1").spec().propagationNanos(), "8 km at 5 µs/km");
        Host h4b = fabric.host("h4b");
        assertEquals(Fabric.DEFAULT_HOST_LINK, fabric.hostLink("h4b").spec());
        assertEquals("leaf4/4", fabric.hostLink("h4b").b().toString());
        assertEquals(0x0A03010B, h4b.ip());
        assertEquals(0x0A030101, h4b.gatewayIp());
        assertEquals(0x00bb00000004L, h4b.arpEntry(h4b.gatewayIp()).orElseThrow(), "gateway = leaf4's router MAC");
        assertTrue(fabric.switchNode("leaf1").control().readTable(MetroEntries.ROUTING_V4).isEmpty());
    }

    @Test
    void optionsChangeHostLinksAndGatewayArp() {
        LinkSpec slow = LinkSpec.gbps(1, 5_000);
        Fabric fabric = Metro.fabric("metro-2x4").hostLink(slow).staticGatewayArp(false).build();
        assertEquals(slow, fabric.hostLink("h1a").spec());
        assertTrue(fabric.host("h1a").arpEntry(fabric.host("h1a").gatewayIp()).isEmpty());
    }

    @Test
    void staticRoutesWriteHostRoutesEcmpAndSpineRoutes() {
        Fabric fabric = Metro.fabric("metro-2x4").build();
        int written = StaticRoutes.install(fabric);
        // leaf1: 2 host routes, 2 members, group, ecmp entry, 3 remote subnets = 9; leaves 9+9+8+9; spines 4+4
        assertEquals(9 + 9 + 8 + 9 + 4 + 4, written);
        assertEquals(5, fabric.switchNode("leaf1").control().readTable(MetroEntries.ROUTING_V4).size());
        assertEquals(4, fabric.switchNode("spine2").control().readTable(MetroEntries.ROUTING_V4).size());
    }

    @Test
    void theLargerShippedTopologyBuildsToo() {
        Fabric fabric = Metro.fabric("metro-4x8").build();
        assertEquals(12, fabric.switches().size());
        StaticRoutes.install(fabric);
    }

    @Test
    void unknownNamesAreRejected() {
        Fabric fabric = Metro.fabric("metro-2x4").build();
        assertEquals("no switch named leaf9 in metro-2x4",
                assertThrows(IllegalArgumentException.class, () -> fabric.switchNode("leaf9")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> fabric.host("nobody"));
        assertEquals("no link between leaf1 and leaf2",
                assertThrows(IllegalArgumentException.class, () -> fabric.link("leaf1", "leaf2")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fabric.builder(null, Metro.PIPELINE));
    }

    @Test
    void portsAboveV1ModelsRangeAreNamedBeforeAnythingIsBuilt() {
        // One spine and 511 leaves: the spine's ports run 1..512 (255 is skipped for the CPU).
        Topology wide = TopologyGenerator.generate(new GeneratorSpec("wide", 1, 511, 0, 0, 0));
        String problems = V1ModelPorts.problems(wide).orElseThrow();
        assertTrue(problems.startsWith("$.links[509].a.port: port 511 of spine1 is above 510"), problems);
        assertTrue(problems.contains("$.links[510].a.port: port 512 of spine1"), problems);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fabric.builder(wide, Metro.PIPELINE).build());
        assertTrue(e.getMessage().startsWith("topology wide cannot be emulated on v1model: $.links[509].a.port"),
                e.getMessage());
        assertTrue(V1ModelPorts.problems(TopologyGenerator.generate(new GeneratorSpec("fits", 1, 509, 0, 0, 0)))
                .isEmpty(), "ports up to 510 fit");
    }
}
