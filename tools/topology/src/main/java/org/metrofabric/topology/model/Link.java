package org.metrofabric.topology.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A full-duplex spine-leaf link. Its one-way latency is given either directly or as fibre
 * length; the loader guarantees exactly one of the two is present.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(
        @JsonProperty(value = "a", required = true) LinkEnd a,
        @JsonProperty(value = "b", required = true) LinkEnd b,
        @JsonProperty(value = "capacityGbps", required = true) double capacityGbps,
        @JsonProperty("latencyUs") Double latencyUs,
        @JsonProperty("fibreKm") Double fibreKm) {

    public Link {
        Fields.required(a, "a");
        Fields.required(b, "b");
    }

    /** Light in fibre covers a kilometre in about 5 microseconds. */
    public static final double FIBRE_NANOS_PER_KM = 5_000.0;

    /** One-way latency in whole nanoseconds (rounded half up). */
    @JsonIgnore
    public long latencyNanos() {
        double nanos = latencyUs != null ? latencyUs * 1_000.0 : fibreKm * FIBRE_NANOS_PER_KM;
        return Math.round(nanos);
    }

    /** Capacity per direction in whole Mb/s (rounded half up), as ONOS link config wants it. */
    @JsonIgnore
    public long capacityMbps() {
        return Math.round(capacityGbps * 1_000.0);
    }
}
