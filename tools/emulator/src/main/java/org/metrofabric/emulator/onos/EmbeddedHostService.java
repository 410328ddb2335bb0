package org.metrofabric.emulator.onos;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.metrofabric.topology.model.Ipv4Prefix;
import org.metrofabric.topology.model.Topology;
import org.onlab.packet.IpAddress;
import org.onlab.packet.MacAddress;
import org.onlab.packet.VlanId;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DefaultAnnotations;
import org.onosproject.net.DefaultHost;
import org.onosproject.net.DeviceId;
import org.onosproject.net.Host;
import org.onosproject.net.HostId;
import org.onosproject.net.HostLocation;
import org.onosproject.net.PortNumber;
import org.onosproject.net.host.HostListener;
import org.onosproject.net.host.HostServiceAdapter;

/** The topology's hosts (id {@code MAC/None}, located at their leaf port), known from the start. */
public final class EmbeddedHostService extends HostServiceAdapter {
    private final Map<HostId, Host> hosts = new LinkedHashMap<>();
    private final StrictListenerRegistry<org.onosproject.net.host.HostEvent, HostListener> listeners =
            new StrictListenerRegistry<>();

    public EmbeddedHostService(Topology topology) {
        for (org.metrofabric.topology.model.Host host : topology.hosts()) {
            MacAddress mac = MacAddress.valueOf(host.mac().toOnosString());
            HostId id = HostId.hostId(mac, VlanId.NONE);
            HostLocation location = new HostLocation(DeviceId.deviceId("device:" + host.leaf()),
                    PortNumber.portNumber(host.port()), 0);
            hosts.put(id, new DefaultHost(EmbeddedDeviceService.PROVIDER, id, mac, VlanId.NONE, location,
                    Set.of(IpAddress.valueOf(Ipv4Prefix.addressText(host.ip().address()))),
                    DefaultAnnotations.builder().set("name", host.name()).build()));
        }
    }

    private Set<Host> select(Predicate<Host> filter) {
        Set<Host> result = new LinkedHashSet<>();
        hosts.values().stream().filter(filter).forEach(result::add);
        return result;
    }

    @Override
    public int getHostCount() {
        return hosts.size();
    }

    @Override
    public Iterable<Host> getHosts() {
        return List.copyOf(hosts.values());
    }

    @Override
    public Host getHost(HostId hostId) {
        return hosts.get(hostId);
    }

    @Override
    public Set<Host> getHostsByVlan(VlanId vlanId) {
        return select(h -> h.vlan().equals(vlanId));
    }

    @Override
    public Set<Host> getHostsByMac(MacAddress mac) {
        return select(h -> h.mac().equals(mac));
    }

    @Override
    public Set<Host> getHostsByIp(IpAddress ip) {
        return select(h -> h.ipAddresses().contains(ip));
    }

    @Override
    public Set<Host> getConnectedHosts(ConnectPoint connectPoint) {
        return select(h -> h.locations().stream().anyMatch(l -> new ConnectPoint(l.deviceId(), l.port())
                .equals(connectPoint)));
    }

    @Override
    public Set<Host> getConnectedHosts(DeviceId deviceId) {
        return select(h -> h.locations().stream().anyMatch(l -> l.deviceId().equals(deviceId)));
    }

    @Override
    public void addListener(HostListener listener) {
        listeners.addListener(listener);
    }

    @Override
    public void removeListener(HostListener listener) {
        listeners.removeListener(listener);
    }
}
