package org.metrofabric.topology.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A spine switch. */
public record Spine(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "routerMac", required = true) MacAddress routerMac,
        @JsonProperty(value = "grpcPort", required = true) int grpcPort,
        @JsonProperty(value = "deviceId", required = true) long deviceId) implements Switch {
    public Spine {
        Fields.required(name, "name");
        Fields.required(routerMac, "routerMac");
    }
}
