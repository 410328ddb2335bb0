package org.metrofabric.topology.model;

/** What spines and leaves share: a name, a router MAC and a P4Runtime server. */
public sealed interface Switch permits Spine, Leaf {
    String name();

    MacAddress routerMac();

    int grpcPort();

    long deviceId();

    /** The ONOS device id used in netcfg. */
    default String onosDeviceId() {
        return "device:" + name();
    }
}
