package org.metrofabric.topology.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Pretty JSON output to a file or to the command's standard output. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static void write(Object value, Path output, PrintWriter stdout) throws IOException {
        String text = MAPPER.writeValueAsString(value) + "\n";
        if (output == null) {
            stdout.print(text);
            stdout.flush();
        } else {
            Files.writeString(output, text);
        }
    }
}
