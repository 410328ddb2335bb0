package org.metrofabric.fabric.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.metrofabric.fabric.app.config.MetroDeviceConfig;
import org.onlab.packet.ChassisId;
import org.onlab.packet.IpAddress;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DefaultDevice;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.Host;
import org.onosproject.net.HostId;
import org.onosproject.net.Link;
import org.onosproject.net.LinkKey;
import org.onosproject.net.config.Config;
import org.onosproject.net.config.NetworkConfigEvent;
import org.onosproject.net.config.NetworkConfigListener;
import org.onosproject.net.config.NetworkConfigRegistryAdapter;
import org.onosproject.net.config.basics.BasicHostConfig;
import org.onosproject.net.config.basics.BasicLinkConfig;
import org.onosproject.net.device.DeviceEvent;
import org.onosproject.net.device.DeviceListener;
import org.onosproject.net.device.DeviceServiceAdapter;
import org.onosproject.net.host.HostServiceAdapter;
import org.onosproject.net.link.LinkEvent;
import org.onosproject.net.link.LinkListener;
import org.onosproject.net.link.LinkServiceAdapter;
import org.onosproject.net.provider.ProviderId;

/**
 * The ONOS view of a fabric read from a shipped netcfg file: device configs, links (both
 * directions, ACTIVE until failed), hosts and device availability, behind the ONOS service
 * adapters the app references. Several app instances may share one network. Every device of the
 * file stays connected when its {@code metrofabric} config is removed.
 */
public final class FakeNetwork {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ProviderId PROVIDER = new ProviderId("netcfg", "org.metrofabric.test");

    /** The devices of the file, with the config it gives each. */
    private final Map<DeviceId, MetroDeviceConfig> shippedConfigs = new LinkedHashMap<>();
    /** The configs in force. */
    private final Map<DeviceId, MetroDeviceConfig> configs = new LinkedHashMap<>();
    private final Map<LinkKey, BasicLinkConfig> linkConfigs = new LinkedHashMap<>();
    private final Map<LinkKey, Link> links = new LinkedHashMap<>();
    private final List<Host> hosts = new ArrayList<>();
    private final Set<DeviceId> down = new HashSet<>();
    private final List<LinkListener> linkListeners = new ArrayList<>();
    private final List<DeviceListener> deviceListeners = new ArrayList<>();
    private final List<NetworkConfigListener> configListeners = new ArrayList<>();

