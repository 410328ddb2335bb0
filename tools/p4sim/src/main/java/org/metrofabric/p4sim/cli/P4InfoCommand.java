package org.metrofabric.p4sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.p4info.P4InfoWriter;
import org.metrofabric.p4sim.typecheck.Compiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code p4sim p4info FILE.p4 [-o OUT]}: the program's P4Info in text format, as p4c writes it. */
@Command(name = "p4info", mixinStandardHelpOptions = true,
        description = "Write the P4Info (protobuf text format) of a v1model P4_16 program, with p4c's names and ids.")
public final class P4InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.p4", description = "the P4_16 program")
    private Path program;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write here instead of standard output")
    private Path output;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String text;
        try {
            text = P4InfoWriter.writeText(Compiler.compile(program));
        } catch (P4CompileException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
        return 0;
    }
}
