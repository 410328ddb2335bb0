package org.metrofabric.topology.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a leaf connects: users (access) or a cloud site, edge (MEC) or central. */
public enum LeafKind {
    ACCESS("access"),
    EDGE_CLOUD("edge-cloud"),
    CORE_CLOUD("core-cloud");

    private final String jsonName;

    LeafKind(String jsonName) {
        this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    public boolean isCloud() {
        return this != ACCESS;
    }

    @JsonCreator
    public static LeafKind fromJson(String text) {
        for (LeafKind kind : values()) {
            if (kind.jsonName.equals(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown leaf kind \"" + text + "\"; expected one of "
                + Arrays.stream(values()).map(LeafKind::jsonName).collect(Collectors.joining(", ")));
    }
}
