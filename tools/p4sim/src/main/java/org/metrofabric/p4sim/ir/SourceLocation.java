package org.metrofabric.p4sim.ir;

/** A position in a P4 source file (1-based line and column) that diagnostics and IR nodes carry. */
public record SourceLocation(String file, int line, int column) {
    /** Location of things p4sim creates itself rather than reads from a file. */
    public static final SourceLocation BUILTIN = new SourceLocation("<builtin>", 0, 0);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
