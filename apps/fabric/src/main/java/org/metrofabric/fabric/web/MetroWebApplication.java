package org.metrofabric.fabric.web;

import java.util.Set;
import org.onlab.rest.AbstractWebApplication;

/** The JAX-RS application Jersey serves at /onos/metro. */
public class MetroWebApplication extends AbstractWebApplication {
    @Override
    public Set<Class<?>> getClasses() {
        return getClasses(FabricWebResource.class);
    }
}
