package org.metrofabric.p4sim.metro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HexFormat;
import java.util.List;
import org.metrofabric.p4sim.arch.v1model.OutputPacket;

/** PTF's verify_packet / verify_no_other_packets / verify_no_packet over the frames one input produced. */
final class Verify {
    private Verify() {
    }

    /** Exactly one frame came out, on {@code port}, byte for byte {@code expected}. */
    static void packet(List<OutputPacket> out, byte[] expected, int port) {
        OutputPacket only = onePacket(out, port);
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(only.bytes()),
                "frame on port " + port);
    }

    /** Exactly one frame came out, on {@code port}; returns it. */
    static OutputPacket onePacket(List<OutputPacket> out, int port) {
        OutputPacket only = onePacket(out);
        assertEquals(port, only.port(), "output port of " + only);
        return only;
    }

    /** Exactly one frame came out, on any port; returns it. */
    static OutputPacket onePacket(List<OutputPacket> out) {
        if (out.size() != 1) {
            fail("expected exactly one frame out, got " + out.size() + ": " + out);
        }
        return out.get(0);
    }

    static void noPacket(List<OutputPacket> out) {
        if (!out.isEmpty()) {
            fail("expected the frame to be dropped, got " + out);
        }
    }
}
