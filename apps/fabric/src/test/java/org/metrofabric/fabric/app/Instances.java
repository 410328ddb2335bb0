package org.metrofabric.fabric.app;

import org.metrofabric.fabric.testing.FakeNetwork;
import org.metrofabric.fabric.testing.FakeSwitches;
import org.metrofabric.fabric.testing.SharedStorageService;
import org.metrofabric.fabric.testing.SplitMastership;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreServiceAdapter;
import org.onosproject.core.DefaultApplicationId;

/** Builds FabricManager instances of one test cluster: one network, switches, store and mastership. */
final class Instances {
    static final ApplicationId APP = new DefaultApplicationId(42, FabricManager.APP_NAME);

    final FakeNetwork network;
    final FakeSwitches switches = new FakeSwitches();
    final SharedStorageService storage = new SharedStorageService();
    final SplitMastership mastership = new SplitMastership();

    Instances(FakeNetwork network) {
        this.network = network;
    }

    /** An activated instance on node {@code node}. */
    FabricManager start(String node) {
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
        manager.activate();
        manager.awaitQueuedWork();
        return manager;
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
