package org.metrofabric.fabric.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.google.common.collect.ImmutableMap;
import org.onosproject.cluster.NodeId;
import org.onosproject.mastership.MastershipEvent;
import org.onosproject.mastership.MastershipInfo;
import org.onosproject.mastership.MastershipListener;
import org.onosproject.mastership.MastershipServiceAdapter;
import org.onosproject.net.DeviceId;
import org.onosproject.net.MastershipRole;

/** Who masters each device, shared by the instances of a test; each gets its own service view. */
public final class SplitMastership {
    private final Map<DeviceId, NodeId> masters = new HashMap<>();
    private final List<MastershipListener> listeners = new ArrayList<>();

    public synchronized void setMaster(DeviceId device, String node) {
        masters.put(device, NodeId.nodeId(node));
    }

    /** Moves a device to another node and tells every instance, as ONOS does. */
    public void moveMaster(DeviceId device, String node) {
        List<MastershipListener> toTell;
        synchronized (this) {
            masters.put(device, NodeId.nodeId(node));
            toTell = new ArrayList<>(listeners);
        }
        MastershipEvent event = new MastershipEvent(MastershipEvent.Type.MASTER_CHANGED, device,
                new MastershipInfo(1, Optional.of(NodeId.nodeId(node)), ImmutableMap.of()));
        toTell.forEach(l -> {
            if (l.isRelevant(event)) {
                l.event(event);
            }
        });
    }

    public MastershipServiceAdapter serviceFor(String node) {
        return new MastershipServiceAdapter() {
            @Override
            public MastershipRole getLocalRole(DeviceId deviceId) {
                synchronized (SplitMastership.this) {
                    return NodeId.nodeId(node).equals(masters.get(deviceId)) ? MastershipRole.MASTER : MastershipRole.STANDBY;
                }
            }

            @Override
            public NodeId getMasterFor(DeviceId deviceId) {
                synchronized (SplitMastership.this) {
                    return masters.get(deviceId);
                }
            }

            @Override
            public void addListener(MastershipListener listener) {
                synchronized (SplitMastership.this) {
                    listeners.add(listener);
                }
            }

            @Override
            public void removeListener(MastershipListener listener) {
                synchronized (SplitMastership.this) {
                    listeners.remove(listener);
                }
            }
        };
    }
}
