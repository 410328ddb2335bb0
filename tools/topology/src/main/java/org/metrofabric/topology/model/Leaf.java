package org.metrofabric.topology.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A leaf switch, of a kind, routing its own subnets. */
public record Leaf(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "kind", required = true) LeafKind kind,
        @JsonProperty(value = "routerMac", required = true) MacAddress routerMac,
        @JsonProperty(value = "subnets", required = true) List<Ipv4Prefix> subnets,
        @JsonProperty(value = "grpcPort", required = true) int grpcPort,
        @JsonProperty(value = "deviceId", required = true) long deviceId) implements Switch {

    public Leaf {
        Fields.required(name, "name");
        Fields.required(kind, "kind");
        Fields.required(routerMac, "routerMac");
        Fields.required(subnets, "subnets");
        subnets = List.copyOf(subnets);
    }
}
