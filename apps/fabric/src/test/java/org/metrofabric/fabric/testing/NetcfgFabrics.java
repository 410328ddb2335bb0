package org.metrofabric.fabric.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.metrofabric.fabric.api.FabricSnapshot;
import org.metrofabric.fabric.app.config.MetroDeviceConfig;
import org.metrofabric.fabric.app.topology.FabricSnapshotAssembler;
import org.metrofabric.fabric.app.topology.SnapshotAssembly;
import org.onlab.packet.IpAddress;
import org.onlab.packet.VlanId;
import org.onosproject.net.AnnotationKeys;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DefaultAnnotations;
import org.onosproject.net.DefaultHost;
import org.onosproject.net.DefaultLink;
import org.onosproject.net.DeviceId;
import org.onosproject.net.Host;
import org.onosproject.net.HostId;
import org.onosproject.net.HostLocation;
import org.onosproject.net.Link;
import org.onosproject.net.LinkKey;
import org.onosproject.net.SparseAnnotations;
import org.onosproject.net.config.Config;
import org.onosproject.net.config.basics.BasicHostConfig;
import org.onosproject.net.config.basics.BasicLinkConfig;
import org.onosproject.net.provider.ProviderId;

/**
 * Builds a {@link FabricSnapshot} from an ONOS netcfg document such as the ones under
 * topologies/netcfg/ (written by {@code topology netcfg}), the way ONOS would present it to the
 * app: device configs, both directions of every configured link (ACTIVE), and the configured
 * hosts, all handed to {@link FabricSnapshotAssembler}. Every device is available.
 */
public final class NetcfgFabrics {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ProviderId PROVIDER = new ProviderId("netcfg", "org.metrofabric.test");

    private NetcfgFabrics() {
    }

    /** A shipped fabric by topology name, e.g. "metro-2x4". */
    public static FabricSnapshot shipped(String name) {
        return load(topologiesDir().resolve("netcfg/" + name + ".json"));
    }

    public static FabricSnapshot load(Path netcfg) {
        try {
            return fromNetcfg(MAPPER.readTree(Files.readString(netcfg)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FabricSnapshot fromNetcfg(JsonNode netcfg) {
        SnapshotAssembly assembly = assemble(netcfg);
        if (!assembly.problems().isEmpty()) {
            throw new IllegalArgumentException("netcfg problems: " + assembly.problems());
        }
        return assembly.snapshot();
    }

    /** The assembler's view of a netcfg document: configs, links in both directions, hosts. */
    public static SnapshotAssembly assemble(JsonNode netcfg) {
        Map<DeviceId, MetroDeviceConfig> configs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = netcfg.get("devices").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            DeviceId id = DeviceId.deviceId(entry.getKey());
            configs.put(id, deviceConfig(id, entry.getValue().get(MetroDeviceConfig.KEY)));
        }
        List<Link> links = new ArrayList<>();
        Map<LinkKey, BasicLinkConfig> linkConfigs = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = netcfg.get("links").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String[] ends = entry.getKey().split("-");
            ConnectPoint a = ConnectPoint.deviceConnectPoint(ends[0]);
            ConnectPoint b = ConnectPoint.deviceConnectPoint(ends[1]);
            LinkKey key = LinkKey.linkKey(a, b);
            linkConfigs.put(key, init(new BasicLinkConfig(), key, entry.getValue().get("basic")));
            links.add(link(a, b, Link.State.ACTIVE));
            links.add(link(b, a, Link.State.ACTIVE));
        }
        List<Host> hosts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = netcfg.get("hosts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            HostId id = HostId.hostId(entry.getKey());
            BasicHostConfig basic = init(new BasicHostConfig(), id, entry.getValue().get("basic"));
            hosts.add(host(id, basic.name(), basic.locations().iterator().next(), basic.ipAddresses()));
        }
        return FabricSnapshotAssembler.assemble(configs, device -> true, links, linkConfigs::get, hosts);
    }

    public static Link link(ConnectPoint src, ConnectPoint dst, Link.State state) {
        return DefaultLink.builder().providerId(PROVIDER).src(src).dst(dst).type(Link.Type.DIRECT).state(state).build();
    }

    public static Host host(HostId id, String name, ConnectPoint location, Set<IpAddress> ips) {
        SparseAnnotations annotations = name == null ? DefaultAnnotations.EMPTY
                : DefaultAnnotations.builder().set(AnnotationKeys.NAME, name).build();
        return new DefaultHost(PROVIDER, id, id.mac(), VlanId.NONE, new HostLocation(location, 0), ips, annotations);
    }

    /** A config object as ONOS's NetworkConfigRegistry would hand it to the app. */
    public static MetroDeviceConfig deviceConfig(DeviceId id, JsonNode node) {
        return init(new MetroDeviceConfig(), id, node);
    }

    private static <S, C extends Config<S>> C init(C config, S subject, JsonNode node) {
        config.init(subject, "basic", node, MAPPER, applied -> { });
        return config;
    }

    public static Path topologiesDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("topologies/netcfg"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no topologies/netcfg above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("topologies");
    }
}
