package org.metrofabric.fabric.app;

import org.metrofabric.fabric.testing.ComponentContexts;
import org.metrofabric.fabric.testing.FakeNetwork;
import org.metrofabric.fabric.testing.FakeSwitches;
import org.metrofabric.fabric.testing.RecordingComponentConfigService;
import org.metrofabric.fabric.testing.RecordingPacketService;
import org.metrofabric.fabric.testing.SplitMastership;
import org.metrofabric.onostesting.SharedStorageService;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreServiceAdapter;
import org.onosproject.core.DefaultApplicationId;
import org.osgi.service.component.ComponentContext;

/** Builds FabricManager instances of one test cluster: one network, switches, store and mastership. */
public final class Instances {
    static final ApplicationId APP = new DefaultApplicationId(42, FabricManager.APP_NAME);

    public final FakeNetwork network;
    public final FakeSwitches switches = new FakeSwitches();
    public final SharedStorageService storage = new SharedStorageService();
    public final SplitMastership mastership = new SplitMastership();
    public final RecordingPacketService packets = new RecordingPacketService();
    public final RecordingComponentConfigService componentConfig = new RecordingComponentConfigService();

    public Instances(FakeNetwork network) {
        this.network = network;
    }

    /** An activated instance on node {@code node}, its component properties not configured. */
    public FabricManager start(String node) {
        return start(node, ComponentContexts.empty());
    }

    /** An activated instance on node {@code node}, activated with {@code context}'s properties. */
    public FabricManager start(String node, ComponentContext context) {
        FabricManager manager = new FabricManager();
        manager.coreService = new CoreServiceAdapter() {
            @Override
            public ApplicationId registerApplication(String name) {
                return APP;
            }
        };
        manager.deviceService = network.deviceService();
        manager.linkService = network.linkService();
        manager.hostService = network.hostService();
        manager.configRegistry = network.configService();
        manager.configService = manager.configRegistry;
        manager.flowRuleService = switches.flowRuleService(node);
        manager.groupService = switches.groupService(node);
        manager.mastershipService = mastership.serviceFor(node);
        manager.storageService = storage;
        manager.packetService = packets;
        manager.componentConfigService = componentConfig;
        manager.activate(context);
        manager.awaitQueuedWork();
        return manager;
    }

    /** One instance on metro-2x4 mastering every switch. */
    public static FabricManager single(Instances cluster) {
        cluster.network.devices().forEach(d -> cluster.mastership.setMaster(d, "a"));
        return cluster.start("a");
    }

    public static void stop(FabricManager manager) {
        manager.deactivate();
    }

    /** Waits until no instance has work queued (one instance's store writes queue work on the others). */
    static void settle(FabricManager... managers) {
        for (int round = 0; round < 3; round++) {
            for (FabricManager manager : managers) {
                manager.awaitQueuedWork();
            }
        }
    }
}
