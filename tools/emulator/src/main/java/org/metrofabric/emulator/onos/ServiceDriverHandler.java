package org.metrofabric.emulator.onos;

import java.util.Map;
import org.onosproject.net.driver.Behaviour;
import org.onosproject.net.driver.Driver;
import org.onosproject.net.driver.DriverData;
import org.onosproject.net.driver.DriverHandler;

/**
 * The driver handler a pipeconf behaviour (the interpreter) runs with: it can look up the
 * embedded services ({@code handler().get(DeviceService.class)}); there is no driver behind it.
 */
final class ServiceDriverHandler implements DriverHandler {
    private final Map<Class<?>, Object> services;

    ServiceDriverHandler(Map<Class<?>, Object> services) {
        this.services = services;
    }

    @Override
    public Driver driver() {
        throw new UnsupportedOperationException("the embedded runtime has no drivers");
    }

    @Override
    public DriverData data() {
        throw new UnsupportedOperationException("the embedded runtime has no driver data");
    }

    @Override
    public <T extends Behaviour> T behaviour(Class<T> behaviourClass) {
        throw new UnsupportedOperationException("the embedded runtime has no driver behaviours");
    }

    @Override
    public <T> T get(Class<T> serviceClass) {
        Object service = services.get(serviceClass);
        if (service == null) {
            throw new IllegalArgumentException("the embedded runtime offers no " + serviceClass.getName());
        }
        return serviceClass.cast(service);
    }
}
