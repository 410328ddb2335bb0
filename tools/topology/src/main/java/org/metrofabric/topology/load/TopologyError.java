package org.metrofabric.topology.load;

/** One problem in a topology file: where (a JSON path such as {@code $.hosts[2].leaf}) and why. */
public record TopologyError(String path, String reason) {
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
