package org.metrofabric.fabric.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.fabric.api.FabricEvent;
import org.metrofabric.fabric.api.IntentState;
import org.metrofabric.fabric.api.IntentStatus;
import org.metrofabric.fabric.api.PathIntentParser;
import org.metrofabric.fabric.app.planner.PathPlanner;
import org.metrofabric.fabric.testing.ComponentContexts;
import org.metrofabric.fabric.testing.FakeNetwork;
import org.metrofabric.pipeconf.MetroConstants;
import org.onosproject.net.DeviceId;

/**
 * FabricManager's {@code switchingLatencyNanos} property on metro-2x4, one instance mastering
 * everything. h1a to h4a via spine1: links 40 + 200 us, plus three switches.
 */
class SwitchingLatencyPropertyTest {
    private static final DeviceId SPINE1 = DeviceId.deviceId("device:spine1");
    private static final DeviceId LEAF1 = DeviceId.deviceId("device:leaf1");
    private static final long LINKS_NANOS = 240_000;

    private Instances cluster;
    private FabricManager manager;

    @BeforeEach
    void start() {
        cluster = new Instances(FakeNetwork.shipped("metro-2x4"));
        manager = Instances.single(cluster);
    }

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.deactivate();
        }
    }

    private void configure(Object switchingLatency) {
        manager.modified(ComponentContexts.withProperties(
                Map.of(OsgiPropertyConstants.SWITCHING_LATENCY_NANOS, switchingLatency)));
        manager.awaitQueuedWork();
        manager.awaitQueuedWork();
    }

    @Test
    void thePropertyIsRegisteredWhileActiveWithThePlannersDefault() throws IOException {
        assertEquals(List.of(FabricManager.class), cluster.componentConfig.registered());
        assertEquals(PathPlanner.DEFAULT_SWITCHING_NANOS, OsgiPropertyConstants.SWITCHING_LATENCY_NANOS_DEFAULT);
        assertEquals(PathPlanner.DEFAULT_SWITCHING_NANOS, manager.switchingLatencyNanos());
        // What ComponentConfigService.registerProperties reads in ONOS: the cfgdef generated from @Component.
        try (InputStream cfgdef = FabricManager.class.getResourceAsStream("FabricManager.cfgdef")) {
            String definition = new String(cfgdef.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(definition.contains("\nswitchingLatencyNanos|LONG|5000|"), definition);
        }
        manager.deactivate();
        manager = null;
        assertTrue(cluster.componentConfig.registered().isEmpty());
    }

    @Test
    void aNewLatencyRePlansEveryIntent() {
        List<FabricEvent> events = new CopyOnWriteArrayList<>();
        manager.addListener(events::add);
        IntentStatus before = manager.addIntent(PathIntentParser.parseCommand("metro-path-add p1 h1a h4a"));
        assertEquals(LINKS_NANOS + 3 * 5_000, before.latencyNanos());

        configure("3000");

        assertEquals(3_000, manager.switchingLatencyNanos());
        IntentStatus after = manager.intent("p1").get();
        assertEquals(IntentState.INSTALLED, after.state());
        assertEquals(SPINE1, after.spine(), "a path that still holds stays");
        assertEquals(LINKS_NANOS + 3 * 3_000, after.latencyNanos());
        assertTrue(events.stream().anyMatch(e -> e.type() == FabricEvent.Type.INTENT_UPDATED
                && e.subject().latencyNanos() == after.latencyNanos()), events.toString());

        configure(4_000L);
        assertEquals(LINKS_NANOS + 3 * 4_000, manager.intent("p1").get().latencyNanos(), "a typed Long is read too");
    }

    @Test
    void anIntentThatNoLongerMeetsItsBudgetIsDegradedAndComesBack() {
        manager.addIntent(PathIntentParser.parseCommand("metro-path-add p1 h1a h4a --latency-us 260"));
        assertEquals(1, cluster.switches.rules(LEAF1, MetroConstants.PATH_PINNING).size());

        configure("7000");
        IntentStatus degraded = manager.intent("p1").get();
        assertEquals(IntentState.DEGRADED, degraded.state());
        assertTrue(degraded.reason().startsWith("LATENCY"), degraded.reason());
        assertTrue(cluster.switches.rules(LEAF1, MetroConstants.PATH_PINNING).isEmpty(), "its pins are gone");

        configure("5000");
        assertEquals(IntentState.INSTALLED, manager.intent("p1").get().state());
        assertEquals(1, cluster.switches.rules(LEAF1, MetroConstants.PATH_PINNING).size());
    }

    @Test
    void badValuesAreRefusedAndChangeNothing() {
        manager.addIntent(PathIntentParser.parseCommand("metro-path-add p1 h1a h4a"));
        List<IntentStatus> intents = manager.intents();
        Map<DeviceId, String> tables = cluster.switches.contents();
        cluster.switches.clearWrites();

        for (Object bad : List.of("-1", -1L, "abc", "", "1.5", "5000ns", "99999999999999999999")) {
            configure(bad);
            assertEquals(5_000, manager.switchingLatencyNanos(), "refused: " + bad);
        }
        manager.modified(ComponentContexts.empty());
        manager.awaitQueuedWork();

        assertEquals(5_000, manager.switchingLatencyNanos(), "an absent property keeps the value in force");
        assertEquals(intents, manager.intents());
        assertEquals(tables, cluster.switches.contents());
        assertTrue(cluster.switches.writes().isEmpty(), cluster.switches.writes().toString());
    }

    @Test
    void aLatencyConfiguredBeforeActivationIsUsedFromTheStart() {
        manager.deactivate();
        manager = cluster.start("a", ComponentContexts.withProperties(
                Map.of(OsgiPropertyConstants.SWITCHING_LATENCY_NANOS, 0L)));
        assertEquals(0, manager.switchingLatencyNanos());
        assertEquals(LINKS_NANOS, manager.addIntent(PathIntentParser.parseCommand("metro-path-add p1 h1a h4a"))
                .latencyNanos());
    }
}
