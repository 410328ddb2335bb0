package org.metrofabric.p4sim.runtime;

import java.util.List;

/**
 * A clone session as P4Runtime's CloneSessionEntry models it. BMv2 sends one clone per replica port
 * ({@link #ports()}); {@code packetLengthBytes} 0 means do not truncate.
 */
public record CloneSession(int sessionId, List<Replica> replicas, int classOfService, int packetLengthBytes) {
    public CloneSession {
        replicas = List.copyOf(replicas);
    }

    /** The session's egress ports in replica order. */
    public List<Integer> ports() {
        return replicas.stream().map(Replica::port).toList();
    }

    /** The first replica's port, which is the whole session for the usual single-port session. */
    public int port() {
        if (replicas.isEmpty()) {
            throw new IllegalStateException("clone session " + sessionId + " has no replica");
        }
        return replicas.get(0).port();
    }
}
