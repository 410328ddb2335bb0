package org.metrofabric.fabric.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrofabric.fabric.api.FabricEvent;
import org.metrofabric.fabric.api.IntentState;
import org.metrofabric.fabric.api.LinkId;
import org.metrofabric.fabric.api.PathIntent;
import org.metrofabric.fabric.api.PathIntentParser;
import org.metrofabric.fabric.app.planner.Constraint;
import org.metrofabric.fabric.app.planner.PathDecision;
import org.metrofabric.fabric.app.planner.PlacedPath;
import org.metrofabric.fabric.app.planner.Rejection;
import org.metrofabric.onostesting.SharedStorageService;
import org.onlab.packet.IpPrefix;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;

/** Every type the store holds survives the Kryo namespace, and the store keeps admission order. */
class FabricSerializersTest {
    private static final PathIntent HOSTS = PathIntentParser.parseCommand(
            "metro-path-add hosts h1a h4a --latency-us 260 --bandwidth-mbps 1000");
    private static final PathIntent PREFIXES = PathIntentParser.parseCommand(
            "metro-path-add prefixes 10.1.1.0/24 10.1.4.10");
    private static final PlacedPath PATH = new PlacedPath(IpPrefix.valueOf("10.1.1.10/32"),
            IpPrefix.valueOf("10.1.4.0/24"), DeviceId.deviceId("device:spine1"),
            new LinkId(ConnectPoint.deviceConnectPoint("device:spine1/1"), ConnectPoint.deviceConnectPoint("device:leaf1/1")),
            new LinkId(ConnectPoint.deviceConnectPoint("device:spine1/4"), ConnectPoint.deviceConnectPoint("device:leaf4/1")),
            255_000);

    private static <T> T roundTrip(T value) {
        T copy = FabricSerializers.SERIALIZER.decode(FabricSerializers.SERIALIZER.encode(value));
        if (!(value instanceof Enum)) {
            assertNotSame(value, copy);
        }
        assertEquals(value, copy);
        return copy;
    }

    @Test
    void everyStoredTypeRoundTrips() {
        roundTrip(new StoredIntent(1, PathDecision.installed(HOSTS, PATH)));
        for (Constraint constraint : Constraint.values()) {
            Rejection reason = new Rejection(constraint, 7, constraint + " does not hold");
            roundTrip(new StoredIntent(2, PathDecision.degraded(PREFIXES, reason)));
            roundTrip(new StoredIntent(3, PathDecision.rejected(HOSTS, reason)));
        }
        for (IntentState state : IntentState.values()) {
            assertEquals(state, roundTrip(state));
        }
        roundTrip(PATH);
        roundTrip(PREFIXES);
        assertEquals(HOSTS.latencyBudgetMicros(), roundTrip(HOSTS).latencyBudgetMicros());
    }

    @Test
    void theNamespaceRegistersEveryAppTypeItStores() {
        List<Class<?>> types = new ArrayList<>(Arrays.asList(FabricSerializers.APP_TYPES));
        for (Class<?> type : List.of(StoredIntent.class, PathDecision.class, PathIntent.class, PlacedPath.class,
                LinkId.class, Rejection.class, Constraint.class, IntentState.class)) {
            assertTrue(types.contains(type), type.getName());
        }
    }

    @Test
    void storeKeepsAdmissionOrderAndIgnoresUpdatesOfRemovedIntents() {
        DistributedFabricStore store = new DistributedFabricStore(new SharedStorageService());
        List<FabricEvent> events = new ArrayList<>();
        store.setDelegate(events::add);
        PathIntent zeta = PathIntentParser.parseCommand("metro-path-add zeta h1a h4a");
        assertTrue(store.add(PathDecision.installed(zeta, PATH)));
        assertTrue(store.add(PathDecision.installed(PREFIXES, PATH)));
        assertFalse(store.add(PathDecision.installed(zeta, PATH)), "a taken name stores nothing");
        assertEquals(List.of("zeta", "prefixes"), names(store.decisions()));

        int before = events.size();
        store.update(store.decisions());
        assertEquals(before, events.size(), "unchanged decisions are not written");

        PathDecision degraded = PathDecision.degraded(zeta, new Rejection(Constraint.NO_PATH, 0, "no spine"));
        assertTrue(store.remove("zeta"));
        store.update(List.of(degraded));
        assertEquals(List.of("prefixes"), names(store.decisions()));
        List<FabricEvent.Type> types = new ArrayList<>();
        events.forEach(e -> types.add(e.type()));
        assertEquals(List.of(FabricEvent.Type.INTENT_ADDED, FabricEvent.Type.INTENT_ADDED, FabricEvent.Type.INTENT_REMOVED),
                types);
        assertEquals("zeta", events.get(2).subject().name());
        store.close();
    }

    private static List<String> names(List<PathDecision> decisions) {
        List<String> names = new ArrayList<>();
        decisions.forEach(d -> names.add(d.intent().name()));
        return names;
    }
}
