package org.metrofabric.emulator.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.clock.RealTimeLoop;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.fabric.MetroPipeline;
import org.metrofabric.emulator.fabric.StaticRoutes;
import org.metrofabric.topology.load.TopologyLoader;

/** The serve console drives hosts on a fabric running in real time. */
class FabricConsoleTest {

    @Test
    void pingsAcrossAStaticallyRoutedFabricAndNamesBadInput() throws Exception {
        Path p4 = MetroPipeline.locate(Path.of(""));
        Fabric fabric = Fabric.builder(TopologyLoader.load(p4.getParent().getParent()
                .resolve("topologies/metro-2x4.json")), MetroPipeline.load()).build();
        StaticRoutes.install(fabric);
        StringWriter text = new StringWriter();
        try (RealTimeLoop loop = RealTimeLoop.start(fabric.scheduler(), "console-test-loop")) {
            new FabricConsole(fabric, new PrintWriter(text)).run(new BufferedReader(new StringReader(
                    "hosts\nping h1a h2a 2\nping h1a nobody\nping h1a h2a many\nbogus\nquit\nping h1a h2a\n")));
        }
        String out = text.toString();
        assertTrue(out.contains("h2a\n"), out);
        assertTrue(out.contains("h1a -> h2a: 2 sent, 2 received, mean rtt"), out);
        assertTrue(out.contains("no host nobody"), out);
        assertTrue(out.contains("COUNT must be a whole number from 1 to 1000, got 'many'"), out);
        assertTrue(out.contains("unknown command 'bogus'"), out);
        assertTrue(out.indexOf("h1a -> h2a") == out.lastIndexOf("h1a -> h2a"), "nothing runs after quit: " + out);
    }
}
