package org.metrofabric.fabric.api;

/** A switch's place in the leaf-spine fabric. */
public enum DeviceRole {
    SPINE("spine"),
    LEAF("leaf");

    private final String configName;

    DeviceRole(String configName) {
        this.configName = configName;
    }

    /** The name used in netcfg and on the CLI. */
    public String configName() {
        return configName;
    }

    /** @return the role, or null when {@code name} is not a role name */
    public static DeviceRole fromConfigName(String name) {
        for (DeviceRole role : values()) {
            if (role.configName.equals(name)) {
                return role;
            }
        }
        return null;
    }
}
