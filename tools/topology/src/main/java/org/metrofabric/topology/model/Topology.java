package org.metrofabric.topology.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A whole metro fabric as described by one topology file. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Topology(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("description") String description,
        @JsonProperty(value = "spines", required = true) List<Spine> spines,
        @JsonProperty(value = "leaves", required = true) List<Leaf> leaves,
        @JsonProperty(value = "hosts", required = true) List<Host> hosts,
        @JsonProperty(value = "links", required = true) List<Link> links) {

    public Topology {
        Fields.required(name, "name");
        Fields.required(spines, "spines");
        Fields.required(leaves, "leaves");
        Fields.required(hosts, "hosts");
        Fields.required(links, "links");
        spines = List.copyOf(spines);
        leaves = List.copyOf(leaves);
        hosts = List.copyOf(hosts);
        links = List.copyOf(links);
    }

    /** Spines first, then leaves, each in file order. */
    public List<Switch> switches() {
        return Stream.concat(spines.stream(), leaves.stream()).map(Switch.class::cast).toList();
    }

    public Optional<Leaf> leaf(String leafName) {
        return leaves.stream().filter(l -> l.name().equals(leafName)).findFirst();
    }
}
