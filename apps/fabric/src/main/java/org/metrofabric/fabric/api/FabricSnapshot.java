package org.metrofabric.fabric.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.onlab.packet.IpAddress;
import org.onlab.packet.IpPrefix;
import org.onosproject.net.DeviceId;

/**
 * An immutable picture of the fabric at one moment: devices with their roles, spine-leaf links
 * and hosts. Planners take a snapshot and nothing else, so they are pure. Spines and leaves are
 * kept in device-id order so that every plan is deterministic; links are numbered so planners
 * can keep per-link counters in arrays.
 */
public final class FabricSnapshot {
    private static final Comparator<DeviceId> BY_ID = Comparator.comparing(DeviceId::toString);
    private static final int[] NO_LINKS = new int[0];

    private final Map<DeviceId, FabricDevice> devices;
    private final List<FabricDevice> spines;
    private final List<FabricDevice> leaves;
    private final Map<DeviceId, Integer> spineIndex;
    private final List<FabricLink> links;
    private final Map<LinkId, Integer> linkIndex;
    private final boolean[] usable;
    /** leaf -> spine index -> indexes of the links between them. */
    private final Map<DeviceId, int[][]> leafUplinks;
    private final List<FabricHost> hosts;
    private final Map<String, FabricHost> hostsByName;
    private final Map<IpAddress, FabricHost> hostsByIp;
    /** Subnet lengths present, longest first, and the leaf owning each subnet. */
    private final int[] subnetLengths;
    private final Map<IpPrefix, DeviceId> subnetOwners;

    private FabricSnapshot(Builder builder) {
        List<FabricDevice> sorted = new ArrayList<>(builder.devices.values());
        sorted.sort(Comparator.comparing(FabricDevice::id, BY_ID));
        Map<DeviceId, FabricDevice> byId = new LinkedHashMap<>();
        List<FabricDevice> spineList = new ArrayList<>();
        List<FabricDevice> leafList = new ArrayList<>();
        for (FabricDevice device : sorted) {
            byId.put(device.id(), device);
            (device.isSpine() ? spineList : leafList).add(device);
        }
        devices = Collections.unmodifiableMap(byId);
        spines = Collections.unmodifiableList(spineList);
        leaves = Collections.unmodifiableList(leafList);
        spineIndex = new HashMap<>();
        for (int i = 0; i < spines.size(); i++) {
            spineIndex.put(spines.get(i).id(), i);
        }

        links = List.copyOf(builder.links.values());
        linkIndex = new HashMap<>();
        Map<DeviceId, List<List<Integer>>> uplinkLists = new HashMap<>();
        for (int i = 0; i < links.size(); i++) {
            LinkId id = links.get(i).id();
            linkIndex.put(id, i);
            uplinkLists.computeIfAbsent(id.leaf(), leaf -> emptyLists(spines.size()))
                    .get(spineIndex.get(id.spine())).add(i);
        }
        usable = new boolean[links.size()];
        for (int i = 0; i < links.size(); i++) {
            LinkId id = links.get(i).id();
            usable[i] = links.get(i).isUp() && devices.get(id.spine()).isUp() && devices.get(id.leaf()).isUp();
        }
        leafUplinks = new HashMap<>();
        uplinkLists.forEach((leaf, perSpine) -> {
            int[][] table = new int[perSpine.size()][];
            for (int s = 0; s < table.length; s++) {
                table[s] = perSpine.get(s).stream().mapToInt(Integer::intValue).toArray();
            }
            leafUplinks.put(leaf, table);
        });

        hosts = List.copyOf(builder.hosts);
        hostsByName = new HashMap<>();
        hostsByIp = new HashMap<>();
        for (FabricHost host : hosts) {
            hostsByName.put(host.name(), host);
            hostsByIp.put(host.ip(), host);
        }
        subnetOwners = new HashMap<>();
        TreeSet<Integer> lengths = new TreeSet<>(Comparator.reverseOrder());
        for (FabricDevice leaf : leaves) {
            for (IpPrefix subnet : leaf.subnets()) {
                subnetOwners.put(subnet, leaf.id());
                lengths.add(subnet.prefixLength());
            }
        }
        subnetLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<List<Integer>> emptyLists(int count) {
        List<List<Integer>> lists = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lists.add(new ArrayList<>(1));
        }
        return lists;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this snapshot's content, to derive a changed snapshot. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        devices.values().forEach(builder::addDevice);
        links.forEach(builder::addLink);
        hosts.forEach(builder::addHost);
        return builder;
    }

    /** The same fabric with one device up or down. */
    public FabricSnapshot withDeviceUp(DeviceId id, boolean up) {
        return toBuilder().updateDevice(id, d -> d.withUp(up)).build();
    }

