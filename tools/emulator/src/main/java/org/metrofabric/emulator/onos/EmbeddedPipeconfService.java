package org.metrofabric.emulator.onos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onosproject.net.DeviceId;
import org.onosproject.net.config.NetworkConfigService;
import org.onosproject.net.config.basics.BasicDeviceConfig;
import org.onosproject.net.pi.PiPipeconfServiceAdapter;
import org.onosproject.net.pi.model.PiPipeconf;
import org.onosproject.net.pi.model.PiPipeconfId;
import org.onosproject.net.pi.service.PiPipeconfEvent;
import org.onosproject.net.pi.service.PiPipeconfListener;

/**
 * PiPipeconfService, cluster-wide: pipeconf apps register their pipeconfs here, and a device's
 * pipeconf is the one bound to it or else the one its netcfg {@code basic.pipeconf} names.
 * The runtime translates with the pipeconf it was built with; registrations are what apps see.
 */
public final class EmbeddedPipeconfService extends PiPipeconfServiceAdapter {
    private final NetworkConfigService netcfg;
    private final Map<PiPipeconfId, PiPipeconf> pipeconfs = new LinkedHashMap<>();
    private final Map<DeviceId, PiPipeconfId> bindings = new LinkedHashMap<>();
    private final StrictListenerRegistry<PiPipeconfEvent, PiPipeconfListener> listeners =
            new StrictListenerRegistry<>();

    EmbeddedPipeconfService(NetworkConfigService netcfg) {
        this.netcfg = netcfg;
    }

    @Override
    public void register(PiPipeconf pipeconf) {
        synchronized (this) {
            if (pipeconfs.containsKey(pipeconf.id())) {
                throw new IllegalStateException("pipeconf " + pipeconf.id() + " is already registered");
            }
            pipeconfs.put(pipeconf.id(), pipeconf);
        }
        listeners.process(new PiPipeconfEvent(PiPipeconfEvent.Type.REGISTERED, pipeconf));
    }

    @Override
    public void unregister(PiPipeconfId pipeconfId) {
        synchronized (this) {
            if (pipeconfs.remove(pipeconfId) == null) {
                throw new IllegalStateException("pipeconf " + pipeconfId + " is not registered");
            }
        }
        listeners.process(new PiPipeconfEvent(PiPipeconfEvent.Type.UNREGISTERED, pipeconfId));
    }

    @Override
    public synchronized Iterable<PiPipeconf> getPipeconfs() {
        return List.copyOf(pipeconfs.values());
    }

    @Override
    public synchronized Optional<PiPipeconf> getPipeconf(PiPipeconfId pipeconfId) {
        return Optional.ofNullable(pipeconfs.get(pipeconfId));
    }

    @Override
    public synchronized Optional<PiPipeconf> getPipeconf(DeviceId deviceId) {
        return ofDevice(deviceId).map(pipeconfs::get);
    }

    @Override
    public synchronized void bindToDevice(PiPipeconfId pipeconfId, DeviceId deviceId) {
        bindings.put(deviceId, pipeconfId);
    }

    @Override
    public synchronized Optional<PiPipeconfId> ofDevice(DeviceId deviceId) {
        PiPipeconfId bound = bindings.get(deviceId);
        if (bound != null) {
            return Optional.of(bound);
        }
        BasicDeviceConfig basic = netcfg.getConfig(deviceId, BasicDeviceConfig.class);
        return basic == null || basic.pipeconf() == null ? Optional.empty()
                : Optional.of(new PiPipeconfId(basic.pipeconf()));
    }

    /** ONOS names the driver it merges from the device's driver and pipeconf {@code driver:pipeconf}. */
    @Override
    public synchronized String getMergedDriver(DeviceId deviceId, PiPipeconfId pipeconfId) {
        BasicDeviceConfig basic = netcfg.getConfig(deviceId, BasicDeviceConfig.class);
        if (basic == null || basic.driver() == null || !pipeconfs.containsKey(pipeconfId)) {
            return null;
        }
        return basic.driver() + ":" + pipeconfId;
    }

    @Override
    public void addListener(PiPipeconfListener listener) {
        listeners.addListener(listener);
    }

    @Override
    public void removeListener(PiPipeconfListener listener) {
        listeners.removeListener(listener);
    }
}
