package org.metrofabric.p4runtime.codec;

import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;

/** Short builders for PI test objects; values padded to the field width as ONOS produces them. */
final class Pi {

    private Pi() {
    }

    /** {@code value} as ceil(bits/8) big-endian bytes. */
    static ImmutableByteSequence bits(long value, int bits) {
        int length = (bits + 7) / 8;
        byte[] out = new byte[length];
        for (int i = 0; i < length && i < 8; i++) {
            out[length - 1 - i] = (byte) (value >>> (8 * i));
        }
        return ImmutableByteSequence.copyFrom(out);
    }

    static ImmutableByteSequence raw(int... bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
        return ImmutableByteSequence.copyFrom(out);
    }

    static PiActionParam param(String name, long value, int bits) {
        return new PiActionParam(PiActionParamId.of(name), bits(value, bits));
    }

    static PiAction action(String name, PiActionParam... params) {
        PiAction.Builder out = PiAction.builder().withId(PiActionId.of(name));
        for (PiActionParam param : params) {
            out.withParameter(param);
        }
        return out.build();
    }
}
