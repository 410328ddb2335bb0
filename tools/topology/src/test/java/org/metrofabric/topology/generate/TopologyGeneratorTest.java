package org.metrofabric.topology.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.metrofabric.topology.TopologyFiles;
import org.metrofabric.topology.load.TopologyLoader;
import org.metrofabric.topology.model.LeafKind;
import org.metrofabric.topology.model.Topology;

class TopologyGeneratorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void largeFabricPassesTheLoader() throws Exception {
        Topology generated = TopologyGenerator.generate(new GeneratorSpec("big", 32, 448, 48, 16, 3));
        Topology loaded = TopologyLoader.parse("generated", MAPPER.writeValueAsString(generated));
        assertEquals(32, loaded.spines().size());
        assertEquals(512, loaded.leaves().size());
        assertEquals(512 * 3, loaded.hosts().size());
        assertEquals(32 * 512, loaded.links().size());
        assertEquals(16, loaded.leaves().stream().filter(l -> l.kind() == LeafKind.CORE_CLOUD).count());
    }

    @Test
    void spinePortsSkipTheCpuPort() {
        Topology topology = TopologyGenerator.generate(new GeneratorSpec("ports", 1, 300, 0, 0, 0));
        assertFalse(topology.links().stream().anyMatch(l -> l.a().port() == 255 || l.b().port() == 255));
        assertEquals(301, topology.links().get(299).a().port(), "leaf 300 on spine port 301");
        assertEquals(254, TopologyGenerator.switchPort(254));
        assertEquals(256, TopologyGenerator.switchPort(255));
    }

    @Test
    void sameSpecSameFile() throws Exception {
        GeneratorSpec spec = new GeneratorSpec("repeat", 4, 6, 1, 1, 2);
        assertEquals(MAPPER.writeValueAsString(TopologyGenerator.generate(spec)),
                MAPPER.writeValueAsString(TopologyGenerator.generate(spec)));
    }

    @Test
    void shippedMetro4x8IsTheGeneratorOutput() throws Exception {
        Topology shipped = TopologyLoader.load(TopologyFiles.shipped("metro-4x8"));
        Topology generated = TopologyGenerator.generate(new GeneratorSpec("metro-4x8", 4, 4, 2, 2, 2));
        assertEquals(MAPPER.readTree(MAPPER.writeValueAsString(generated)),
                MAPPER.readTree(Files.readString(TopologyFiles.shipped("metro-4x8"))),
                "regenerate with: topology generate --name metro-4x8 --spines 4 --leaves 8 --edge-cloud 2 --core-cloud 2 --hosts-per-leaf 2");
        assertEquals(shipped, generated);
    }

    @Test
    void spinesDifferInLatency() {
        Topology topology = TopologyGenerator.generate(new GeneratorSpec("lat", 4, 2, 1, 1, 0));
        long distinct = topology.links().stream().filter(l -> l.b().device().equals("leaf1"))
                .mapToLong(l -> l.latencyNanos()).distinct().count();
        assertTrue(distinct > 1, "an access leaf sees different latencies to different spines");
    }

    @Test
    void rejectsImpossibleSpecs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GeneratorSpec("x", 0, 1, 0, 0, 0));
        assertTrue(e.getMessage().contains("spines must be 1..999, got 0"));
        e = assertThrows(IllegalArgumentException.class, () -> new GeneratorSpec("x", 1, 1, 0, 0, 246));
        assertTrue(e.getMessage().contains("hosts per leaf"));
        e = assertThrows(IllegalArgumentException.class, () -> new GeneratorSpec("x", 1, 1000, 0, 0, 0));
        assertTrue(e.getMessage().contains("leaves must be 1..999"));
    }
}
