package org.metrofabric.topology.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One end of a link: a device port. */
public record LinkEnd(
        @JsonProperty(value = "device", required = true) String device,
        @JsonProperty(value = "port", required = true) int port) {

    public LinkEnd {
        Fields.required(device, "device");
    }

    @Override
    public String toString() {
        return device + "/" + port;
    }
}
