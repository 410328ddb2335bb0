package org.metrofabric.emulator.serve;

/**
 * A flow to start, in the scenario's words: UDP test traffic named {@code name} from host
 * {@code from} to host {@code to} at {@code rate} packets per second. The rest may be null for
 * the default: {@code size} (UDP payload bytes, 200), {@code dscp} (0), {@code packets} (0 =
 * until stopped), {@code srcPort} (10000 + the flow's id) and {@code dstPort} (5001).
 */
public record FlowRequest(String name, String from, String to, Long rate, Integer size, Integer dscp, Long packets,
                          Integer srcPort, Integer dstPort) {
    /** The names of the fields, as the console options and JSON fields are called. */
    public static final String NAME = "name";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String RATE = "rate";
    public static final String SIZE = "size";
    public static final String DSCP = "dscp";
    public static final String PACKETS = "packets";
    public static final String SRC_PORT = "srcPort";
    public static final String DST_PORT = "dstPort";
}
