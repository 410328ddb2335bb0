package org.metrofabric.p4sim.typecheck;

import java.nio.file.Path;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.frontend.P4Parser;
import org.metrofabric.p4sim.frontend.PreprocessedSource;
import org.metrofabric.p4sim.frontend.Preprocessor;
import org.metrofabric.p4sim.frontend.SyntaxParser;
import org.metrofabric.p4sim.ir.Program;

/** Entry point of the front-end: preprocess, parse, resolve names and check types. */
public final class Compiler {
    private Compiler() {
    }

    /**
     * Compiles a P4_16 v1model program.
     *
     * @throws P4CompileException with file:line:column for the first error found
     */
    public static Program compile(Path p4File) {
        PreprocessedSource source = Preprocessor.run(p4File);
        return compile(p4File.toString(), source);
    }

    /** Compiles program text that has no file (quoted includes are not available). */
    public static Program compileText(String name, String text) {
        return compile(name, Preprocessor.runText(name, text));
    }

    private static Program compile(String name, PreprocessedSource source) {
        P4Parser.ProgramContext tree = SyntaxParser.parse(source);
        return new ProgramBuilder(name, source).build(tree);
    }
}
