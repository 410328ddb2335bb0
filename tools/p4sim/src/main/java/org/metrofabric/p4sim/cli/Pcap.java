package org.metrofabric.p4sim.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the frames of a classic libpcap file (micro- or nanosecond timestamps, either byte order). */
final class Pcap {
    private static final int MAGIC_MICROS = 0xA1B2C3D4;
    private static final int MAGIC_NANOS = 0xA1B23C4D;
    private static final int GLOBAL_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    private Pcap() {
    }

    /** The frames in file order; throws IllegalArgumentException naming the problem and offset. */
    static List<byte[]> read(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        if (data.length < GLOBAL_HEADER) {
            throw new IllegalArgumentException(file + ": too short for a pcap header");
        }
        ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
        int magic = buf.getInt(0);
        if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
            buf.order(ByteOrder.LITTLE_ENDIAN);
            magic = buf.getInt(0);
            if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
                throw new IllegalArgumentException(file + ": not a pcap file (magic " + Integer.toHexString(magic) + ")");
            }
        }
        List<byte[]> frames = new ArrayList<>();
        int at = GLOBAL_HEADER;
        while (at < data.length) {
            if (at + RECORD_HEADER > data.length) {
                throw new IllegalArgumentException(file + ": truncated record header at offset " + at);
            }
            int captured = buf.getInt(at + 8);
            if (captured < 0 || at + RECORD_HEADER + (long) captured > data.length) {
                throw new IllegalArgumentException(file + ": record at offset " + at + " claims " + captured
                        + " bytes beyond the end of the file");
            }
            frames.add(Arrays.copyOfRange(data, at + RECORD_HEADER, at + RECORD_HEADER + captured));
            at += RECORD_HEADER + captured;
        }
        return frames;
    }
}
