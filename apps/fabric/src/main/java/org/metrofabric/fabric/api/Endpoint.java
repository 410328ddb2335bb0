package org.metrofabric.fabric.api;

import java.util.Objects;
import org.onlab.packet.IpPrefix;

/**
 * One end of a path intent: a host known by name, or an IPv4 prefix (a single address is a /32).
 * Which leaf it sits on is resolved against a {@link FabricSnapshot} at planning time.
 */
public final class Endpoint {
    private final String hostName;
    private final IpPrefix prefix;

    private Endpoint(String hostName, IpPrefix prefix) {
        this.hostName = hostName;
        this.prefix = prefix;
    }

    public static Endpoint host(String name) {
        return new Endpoint(Objects.requireNonNull(name, "name"), null);
    }

    public static Endpoint prefix(IpPrefix prefix) {
        return new Endpoint(null, Objects.requireNonNull(prefix, "prefix"));
    }

    public boolean isHost() {
        return hostName != null;
    }

    /** @return the host name; null for a prefix endpoint */
    public String hostName() {
        return hostName;
    }

    /** @return the prefix; null for a host endpoint */
    public IpPrefix prefix() {
        return prefix;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Endpoint)) {
            return false;
        }
        Endpoint that = (Endpoint) o;
        return Objects.equals(hostName, that.hostName) && Objects.equals(prefix, that.prefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostName, prefix);
    }

    /** The intent syntax for this endpoint: a host name, an address, or a prefix. */
    @Override
    public String toString() {
        if (hostName != null) {
            return hostName;
        }
        return prefix.prefixLength() == IpPrefix.MAX_INET_MASK_LENGTH ? prefix.address().toString() : prefix.toString();
    }
}
