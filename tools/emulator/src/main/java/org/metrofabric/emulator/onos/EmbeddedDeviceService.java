package org.metrofabric.emulator.onos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.net.Endpoint;
import org.metrofabric.emulator.net.Link;
import org.metrofabric.emulator.net.SwitchNode;
import org.metrofabric.topology.model.Switch;
import org.metrofabric.topology.netcfg.NetcfgWriter;
import org.onlab.packet.ChassisId;
import org.onosproject.net.AnnotationKeys;
import org.onosproject.net.DefaultAnnotations;
import org.onosproject.net.DefaultDevice;
import org.onosproject.net.DefaultPort;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.Port;
import org.onosproject.net.PortNumber;
import org.onosproject.net.device.DeviceEvent;
import org.onosproject.net.device.DeviceListener;
import org.onosproject.net.device.DeviceServiceAdapter;
import org.onosproject.net.provider.ProviderId;

/**
 * The devices of an emulated fabric as ONOS sees them: one BMv2-like switch per spine and leaf
 * (id {@code device:NAME}), with the ports the topology uses (link ports carry the link speed).
 * A port is enabled while its link is up; every change is a PORT_UPDATED event, and
 * {@link #setAvailable} raises DEVICE_AVAILABILITY_CHANGED.
 */
public final class EmbeddedDeviceService extends DeviceServiceAdapter {
    static final ProviderId PROVIDER = new ProviderId("emulator", "org.metrofabric.emulator");

    private final Map<DeviceId, Device> devices = new LinkedHashMap<>();
    private final Map<DeviceId, Map<PortNumber, Port>> ports = new LinkedHashMap<>();
    private final Map<DeviceId, Boolean> available = new LinkedHashMap<>();
    private final Map<SwitchNode, DeviceId> deviceOfNode = new LinkedHashMap<>();
    private final StrictListenerRegistry<DeviceEvent, DeviceListener> listeners = new StrictListenerRegistry<>();

    public EmbeddedDeviceService(Fabric fabric) {
        for (Switch sw : fabric.topology().switches()) {
            DeviceId id = DeviceId.deviceId(sw.onosDeviceId());
            Device device = new DefaultDevice(PROVIDER, id, Device.Type.SWITCH, "p4sim", "v1model", "metro.p4",
                    Long.toString(sw.deviceId()), new ChassisId(sw.deviceId()), DefaultAnnotations.builder()
                    .set(AnnotationKeys.NAME, sw.name())
                    .set(AnnotationKeys.DRIVER, NetcfgWriter.DRIVER)
                    .set(AnnotationKeys.MANAGEMENT_ADDRESS, "grpc://" + NetcfgWriter.MANAGEMENT_HOST + ":"
                            + sw.grpcPort() + "?device_id=" + sw.deviceId())
                    .build());
            devices.put(id, device);
            available.put(id, true);
            ports.put(id, new TreeMap<>(Comparator.comparingLong(PortNumber::toLong)));
            deviceOfNode.put(fabric.switchNode(sw.name()), id);
        }
        for (org.metrofabric.topology.model.Link link : fabric.topology().links()) {
            long speed = link.capacityMbps();
            addPort(link.a().device(), link.a().port(), speed);
            addPort(link.b().device(), link.b().port(), speed);
        }
        for (org.metrofabric.topology.model.Host host : fabric.topology().hosts()) {
            addPort(host.leaf(), host.port(), 0);
        }
        fabric.network().addLinkListener((link, up, time) -> linkChanged(link, up));
    }

    private void addPort(String deviceName, int number, long speedMbps) {
        DeviceId id = DeviceId.deviceId("device:" + deviceName);
        Device device = devices.get(id);
        ports.get(id).put(PortNumber.portNumber(number), new DefaultPort(device, PortNumber.portNumber(number), true,
                Port.Type.COPPER, speedMbps, DefaultAnnotations.builder()
                .set(AnnotationKeys.PORT_NAME, NetcfgWriter.portName(deviceName, number)).build()));
    }

