package org.metrofabric.emulator.onos;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.onosproject.cluster.NodeId;
import org.onosproject.cluster.RoleInfo;
import org.onosproject.mastership.MastershipEvent;
import org.onosproject.mastership.MastershipInfo;
import org.onosproject.mastership.MastershipListener;
import org.onosproject.mastership.MastershipServiceAdapter;
import org.onosproject.net.DeviceId;
import org.onosproject.net.MastershipRole;

/**
 * Who masters which device, shared by every controller instance of one emulation. The test or
 * scenario decides ({@link #setMaster}); every change raises MASTER_CHANGED to the listeners of all
 * instances, with the other instances as standbys. Each instance sees it through {@link #viewOf}.
 */
public final class EmbeddedMastership {
    private final List<NodeId> nodes = new ArrayList<>();
    private final Map<DeviceId, NodeId> masters = new LinkedHashMap<>();
    private final Map<DeviceId, Long> terms = new LinkedHashMap<>();
    private final StrictListenerRegistry<MastershipEvent, MastershipListener> listeners =
            new StrictListenerRegistry<>();

    synchronized void addNode(NodeId node) {
        if (nodes.contains(node)) {
            throw new IllegalArgumentException("controller instance " + node + " already exists");
        }
        nodes.add(node);
    }

    synchronized List<NodeId> nodes() {
        return List.copyOf(nodes);
    }

    /** Makes {@code node} the master of {@code device}; MASTER_CHANGED if that is a change. */
    public synchronized void setMaster(DeviceId device, NodeId node) {
        if (!nodes.contains(node)) {
            throw new IllegalArgumentException("no controller instance " + node + "; instances are " + nodes);
        }
        if (node.equals(masters.get(device))) {
            return;
        }
        masters.put(device, node);
        terms.merge(device, 1L, Long::sum);
        listeners.process(new MastershipEvent(MastershipEvent.Type.MASTER_CHANGED, device, info(device)));
    }

    public synchronized Optional<NodeId> masterOf(DeviceId device) {
        return Optional.ofNullable(masters.get(device));
    }

    private synchronized MastershipInfo info(DeviceId device) {
        NodeId master = masters.get(device);
        ImmutableMap.Builder<NodeId, MastershipRole> roles = ImmutableMap.builder();
        for (NodeId node : nodes) {
            roles.put(node, node.equals(master) ? MastershipRole.MASTER : MastershipRole.STANDBY);
        }
        return new MastershipInfo(terms.getOrDefault(device, 0L), Optional.ofNullable(master), roles.build());
    }

    /** The MastershipService of instance {@code local}. */
    MastershipServiceAdapter viewOf(NodeId local) {
        return new View(local);
    }

    private final class View extends MastershipServiceAdapter {
        private final NodeId local;

        View(NodeId local) {
            this.local = local;
        }

        @Override
        public MastershipRole getLocalRole(DeviceId deviceId) {
            NodeId master = masterOf(deviceId).orElse(null);
            if (master == null) {
                return MastershipRole.NONE;
            }
            return local.equals(master) ? MastershipRole.MASTER : MastershipRole.STANDBY;
        }

        @Override
        public CompletableFuture<MastershipRole> requestRoleFor(DeviceId deviceId) {
            return CompletableFuture.completedFuture(getLocalRole(deviceId));
        }

        @Override
        public CompletableFuture<Void> relinquishMastership(DeviceId deviceId) {
            synchronized (EmbeddedMastership.this) {
                if (local.equals(masters.get(deviceId))) {
                    nodes.stream().filter(n -> !n.equals(local)).findFirst().ifPresent(n -> setMaster(deviceId, n));
                }
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public NodeId getMasterFor(DeviceId deviceId) {
            return masterOf(deviceId).orElse(null);
        }

        @Override
        public MastershipInfo getMastershipFor(DeviceId deviceId) {
            return info(deviceId);
        }

        @Override
        public RoleInfo getNodesFor(DeviceId deviceId) {
            synchronized (EmbeddedMastership.this) {
                NodeId master = masters.get(deviceId);
                return new RoleInfo(master, nodes.stream().filter(n -> !n.equals(master)).toList());
            }
        }

        @Override
        public Set<DeviceId> getDevicesOf(NodeId nodeId) {
            Set<DeviceId> result = new LinkedHashSet<>();
            synchronized (EmbeddedMastership.this) {
                masters.forEach((device, master) -> {
                    if (master.equals(nodeId)) {
                        result.add(device);
                    }
                });
            }
            return result;
        }

        @Override
        public void addListener(MastershipListener listener) {
            listeners.addListener(listener);
        }

        @Override
        public void removeListener(MastershipListener listener) {
            listeners.removeListener(listener);
        }
    }
}
