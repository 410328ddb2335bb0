package org.metrofabric.emulator.onos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.net.SwitchNode;
import org.metrofabric.onostesting.SharedStorageService;
import org.onosproject.cfg.ComponentConfigAdapter;
import org.onosproject.cluster.NodeId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.config.basics.SubjectFactories;
import org.onosproject.net.pi.model.PiPipeconf;
import org.onosproject.store.service.StorageService;

/**
 * The ONOS core that the MetroFabric apps run on inside the emulator, for one emulated fabric.
 * Cluster-wide state (devices, links, hosts, netcfg, flow rules, groups, storage, app ids,
 * mastership) is shared; each {@link ControllerInstance} adds its own identity, mastership and
 * cluster view, and packet service. Every PI write goes through the devices' {@link PiDeviceClient}s.
 * A device's packet-ins go to the instance that masters it. The first instance masters every
 * device until {@link #setMaster} says otherwise.
 *
 * <p>Threading: the services are synchronized, and events are delivered on the thread that caused
 * them (the emulator's loop for link events, and for packet events when the device layer runs its
 * callbacks there; the caller's for writes). Over switches served in real time ({@code emulator serve
 * --control onos}) packet-ins arrive on gRPC's threads, and every switch access goes through the
 * served target, which hands it to the loop; the packet service's timestamps read the loop's clock
 * as it stands, so they may lag the frame's own time by the events run since.
 */
public final class EmbeddedOnos {
    private final Fabric fabric;
    private final PiPipeconf pipeconf;
    private final Map<DeviceId, PiDeviceClient> clients;
    private final EmbeddedDeviceService devices;
    private final EmbeddedLinkService links;
    private final EmbeddedHostService hosts;
    private final EmbeddedNetworkConfig netcfg = new EmbeddedNetworkConfig();
    private final EmbeddedCoreService core = new EmbeddedCoreService();
    private final SharedStorageService storage = new SharedStorageService();
    private final ComponentConfigAdapter componentConfig = new ComponentConfigAdapter();
    private final EmbeddedPipeconfService pipeconfs = new EmbeddedPipeconfService(netcfg);
    private final EmbeddedMastership mastership = new EmbeddedMastership();
    private final EmbeddedFlowRuleService flowRules;
    private final EmbeddedGroupService groups;
    private final Map<NodeId, ControllerInstance> instances = new LinkedHashMap<>();
    private AutoCloseable deviceLayer = () -> { };

    private EmbeddedOnos(Fabric fabric, PiPipeconf pipeconf, Map<DeviceId, PiDeviceClient> clients,
                         EmbeddedDeviceService devices) {
        this.fabric = fabric;
        this.pipeconf = pipeconf;
        this.clients = Collections.unmodifiableMap(clients);
        this.devices = devices;
        this.links = new EmbeddedLinkService(fabric);
        this.hosts = new EmbeddedHostService(fabric.topology());
        this.flowRules = new EmbeddedFlowRuleService(this.clients, new FlowRuleTranslator(pipeconf.pipelineModel()));
        this.groups = new EmbeddedGroupService(this.clients, new GroupTranslator(pipeconf.pipelineModel()));
        SubjectFactories.setCoreService(core);
        this.clients.forEach((deviceId, client) -> client.setPacketInListener(op -> packetIn(deviceId, op)));
    }

    /** A runtime whose devices are the fabric's p4sim switches, reached directly. */
    public static EmbeddedOnos direct(Fabric fabric, PiPipeconf pipeconf) {
        EmbeddedDeviceService devices = new EmbeddedDeviceService(fabric);
        Map<DeviceId, PiDeviceClient> clients = new LinkedHashMap<>();
        for (SwitchNode node : fabric.switches().values()) {
            DeviceId id = devices.deviceIdOf(node);
            clients.put(id, new SwitchControlClient(id, node, fabric.scheduler()));
        }
        return new EmbeddedOnos(fabric, pipeconf, clients, devices);
    }

    /**
     * A runtime whose devices are the fabric's p4sim switches, each served as a P4Runtime device and
     * reached by a gRPC client (in-process transport); {@link #close()} stops them.
     */
    public static EmbeddedOnos overP4Runtime(Fabric fabric, PiPipeconf pipeconf) {
        return overP4Runtime(fabric, pipeconf, P4RuntimeFabric.inProcess(fabric));
    }

