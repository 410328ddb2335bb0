package org.metrofabric.fabric.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.metrofabric.fabric.api.FabricHost;
import org.metrofabric.fabric.api.FabricLink;
import org.metrofabric.fabric.api.FabricSnapshot;
import org.metrofabric.fabric.api.LinkId;
import org.metrofabric.fabric.app.config.MetroDeviceConfig;
import org.onlab.packet.IpAddress;
import org.onlab.packet.MacAddress;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;

/**
 * Builds a {@link FabricSnapshot} from an ONOS netcfg document such as the ones under
 * topologies/netcfg/ (written by {@code topology netcfg}): the fabric app's device configs,
 * the links' bandwidth and latency, and the hosts. Every device starts up.
 */
public final class NetcfgFabrics {
    private static final ObjectMapper MAPPER = new ObjectMapper();

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
        FabricSnapshot.Builder builder = FabricSnapshot.builder();
        Map<DeviceId, Boolean> isSpine = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = netcfg.get("devices").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            DeviceId id = DeviceId.deviceId(entry.getKey());
            MetroDeviceConfig config = deviceConfig(id, entry.getValue().get(MetroDeviceConfig.KEY));
            config.isValid();
            builder.addDevice(config.toFabricDevice(true));
            isSpine.put(id, config.leafKind() == null);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = netcfg.get("links").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String[] ends = entry.getKey().split("-");
            ConnectPoint a = ConnectPoint.deviceConnectPoint(ends[0]);
            ConnectPoint b = ConnectPoint.deviceConnectPoint(ends[1]);
            LinkId id = isSpine.get(a.deviceId()) ? new LinkId(a, b) : new LinkId(b, a);
            JsonNode basic = entry.getValue().get("basic");
            builder.addLink(new FabricLink(id, basic.get("bandwidth").asLong(),
                    basic.get("latency").asLong(), true));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = netcfg.get("hosts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode basic = entry.getValue().get("basic");
            builder.addHost(new FabricHost(basic.get("name").asText(),
                    MacAddress.valueOf(entry.getKey().substring(0, entry.getKey().indexOf('/'))),
                    IpAddress.valueOf(basic.get("ips").get(0).asText()),
                    ConnectPoint.deviceConnectPoint(basic.get("locations").get(0).asText())));
        }
        return builder.build();
    }

    /** A config object as ONOS's NetworkConfigRegistry would hand it to the app. */
    public static MetroDeviceConfig deviceConfig(DeviceId id, JsonNode node) {
        MetroDeviceConfig config = new MetroDeviceConfig();
        config.init(id, MetroDeviceConfig.KEY, node, MAPPER, applied -> { });
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
