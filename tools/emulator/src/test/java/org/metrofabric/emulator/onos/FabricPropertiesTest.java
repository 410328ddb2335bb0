package org.metrofabric.emulator.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.fabric.api.IntentStatus;
import org.metrofabric.fabric.api.PathIntentParser;
import org.metrofabric.fabric.app.FabricManager;
import org.metrofabric.fabric.app.OsgiPropertyConstants;
import org.metrofabric.topology.netcfg.NetcfgWriter;

/**
 * The unchanged fabric app's component properties on the embedded runtime: activated without
 * configuration it uses the defaults; {@link ControllerInstance#modify} changes them as
 * {@code cfg set} would, and the app re-plans.
 */
class FabricPropertiesTest {
    private final EmbeddedOnos onos = OnosFixture.onos(OnosFixture.fabric());
    private final ControllerInstance controller;
    private final FabricManager manager;

    FabricPropertiesTest() {
        onos.applyNetcfg(NetcfgWriter.write(OnosFixture.METRO_2X4));
        controller = onos.addInstance("c1");
        manager = controller.activate(new FabricManager());
        manager.awaitQueuedWork();
    }

    @AfterEach
    void stop() {
        controller.shutdown();
        onos.close();
    }

    @Test
    void aSwitchingLatencySetOnTheRunningAppRePlansTheIntents() {
        assertEquals(OsgiPropertyConstants.SWITCHING_LATENCY_NANOS_DEFAULT, manager.switchingLatencyNanos());
        IntentStatus before = manager.addIntent(PathIntentParser.parseCommand("metro-path-add p1 h1a h4a"));

        controller.modify(manager, Map.of(OsgiPropertyConstants.SWITCHING_LATENCY_NANOS, "2000"));
        manager.awaitQueuedWork();
        manager.awaitQueuedWork();

        assertEquals(2_000, manager.switchingLatencyNanos());
        assertEquals(before.latencyNanos() - 3 * (OsgiPropertyConstants.SWITCHING_LATENCY_NANOS_DEFAULT - 2_000),
                manager.intent("p1").get().latencyNanos());
    }

    @Test
    void onlyAnActiveComponentWithAModifiedMethodTakesProperties() {
        assertThrows(IllegalArgumentException.class, () -> controller.modify(new FabricManager(), Map.of()));
        Object withoutProperties = controller.activate(new Object());
        assertThrows(IllegalArgumentException.class, () -> controller.modify(withoutProperties, Map.of()));
    }
}
