package org.metrofabric.p4sim.conformance;

import com.google.protobuf.TextFormat;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import p4.config.v1.P4InfoOuterClass.P4Info;

/** Reads P4Info files in protobuf text format (what {@code p4c --p4runtime-files x.p4info.txt} writes). */
public final class P4InfoFiles {
    private P4InfoFiles() {
    }

    public static P4Info read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            P4Info.Builder builder = P4Info.newBuilder();
            TextFormat.getParser().merge(reader, builder);
            return builder.build();
        } catch (TextFormat.ParseException e) {
            throw new IllegalArgumentException(file + ": not a P4Info text file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
