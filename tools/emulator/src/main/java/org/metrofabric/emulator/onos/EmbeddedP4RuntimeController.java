package org.metrofabric.emulator.onos;

import io.grpc.ManagedChannel;
import java.util.Map;
import org.onosproject.net.DeviceId;
import org.onosproject.net.device.DeviceAgentListener;
import org.onosproject.net.provider.ProviderId;
import org.onosproject.p4runtime.api.P4RuntimeClient;
import org.onosproject.p4runtime.api.P4RuntimeController;
import org.onosproject.p4runtime.api.P4RuntimeEvent;
import org.onosproject.p4runtime.api.P4RuntimeEventListener;

/**
 * The P4RuntimeController of one controller instance: it hands out the client of each emulated
 * device (apps read indirect counters through it, as ONOS 2.7 has no core service for them). The
 * runtime owns the clients, so {@code create} and {@code remove} from apps are refused.
 */
final class EmbeddedP4RuntimeController implements P4RuntimeController {
    private final Map<DeviceId, EmbeddedP4RuntimeClient> clients;
    private final StrictListenerRegistry<P4RuntimeEvent, P4RuntimeEventListener> listeners =
            new StrictListenerRegistry<>();

    EmbeddedP4RuntimeController(Map<DeviceId, EmbeddedP4RuntimeClient> clients) {
        this.clients = Map.copyOf(clients);
    }

    @Override
    public boolean create(DeviceId deviceId, ManagedChannel channel) {
        throw new UnsupportedOperationException("the embedded runtime creates the clients of its devices; "
                + deviceId + " " + (clients.containsKey(deviceId) ? "has one" : "is not an emulated device"));
    }

    @Override
    public P4RuntimeClient get(DeviceId deviceId) {
        return clients.get(deviceId);
    }

    @Override
    public void remove(DeviceId deviceId) {
        throw new UnsupportedOperationException("the embedded runtime owns the client of " + deviceId);
    }

    @Override
    public void addDeviceAgentListener(DeviceId deviceId, ProviderId providerId, DeviceAgentListener listener) {
        throw new UnsupportedOperationException("the embedded runtime has no device agents (providers)");
    }

    @Override
    public void removeDeviceAgentListener(DeviceId deviceId, ProviderId providerId) {
        throw new UnsupportedOperationException("the embedded runtime has no device agents (providers)");
    }

    @Override
    public void addListener(P4RuntimeEventListener listener) {
        listeners.addListener(listener);
    }

    @Override
    public void removeListener(P4RuntimeEventListener listener) {
        listeners.removeListener(listener);
    }
}