    public static FakeNetwork shipped(String name) {
        try {
            return new FakeNetwork(MAPPER.readTree(NetcfgFabrics.topologiesDir().resolve("netcfg/" + name + ".json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FakeNetwork(JsonNode netcfg) {
        for (Iterator<Map.Entry<String, JsonNode>> it = netcfg.get("devices").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            DeviceId id = DeviceId.deviceId(entry.getKey());
            shippedConfigs.put(id, NetcfgFabrics.deviceConfig(id, entry.getValue().get(MetroDeviceConfig.KEY)));
        }
        configs.putAll(shippedConfigs);
        for (Iterator<Map.Entry<String, JsonNode>> it = netcfg.get("links").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String[] ends = entry.getKey().split("-");
            ConnectPoint a = ConnectPoint.deviceConnectPoint(ends[0]);
            ConnectPoint b = ConnectPoint.deviceConnectPoint(ends[1]);
            linkConfigs.put(LinkKey.linkKey(a, b), init(new BasicLinkConfig(), LinkKey.linkKey(a, b), entry.getValue().get("basic")));
            links.put(LinkKey.linkKey(a, b), NetcfgFabrics.link(a, b, Link.State.ACTIVE));
            links.put(LinkKey.linkKey(b, a), NetcfgFabrics.link(b, a, Link.State.ACTIVE));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = netcfg.get("hosts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            HostId id = HostId.hostId(entry.getKey());
            BasicHostConfig basic = init(new BasicHostConfig(), id, entry.getValue().get("basic"));
            hosts.add(NetcfgFabrics.host(id, basic.name(), basic.locations().iterator().next(), basic.ipAddresses()));
        }
    }

    private static <S, C extends Config<S>> C init(C config, S subject, JsonNode node) {
        config.init(subject, "basic", node, MAPPER, applied -> { });
        return config;
    }

    /** Every device of the file, configured or not. */
    public Set<DeviceId> devices() {
        return shippedConfigs.keySet();
    }

    /** Removes a device's {@code metrofabric} config (the device stays connected) and tells the listeners. */
    public void removeConfig(DeviceId device) {
        MetroDeviceConfig removed;
        synchronized (this) {
            removed = configs.remove(device);
        }
        if (removed == null) {
            throw new IllegalArgumentException(device + " has no metrofabric config to remove");
        }
        tellConfigListeners(new NetworkConfigEvent(NetworkConfigEvent.Type.CONFIG_REMOVED, device, null, removed,
                MetroDeviceConfig.class));
    }

    /** Gives a device back the config the file gives it, and tells the listeners. */
    public void restoreConfig(DeviceId device) {
        MetroDeviceConfig shipped = shippedConfigs.get(device);
        if (shipped == null) {
            throw new IllegalArgumentException(device + " is not a device of this network");
        }
        synchronized (this) {
            configs.put(device, shipped);
        }
        tellConfigListeners(new NetworkConfigEvent(NetworkConfigEvent.Type.CONFIG_ADDED, device, shipped, null,
                MetroDeviceConfig.class));
    }

    private void tellConfigListeners(NetworkConfigEvent event) {
        List<NetworkConfigListener> toTell;
        synchronized (this) {
            toTell = new ArrayList<>(configListeners);
        }
        toTell.forEach(l -> {
            if (l.isRelevant(event)) {
                l.event(event);
            }
        });
    }

    /** The controller loses or regains a device, and tells the listeners. */
    public void setDeviceAvailable(DeviceId device, boolean available) {
        List<DeviceListener> toTell;
        synchronized (this) {
            if (!shippedConfigs.containsKey(device)) {
                throw new IllegalArgumentException(device + " is not a device of this network");
            }
            if (available) {
                down.remove(device);
            } else {
                down.add(device);
            }
            toTell = new ArrayList<>(deviceListeners);
        }
        DeviceEvent event = new DeviceEvent(DeviceEvent.Type.DEVICE_AVAILABILITY_CHANGED, device(device));
        toTell.forEach(l -> {
            if (l.isRelevant(event)) {
                l.event(event);
            }
        });
    }

    private static Device device(DeviceId id) {
        return new DefaultDevice(PROVIDER, id, Device.Type.SWITCH, "metrofabric", "p4sim", "1", id.toString(),
                new ChassisId());
    }

    /** Fails or restores the link between two ports, both directions, and tells the listeners. */
    public void setLinkUp(ConnectPoint a, ConnectPoint b, boolean up) {
        List<LinkEvent> events = new ArrayList<>();
        List<LinkListener> toTell;
        synchronized (this) {
            for (LinkKey key : List.of(LinkKey.linkKey(a, b), LinkKey.linkKey(b, a))) {
                Link link = NetcfgFabrics.link(key.src(), key.dst(), up ? Link.State.ACTIVE : Link.State.INACTIVE);
                links.put(key, link);
                events.add(new LinkEvent(LinkEvent.Type.LINK_UPDATED, link));
            }
            toTell = new ArrayList<>(linkListeners);
        }
        events.forEach(e -> toTell.forEach(l -> l.event(e)));
    }

    public NetworkConfigRegistryAdapter configService() {
        return new NetworkConfigRegistryAdapter() {
            @Override
            @SuppressWarnings("unchecked")
            public <S, C extends Config<S>> Set<S> getSubjects(Class<S> subjectClass, Class<C> configClass) {
                synchronized (FakeNetwork.this) {
                    return configClass == MetroDeviceConfig.class ? (Set<S>) new HashSet<>(configs.keySet()) : Set.of();
                }
            }

            @Override
            @SuppressWarnings("unchecked")
            public <S, C extends Config<S>> C getConfig(S subject, Class<C> configClass) {
                if (configClass == MetroDeviceConfig.class) {
                    synchronized (FakeNetwork.this) {
                        return (C) configs.get(subject);
                    }
                }
                return configClass == BasicLinkConfig.class ? (C) linkConfigs.get(subject) : null;
            }

            @Override
            public void addListener(NetworkConfigListener listener) {
                synchronized (FakeNetwork.this) {
                    configListeners.add(listener);
                }
            }

            @Override
            public void removeListener(NetworkConfigListener listener) {
                synchronized (FakeNetwork.this) {
                    configListeners.remove(listener);
                }
            }
        };
    }

    public DeviceServiceAdapter deviceService() {
        return new DeviceServiceAdapter() {
            @Override
            public boolean isAvailable(DeviceId deviceId) {
                synchronized (FakeNetwork.this) {
                    return shippedConfigs.containsKey(deviceId) && !down.contains(deviceId);
                }
            }

            @Override
            public Iterable<Device> getAvailableDevices() {
                synchronized (FakeNetwork.this) {
                    List<Device> available = new ArrayList<>();
                    for (DeviceId id : shippedConfigs.keySet()) {
                        if (!down.contains(id)) {
                            available.add(device(id));
                        }
                    }
                    return available;
                }
            }

            @Override
            public void addListener(DeviceListener listener) {
                synchronized (FakeNetwork.this) {
                    deviceListeners.add(listener);
                }
            }

            @Override
            public void removeListener(DeviceListener listener) {
                synchronized (FakeNetwork.this) {
                    deviceListeners.remove(listener);
                }
            }
        };
    }

    public LinkServiceAdapter linkService() {
        return new LinkServiceAdapter() {
            @Override
            public Iterable<Link> getLinks() {
                synchronized (FakeNetwork.this) {
                    return new ArrayList<>(links.values());
                }
            }

            @Override
            public void addListener(LinkListener listener) {
                synchronized (FakeNetwork.this) {
                    linkListeners.add(listener);
                }
            }

            @Override
            public void removeListener(LinkListener listener) {
                synchronized (FakeNetwork.this) {
                    linkListeners.remove(listener);
                }
            }
        };
    }

    public HostServiceAdapter hostService() {
        return new HostServiceAdapter() {
            @Override
            public Iterable<Host> getHosts() {
                return List.copyOf(hosts);
            }

            @Override
            public Set<Host> getHostsByIp(IpAddress ip) {
                return hosts.stream().filter(h -> h.ipAddresses().contains(ip)).collect(Collectors.toSet());
            }
        };
    }
}
