package org.metrofabric.emulator.net;

/** A port of a node. */
public record Endpoint(Node node, int port) {
    public Endpoint {
        if (node == null) {
            throw new IllegalArgumentException("endpoint node must not be null");
        }
    }

    @Override
    public String toString() {
        return node.name() + "/" + port;
    }
}
