package org.metrofabric.fabric.api;

import java.util.List;

/**
 * The fabric as the app sees it now: every configured switch with its role and liveness, every
 * spine-leaf link with its state and reservation, the hosts, and what the app had to leave out (invalid
 * configs, links without bandwidth or latency, ...).
 */
public final class FabricView {
    private final List<FabricDevice> devices;
    private final List<LinkStatus> links;
    private final List<FabricHost> hosts;
    private final List<String> problems;

    public FabricView(List<FabricDevice> devices, List<LinkStatus> links, List<FabricHost> hosts, List<String> problems) {
        this.devices = List.copyOf(devices);
        this.links = List.copyOf(links);
        this.hosts = List.copyOf(hosts);
        this.problems = List.copyOf(problems);
    }

    /** Spines first, then leaves, each in device id order. */
    public List<FabricDevice> devices() {
        return devices;
    }

    public List<LinkStatus> links() {
        return links;
    }

    /** Hosts on leaf host ports, usable as intent endpoints by name. */
    public List<FabricHost> hosts() {
        return hosts;
    }

    public List<String> problems() {
        return problems;
    }
}
