package org.metrofabric.fabric.api;

import java.util.List;

/**
 * The fabric as the app sees it now: every configured switch with its role and liveness, every
 * spine-leaf link with its state and reservation, and what the app had to leave out (invalid
 * configs, links without bandwidth or latency, ...).
 */
public final class FabricView {
    private final List<FabricDevice> devices;
    private final List<LinkStatus> links;
    private final List<String> problems;

    public FabricView(List<FabricDevice> devices, List<LinkStatus> links, List<String> problems) {
        this.devices = List.copyOf(devices);
        this.links = List.copyOf(links);
        this.problems = List.copyOf(problems);
    }

    /** Spines first, then leaves, each in device id order. */
    public List<FabricDevice> devices() {
        return devices;
    }

    public List<LinkStatus> links() {
        return links;
    }

    public List<String> problems() {
        return problems;
    }
}