    /** The same fabric with one link up or down. */
    public FabricSnapshot withLinkUp(LinkId id, boolean up) {
        return toBuilder().updateLink(id, l -> l.withUp(up)).build();
    }

    public Map<DeviceId, FabricDevice> devices() {
        return devices;
    }

    public FabricDevice device(DeviceId id) {
        return devices.get(id);
    }

    /** Spines in device-id order; a spine's position is its index in the planners' arrays. */
    public List<FabricDevice> spines() {
        return spines;
    }

    public List<FabricDevice> leaves() {
        return leaves;
    }

    public List<FabricLink> links() {
        return links;
    }

    public FabricLink link(int index) {
        return links.get(index);
    }

    /** @return the link's index, or -1 when this snapshot has no such link */
    public int linkIndex(LinkId id) {
        Integer index = linkIndex.get(id);
        return index == null ? -1 : index;
    }

    /** @return the index of a spine, or -1 when the device is not a spine of this snapshot */
    public int spineIndex(DeviceId spine) {
        Integer index = spineIndex.get(spine);
        return index == null ? -1 : index;
    }

    /** Indexes of the links (up or down) between a leaf and the spine at {@code spineIndex}. */
    public int[] uplinks(DeviceId leaf, int spineIdx) {
        int[][] table = leafUplinks.get(leaf);
        return table == null ? NO_LINKS : table[spineIdx];
    }

    /** A link is usable when it and both its switches are up. */
    public boolean isUsable(int linkIdx) {
        return usable[linkIdx];
    }

    public List<FabricHost> hosts() {
        return hosts;
    }

    public FabricHost hostByName(String name) {
        return hostsByName.get(name);
    }

    public FabricHost hostByIp(IpAddress ip) {
        return hostsByIp.get(ip);
    }

    /** @return the leaf whose subnet contains the whole prefix, or null */
    public DeviceId leafServing(IpPrefix prefix) {
        for (int length : subnetLengths) {
            if (length <= prefix.prefixLength()) {
                DeviceId owner = subnetOwners.get(IpPrefix.valueOf(prefix.address(), length));
                if (owner != null) {
                    return owner;
                }
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FabricSnapshot)) {
            return false;
        }
        FabricSnapshot that = (FabricSnapshot) o;
        return devices.equals(that.devices) && links.equals(that.links) && hosts.equals(that.hosts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(devices, links, hosts);
    }

    @Override
    public String toString() {
        return "FabricSnapshot{" + spines.size() + " spines, " + leaves.size() + " leaves, " + links.size()
                + " links, " + hosts.size() + " hosts}";
    }

    /** Collects devices, links and hosts; checks that every link joins a known spine and leaf. */
    public static final class Builder {
        private final Map<DeviceId, FabricDevice> devices = new LinkedHashMap<>();
        private final Map<LinkId, FabricLink> links = new LinkedHashMap<>();
        private final List<FabricHost> hosts = new ArrayList<>();

        private Builder() {
        }

        public Builder addDevice(FabricDevice device) {
            devices.put(device.id(), device);
            return this;
        }

        public Builder addLink(FabricLink link) {
            links.put(link.id(), link);
            return this;
        }

        public Builder addHost(FabricHost host) {
            hosts.add(host);
            return this;
        }

        Builder updateDevice(DeviceId id, UnaryOperator<FabricDevice> change) {
            FabricDevice device = devices.get(id);
            if (device == null) {
                throw new IllegalArgumentException("no device " + id + " in the fabric");
            }
            devices.put(id, change.apply(device));
            return this;
        }

        Builder updateLink(LinkId id, UnaryOperator<FabricLink> change) {
            FabricLink link = links.get(id);
            if (link == null) {
                throw new IllegalArgumentException("no link " + id + " in the fabric");
            }
            links.put(id, change.apply(link));
            return this;
        }

        public FabricSnapshot build() {
            for (FabricLink link : links.values()) {
                FabricDevice spine = devices.get(link.id().spine());
                FabricDevice leaf = devices.get(link.id().leaf());
                if (spine == null || !spine.isSpine() || leaf == null || leaf.isSpine()) {
                    throw new IllegalArgumentException("link " + link.id() + " does not join a known spine (first) and leaf");
                }
            }
            for (FabricHost host : hosts) {
                FabricDevice leaf = devices.get(host.location().deviceId());
                if (leaf == null || leaf.isSpine()) {
                    throw new IllegalArgumentException("host " + host.name() + " is not attached to a known leaf");
                }
            }
            return new FabricSnapshot(this);
        }
    }
}
