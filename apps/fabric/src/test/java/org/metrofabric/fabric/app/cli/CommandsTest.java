package org.metrofabric.fabric.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.fabric.api.IntentRejectedException;
import org.metrofabric.fabric.api.IntentSyntaxException;
import org.metrofabric.fabric.app.FabricManager;
import org.metrofabric.fabric.app.Instances;
import org.metrofabric.fabric.testing.FakeNetwork;
import org.onosproject.net.DeviceId;

/** The commands against a running FabricManager on metro-2x4. */
class CommandsTest {
    private Instances cluster;
    private FabricManager manager;

    @BeforeEach
    void start() {
        cluster = new Instances(FakeNetwork.shipped("metro-2x4"));
        manager = Instances.single(cluster);
    }

    @AfterEach
    void stop() {
        Instances.stop(manager);
    }

    private static PathAddCommand add(String name, String from, String to, String latency, String bandwidth) {
        PathAddCommand command = new PathAddCommand();
        command.name = name;
        command.from = from;
        command.to = to;
        command.latencyUs = latency;
        command.bandwidthMbps = bandwidth;
        return command;
    }

    @Test
    void addListAndRemove() {
        String line = add("p1", "h1a", "h4a", "260", "1000").add(manager);
        assertTrue(line.matches("p1\\s+INSTALLED\\s+device:spine1\\s+255\\s+1000\\s+h1a -> h4a"), line);
        List<String> paths = new PathsCommand().lines(manager);
        assertEquals(List.of(Tables.INTENT_HEADER, line), paths);
        String fabric = String.join("\n", new FabricCommand().lines(manager));
        assertTrue(fabric.contains("device:spine1/1-device:leaf1/1"), fabric);
        assertTrue(fabric.matches("(?s).*device:spine1/4-device:leaf4/1\\s+up\\s+100000\\s+1000\\s+99000\\s+200.*"), fabric);

        PathRemoveCommand remove = new PathRemoveCommand();
        remove.name = "p1";
        assertEquals("removed p1", remove.remove(manager));
        assertEquals(List.of(Tables.INTENT_HEADER), new PathsCommand().lines(manager));
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing() {
        Map<DeviceId, String> before = cluster.switches.contents();
        IntentSyntaxException latency = assertThrows(IntentSyntaxException.class,
                () -> add("p1", "h1a", "h4a", "fast", null).add(manager));
        assertEquals("latency-us", latency.field());
        IntentSyntaxException from = assertThrows(IntentSyntaxException.class,
                () -> add("p1", "10.1.1.0/33", "h4a", null, null).add(manager));
        assertEquals("from", from.field());
        IntentRejectedException rejected = assertThrows(IntentRejectedException.class,
                () -> add("p1", "h4a", "h1a", null, null).add(manager));
        assertEquals("ENDPOINT", rejected.constraint());
        PathRemoveCommand remove = new PathRemoveCommand();
        remove.name = "nothing";
        assertEquals("name", assertThrows(IntentSyntaxException.class, () -> remove.remove(manager)).field());
        assertTrue(manager.intents().isEmpty());
        assertEquals(before, cluster.switches.contents());
    }

    @Test
    void endpointChoicesAreHostNamesAndLeafSubnets() {
        List<String> choices = EndpointCompleter.endpoints(manager.fabric());
        assertTrue(choices.contains("h1a"), choices.toString());
        assertTrue(choices.contains("10.1.1.0/24"), choices.toString());
    }
}
