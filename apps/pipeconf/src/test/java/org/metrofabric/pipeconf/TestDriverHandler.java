package org.metrofabric.pipeconf;

import org.onosproject.net.DeviceId;
import org.onosproject.net.driver.Behaviour;
import org.onosproject.net.driver.DefaultDriverData;
import org.onosproject.net.driver.Driver;
import org.onosproject.net.driver.DriverAdapter;
import org.onosproject.net.driver.DriverData;
import org.onosproject.net.driver.DriverHandler;

import java.util.Map;

/** A driver handler for one device that hands out the given services. */
final class TestDriverHandler implements DriverHandler {

    private final Driver driver = new DriverAdapter();
    private final DriverData data;
    private final Map<Class<?>, Object> services;

    TestDriverHandler(DeviceId deviceId, Map<Class<?>, Object> services) {
        this.data = new DefaultDriverData(driver, deviceId);
        this.services = services;
    }

    @Override
    public Driver driver() {
        return driver;
    }

    @Override
    public DriverData data() {
        return data;
    }

    @Override
    public <T extends Behaviour> T behaviour(Class<T> behaviourClass) {
        throw new UnsupportedOperationException("no behaviours in tests");
    }

    @Override
    public <T> T get(Class<T> serviceClass) {
        Object service = services.get(serviceClass);
        if (service == null) {
            throw new IllegalStateException("test handler has no " + serviceClass.getSimpleName());
        }
        return serviceClass.cast(service);
    }
}
