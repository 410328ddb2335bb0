package org.metrofabric.topology.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A host attached to one port of a leaf; {@code ip} carries its subnet's prefix length. */
public record Host(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "ip", required = true) Ipv4Prefix ip,
        @JsonProperty(value = "mac", required = true) MacAddress mac,
        @JsonProperty(value = "leaf", required = true) String leaf,
        @JsonProperty(value = "port", required = true) int port) {
    public Host {
        Fields.required(name, "name");
        Fields.required(ip, "ip");
        Fields.required(mac, "mac");
        Fields.required(leaf, "leaf");
    }
}
