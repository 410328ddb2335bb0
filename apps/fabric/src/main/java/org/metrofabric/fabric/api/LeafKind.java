package org.metrofabric.fabric.api;

/** What a leaf connects: users (access) or a cloud site, edge (MEC) or central. */
public enum LeafKind {
    ACCESS("access"),
    EDGE_CLOUD("edge-cloud"),
    CORE_CLOUD("core-cloud");

    private final String configName;

    LeafKind(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public boolean isCloud() {
        return this != ACCESS;
    }

    /** @return the kind, or null when {@code name} is not a kind name */
    public static LeafKind fromConfigName(String name) {
        for (LeafKind kind : values()) {
            if (kind.configName.equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
