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
    private final Map<DeviceId, Integer> leafIndex;
    private final List<FabricLink> links;
    private final Map<LinkId, Integer> linkIndex;
    private final boolean[] usable;
    private final int[] linkSpine;
    private final int[] linkLeaf;
    /** leaf index -> spine index -> indexes of the links between them. */
    private final int[][][] uplinks;
    private final List<FabricHost> hosts;
    private final List<List<FabricHost>> hostsByLeaf;
    private final Map<String, Integer> hostIndexByName;
    private final Map<IpAddress, FabricHost> hostsByIp;
    private final int[] hostLeaf;
    private final IpPrefix[] hostPrefix;
    /** Subnet lengths present, longest first, and the index of the leaf owning each subnet. */
    private final int[] subnetLengths;
    private final Map<IpPrefix, Integer> subnetOwners;

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
        spineIndex = indexOf(spines);
        leafIndex = indexOf(leaves);

        links = List.copyOf(builder.links.values());
        linkIndex = new HashMap<>();
        usable = new boolean[links.size()];
        linkSpine = new int[links.size()];
        linkLeaf = new int[links.size()];
        int[][] perPair = new int[leaves.size()][spines.size()];
        for (int i = 0; i < links.size(); i++) {
            FabricLink link = links.get(i);
            linkIndex.put(link.id(), i);
            linkSpine[i] = spineIndex.get(link.id().spine());
            linkLeaf[i] = leafIndex.get(link.id().leaf());
            usable[i] = link.isUp() && spines.get(linkSpine[i]).isUp() && leaves.get(linkLeaf[i]).isUp();
            perPair[linkLeaf[i]][linkSpine[i]]++;
        }
        uplinks = new int[leaves.size()][spines.size()][];
        for (int l = 0; l < leaves.size(); l++) {
            for (int s = 0; s < spines.size(); s++) {
                uplinks[l][s] = perPair[l][s] == 0 ? NO_LINKS : new int[perPair[l][s]];
                perPair[l][s] = 0;
            }
        }
        for (int i = 0; i < links.size(); i++) {
            uplinks[linkLeaf[i]][linkSpine[i]][perPair[linkLeaf[i]][linkSpine[i]]++] = i;
        }

        hosts = List.copyOf(builder.hosts);
        List<List<FabricHost>> onLeaf = new ArrayList<>(leaves.size());
        for (int l = 0; l < leaves.size(); l++) {
            onLeaf.add(new ArrayList<>());
        }
        hostIndexByName = new HashMap<>();
        hostsByIp = new HashMap<>();
        hostLeaf = new int[hosts.size()];
        hostPrefix = new IpPrefix[hosts.size()];
        for (int h = 0; h < hosts.size(); h++) {
            FabricHost host = hosts.get(h);
            hostIndexByName.put(host.name(), h);
            hostsByIp.put(host.ip(), host);
            hostLeaf[h] = leafIndex.get(host.location().deviceId());
            hostPrefix[h] = IpPrefix.valueOf(host.ip(), IpPrefix.MAX_INET_MASK_LENGTH);
            onLeaf.get(hostLeaf[h]).add(host);
        }
        hostsByLeaf = onLeaf;
        subnetOwners = new HashMap<>();
        TreeSet<Integer> lengths = new TreeSet<>(Comparator.reverseOrder());
        for (int l = 0; l < leaves.size(); l++) {
            for (IpPrefix subnet : leaves.get(l).subnets()) {
                subnetOwners.put(subnet, l);
                lengths.add(subnet.prefixLength());
            }
        }
        subnetLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Map<DeviceId, Integer> indexOf(List<FabricDevice> list) {
        Map<DeviceId, Integer> index = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            index.put(list.get(i).id(), i);
        }
        return index;
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

    /**
     * The link's index, trying {@code hint} first: snapshots derived from one another keep their
     * link order, so an index remembered from an earlier snapshot usually still fits.
     *
     * @return the index, or -1 when this snapshot has no such link
     */
    public int linkIndex(LinkId id, int hint) {
        if (hint >= 0 && hint < links.size() && links.get(hint).id().equals(id)) {
            return hint;
        }
        return linkIndex(id);
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

    /** @return the index of a leaf in {@link #leaves()}, or -1 when the device is not a leaf */
    public int leafIndex(DeviceId leaf) {
        Integer index = leafIndex.get(leaf);
        return index == null ? -1 : index;
    }

    /** Indexes of the links (up or down) between the leaf and the spine at the given indexes. */
    public int[] uplinks(int leafIdx, int spineIdx) {
        return uplinks[leafIdx][spineIdx];
    }

    /** A link is usable when it and both its switches are up. */
    public boolean isUsable(int linkIdx) {
        return usable[linkIdx];
    }

    public int linkSpineIndex(int linkIdx) {
        return linkSpine[linkIdx];
    }

    public int linkLeafIndex(int linkIdx) {
        return linkLeaf[linkIdx];
    }

    public List<FabricHost> hosts() {
        return hosts;
    }

    /** Hosts attached to the leaf at this index. */
    public List<FabricHost> hostsOn(int leafIdx) {
        return Collections.unmodifiableList(hostsByLeaf.get(leafIdx));
    }

    public FabricHost hostByName(String name) {
        int index = hostIndex(name);
        return index < 0 ? null : hosts.get(index);
    }

    /** @return the host's index in {@link #hosts()}, or -1 when no host has this name */
    public int hostIndex(String name) {
        Integer index = hostIndexByName.get(name);
        return index == null ? -1 : index;
    }

    /** The index of the leaf the host at this index is attached to. */
    public int hostLeafIndex(int hostIdx) {
        return hostLeaf[hostIdx];
    }

    /** The host's address as a /32. */
    public IpPrefix hostPrefix(int hostIdx) {
        return hostPrefix[hostIdx];
    }

    public FabricHost hostByIp(IpAddress ip) {
        return hostsByIp.get(ip);
    }

    /** @return the leaf whose subnet contains the whole prefix, or null */
    public DeviceId leafServing(IpPrefix prefix) {
        int index = leafIndexServing(prefix);
        return index < 0 ? null : leaves.get(index).id();
    }

    /** @return the index of the leaf whose subnet contains the whole prefix, or -1 */
    public int leafIndexServing(IpPrefix prefix) {
        for (int length : subnetLengths) {
            if (length <= prefix.prefixLength()) {
                Integer owner = subnetOwners.get(IpPrefix.valueOf(prefix.address(), length));
                if (owner != null) {
                    return owner;
                }
            }
        }
        return -1;
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