    private synchronized void linkChanged(Link link, boolean up) {
        for (Endpoint end : List.of(link.a(), link.b())) {
            if (end.node() instanceof SwitchNode) {
                setPortEnabled(deviceOfNode.get(end.node()), PortNumber.portNumber(end.port()), up);
            }
        }
    }

    /** Records a port's new link state as a port status change would; PORT_UPDATED if it changed. */
    private synchronized void setPortEnabled(DeviceId deviceId, PortNumber number, boolean enabled) {
        Port port = requirePort(deviceId, number);
        if (port.isEnabled() == enabled) {
            return;
        }
        Port updated = new DefaultPort(port.element(), number, enabled, port.type(), port.portSpeed(),
                port.annotations());
        ports.get(deviceId).put(number, updated);
        listeners.process(new DeviceEvent(DeviceEvent.Type.PORT_UPDATED, devices.get(deviceId), updated));
    }

    /** Marks a device (un)reachable by its controller; DEVICE_AVAILABILITY_CHANGED if it changed. */
    public synchronized void setAvailable(DeviceId deviceId, boolean reachable) {
        Device device = requireDevice(deviceId);
        if (available.put(deviceId, reachable) != reachable) {
            listeners.process(new DeviceEvent(DeviceEvent.Type.DEVICE_AVAILABILITY_CHANGED, device));
        }
    }

    /** The device id of an emulated switch. */
    public synchronized DeviceId deviceIdOf(SwitchNode node) {
        DeviceId id = deviceOfNode.get(node);
        if (id == null) {
            throw new IllegalArgumentException("switch " + node.name() + " is not a device of this fabric");
        }
        return id;
    }

    private Device requireDevice(DeviceId deviceId) {
        Device device = devices.get(deviceId);
        if (device == null) {
            throw new IllegalArgumentException("no device " + deviceId + " in the emulated fabric");
        }
        return device;
    }

    private Port requirePort(DeviceId deviceId, PortNumber number) {
        requireDevice(deviceId);
        Port port = ports.get(deviceId).get(number);
        if (port == null) {
            throw new IllegalArgumentException("device " + deviceId + " has no port " + number);
        }
        return port;
    }

    @Override
    public synchronized int getDeviceCount() {
        return devices.size();
    }

    @Override
    public synchronized int getAvailableDeviceCount() {
        return (int) available.values().stream().filter(Boolean::booleanValue).count();
    }

    @Override
    public synchronized Iterable<Device> getDevices() {
        return List.copyOf(devices.values());
    }

    @Override
    public synchronized Iterable<Device> getAvailableDevices() {
        List<Device> result = new ArrayList<>();
        devices.forEach((id, device) -> {
            if (available.get(id)) {
                result.add(device);
            }
        });
        return result;
    }

    @Override
    public synchronized Iterable<Device> getDevices(Device.Type type) {
        return type == Device.Type.SWITCH ? getDevices() : List.of();
    }

    @Override
    public synchronized Iterable<Device> getAvailableDevices(Device.Type type) {
        return type == Device.Type.SWITCH ? getAvailableDevices() : List.of();
    }

    @Override
    public synchronized Device getDevice(DeviceId deviceId) {
        return devices.get(deviceId);
    }

    @Override
    public synchronized List<Port> getPorts(DeviceId deviceId) {
        Map<PortNumber, Port> devicePorts = ports.get(deviceId);
        return devicePorts == null ? List.of() : List.copyOf(devicePorts.values());
    }

    @Override
    public synchronized Port getPort(DeviceId deviceId, PortNumber portNumber) {
        Map<PortNumber, Port> devicePorts = ports.get(deviceId);
        return devicePorts == null ? null : devicePorts.get(portNumber);
    }

    @Override
    public synchronized boolean isAvailable(DeviceId deviceId) {
        return available.getOrDefault(deviceId, false);
    }

    /** Device ids in topology order (spines first). */
    public synchronized Set<DeviceId> deviceIds() {
        return Collections.unmodifiableSet(devices.keySet());
    }

    @Override
    public void addListener(DeviceListener listener) {
        listeners.addListener(listener);
    }

    @Override
    public void removeListener(DeviceListener listener) {
        listeners.removeListener(listener);
    }
}
