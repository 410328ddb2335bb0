package org.metrofabric.emulator.onos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.metrofabric.emulator.fabric.Fabric;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DefaultAnnotations;
import org.onosproject.net.DefaultLink;
import org.onosproject.net.DeviceId;
import org.onosproject.net.Link;
import org.onosproject.net.PortNumber;
import org.onosproject.net.link.LinkEvent;
import org.onosproject.net.link.LinkListener;
import org.onosproject.net.link.LinkServiceAdapter;

/**
 * The infrastructure links of an emulated fabric: two directed ONOS links per spine-leaf link of
 * the topology, annotated with latency and bandwidth. A link that goes down disappears (both
 * directions, LINK_REMOVED each), as when ONOS stops seeing it; it comes back with LINK_ADDED.
 */
public final class EmbeddedLinkService extends LinkServiceAdapter {
    private final Map<org.metrofabric.emulator.net.Link, List<Link>> directedLinks = new LinkedHashMap<>();
    private final Set<org.metrofabric.emulator.net.Link> down = new LinkedHashSet<>();
    private final StrictListenerRegistry<LinkEvent, LinkListener> listeners = new StrictListenerRegistry<>();

    public EmbeddedLinkService(Fabric fabric) {
        for (org.metrofabric.topology.model.Link link : fabric.topology().links()) {
            ConnectPoint a = connectPoint(link.a().device(), link.a().port());
            ConnectPoint b = connectPoint(link.b().device(), link.b().port());
            DefaultAnnotations annotations = DefaultAnnotations.builder()
                    .set("latency", Long.toString(link.latencyNanos()))
                    .set("bandwidth", Long.toString(link.capacityMbps()))
                    .build();
            org.metrofabric.emulator.net.Link emulated = fabric.link(link.a().device(), link.b().device());
            directedLinks.put(emulated, List.of(directed(a, b, annotations), directed(b, a, annotations)));
            if (!emulated.isUp()) {
                down.add(emulated);
            }
        }
        fabric.network().addLinkListener((link, up, time) -> linkChanged(link, up));
    }

    private static ConnectPoint connectPoint(String device, int port) {
        return new ConnectPoint(DeviceId.deviceId("device:" + device), PortNumber.portNumber(port));
    }

    private static Link directed(ConnectPoint src, ConnectPoint dst, DefaultAnnotations annotations) {
        return DefaultLink.builder().providerId(EmbeddedDeviceService.PROVIDER).src(src).dst(dst)
                .type(Link.Type.DIRECT).state(Link.State.ACTIVE).annotations(annotations).build();
    }

    private synchronized void linkChanged(org.metrofabric.emulator.net.Link link, boolean up) {
        List<Link> links = directedLinks.get(link);
        if (links == null) {
            return;
        }
        boolean changed = up ? down.remove(link) : down.add(link);
        if (changed) {
            for (Link directed : links) {
                listeners.process(new LinkEvent(up ? LinkEvent.Type.LINK_ADDED : LinkEvent.Type.LINK_REMOVED,
                        directed));
            }
        }
    }

    private Set<Link> select(Predicate<Link> filter) {
        Set<Link> result = new LinkedHashSet<>();
        directedLinks.forEach((emulated, links) -> {
            if (!down.contains(emulated)) {
                links.stream().filter(filter).forEach(result::add);
            }
        });
        return result;
    }

    @Override
    public synchronized int getLinkCount() {
        return select(l -> true).size();
    }

    @Override
    public synchronized Iterable<Link> getLinks() {
        return new ArrayList<>(select(l -> true));
    }

    @Override
    public synchronized Iterable<Link> getActiveLinks() {
        return getLinks();
    }

    @Override
    public synchronized Set<Link> getDeviceLinks(DeviceId deviceId) {
        return select(l -> l.src().deviceId().equals(deviceId) || l.dst().deviceId().equals(deviceId));
    }

    @Override
    public synchronized Set<Link> getDeviceEgressLinks(DeviceId deviceId) {
        return select(l -> l.src().deviceId().equals(deviceId));
    }

    @Override
    public synchronized Set<Link> getDeviceIngressLinks(DeviceId deviceId) {
        return select(l -> l.dst().deviceId().equals(deviceId));
    }

    @Override
    public synchronized Set<Link> getLinks(ConnectPoint connectPoint) {
        return select(l -> l.src().equals(connectPoint) || l.dst().equals(connectPoint));
    }

    @Override
    public synchronized Set<Link> getEgressLinks(ConnectPoint connectPoint) {
        return select(l -> l.src().equals(connectPoint));
    }

    @Override
    public synchronized Set<Link> getIngressLinks(ConnectPoint connectPoint) {
        return select(l -> l.dst().equals(connectPoint));
    }

    @Override
    public synchronized Link getLink(ConnectPoint src, ConnectPoint dst) {
        return select(l -> l.src().equals(src) && l.dst().equals(dst)).stream().findFirst().orElse(null);
    }

    @Override
    public void addListener(LinkListener listener) {
        listeners.addListener(listener);
    }

    @Override
    public void removeListener(LinkListener listener) {
        listeners.removeListener(listener);
    }
}
