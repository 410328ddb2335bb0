package org.metrofabric.p4runtime.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The p4c-written P4Info files of the conformance corpus, copied unchanged into test resources. */
final class P4Infos {

    private P4Infos() {
    }

    static String text(String program) {
        String path = "/p4info/" + program + ".p4info.txt";
        try (InputStream in = P4Infos.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static P4InfoIndex index(String program) {
        return P4InfoIndex.parseText(text(program));
    }

    static P4RuntimeCodec codec(String program) {
        return P4RuntimeCodec.of(index(program));
    }
}