    /**
     * A runtime whose devices are reached by {@code served}'s P4Runtime clients (e.g. connected to
     * switches {@code emulator serve} also serves on TCP); {@link #close()} closes them.
     */
    public static EmbeddedOnos overP4Runtime(Fabric fabric, PiPipeconf pipeconf, P4RuntimeFabric served) {
        EmbeddedOnos onos = withClients(fabric, pipeconf, new LinkedHashMap<>(served.clients()));
        onos.deviceLayer = served;
        return onos;
    }

    /** A runtime that reaches each device through the given client (e.g. over P4Runtime). */
    public static EmbeddedOnos withClients(Fabric fabric, PiPipeconf pipeconf, Map<DeviceId, PiDeviceClient> clients) {
        EmbeddedDeviceService devices = new EmbeddedDeviceService(fabric);
        if (!clients.keySet().equals(devices.deviceIds())) {
            throw new IllegalArgumentException("clients are for " + clients.keySet() + ", the fabric's devices are "
                    + devices.deviceIds());
        }
        return new EmbeddedOnos(fabric, pipeconf, new LinkedHashMap<>(clients), devices);
    }

    /** Starts a controller instance named {@code nodeId}. */
    public synchronized ControllerInstance addInstance(String nodeId) {
        NodeId id = NodeId.nodeId(nodeId);
        mastership.addNode(id);
        ControllerInstance instance = new ControllerInstance(id, this);
        instances.put(id, instance);
        for (DeviceId device : devices.deviceIds()) {
            if (mastership.masterOf(device).isEmpty()) {
                mastership.setMaster(device, id);
            }
        }
        return instance;
    }

    /** Makes instance {@code nodeId} the master of {@code device} (MASTER_CHANGED to all instances). */
    public void setMaster(DeviceId device, String nodeId) {
        if (!devices.deviceIds().contains(device)) {
            throw new IllegalArgumentException("no device " + device + " in the emulated fabric");
        }
        mastership.setMaster(device, NodeId.nodeId(nodeId));
    }

    /** Applies a netcfg document (e.g. tools/topology's) to the cluster's network configuration. */
    public void applyNetcfg(JsonNode document) {
        netcfg.applyNetcfg(document);
    }

    /** The switch dies: its links go down and the controller loses it. */
    public void failSwitch(String name) {
        DeviceId id = devices.deviceIdOf(fabric.switchNode(name));
        fabric.failSwitch(name);
        devices.setAvailable(id, false);
    }

    /** The switch comes back with its links. */
    public void restoreSwitch(String name) {
        DeviceId id = devices.deviceIdOf(fabric.switchNode(name));
        devices.setAvailable(id, true);
        fabric.restoreSwitch(name);
    }

    private void packetIn(DeviceId deviceId, org.onosproject.net.pi.runtime.PiPacketOperation operation) {
        if (!devices.isAvailable(deviceId)) {
            return;
        }
        mastership.masterOf(deviceId).map(instances::get)
                .ifPresent(instance -> instance.packetService().packetIn(deviceId, operation));
    }

    /** Stops what connects the runtime to its devices (the P4Runtime server and clients, if any). */
    public void close() {
        try {
            deviceLayer.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the device layer failed: " + e.getMessage(), e);
        }
    }

    public Fabric fabric() {
        return fabric;
    }

    public PiPipeconf pipeconf() {
        return pipeconf;
    }

    public PiDeviceClient client(DeviceId deviceId) {
        PiDeviceClient client = clients.get(deviceId);
        if (client == null) {
            throw new IllegalArgumentException("no device " + deviceId + " in the emulated fabric");
        }
        return client;
    }

    Map<DeviceId, PiDeviceClient> clients() {
        return clients;
    }

    public EmbeddedDeviceService deviceService() {
        return devices;
    }

    public EmbeddedLinkService linkService() {
        return links;
    }

    public EmbeddedHostService hostService() {
        return hosts;
    }

    public EmbeddedNetworkConfig networkConfig() {
        return netcfg;
    }

    public EmbeddedFlowRuleService flowRuleService() {
        return flowRules;
    }

    public EmbeddedGroupService groupService() {
        return groups;
    }

    public StorageService storageService() {
        return storage;
    }

    EmbeddedCoreService coreService() {
        return core;
    }

    public EmbeddedPipeconfService pipeconfService() {
        return pipeconfs;
    }

    ComponentConfigAdapter componentConfigService() {
        return componentConfig;
    }

    EmbeddedMastership mastership() {
        return mastership;
    }
}
