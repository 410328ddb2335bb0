package org.metrofabric.emulator.onos;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.onlab.packet.IpAddress;
import org.onosproject.cluster.ClusterServiceAdapter;
import org.onosproject.cluster.ControllerNode;
import org.onosproject.cluster.DefaultControllerNode;
import org.onosproject.cluster.NodeId;

/** The ClusterService of one controller instance: every instance of the emulation, all ACTIVE. */
final class EmbeddedCluster extends ClusterServiceAdapter {
    private final NodeId local;
    private final EmbeddedMastership mastership;

    EmbeddedCluster(NodeId local, EmbeddedMastership mastership) {
        this.local = local;
        this.mastership = mastership;
    }

    private static ControllerNode node(NodeId id, int index) {
        return new DefaultControllerNode(id, IpAddress.valueOf("127.0.1." + (index + 1)));
    }

    @Override
    public ControllerNode getLocalNode() {
        return node(local, mastership.nodes().indexOf(local));
    }

    @Override
    public Set<ControllerNode> getNodes() {
        List<NodeId> ids = mastership.nodes();
        Set<ControllerNode> nodes = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            nodes.add(node(ids.get(i), i));
        }
        return nodes;
    }

    @Override
    public ControllerNode getNode(NodeId nodeId) {
        int index = mastership.nodes().indexOf(nodeId);
        return index < 0 ? null : node(nodeId, index);
    }

    @Override
    public ControllerNode.State getState(NodeId nodeId) {
        return mastership.nodes().contains(nodeId) ? ControllerNode.State.ACTIVE : ControllerNode.State.INACTIVE;
    }
}
