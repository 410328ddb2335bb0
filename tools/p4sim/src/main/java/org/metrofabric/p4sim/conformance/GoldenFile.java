package org.metrofabric.p4sim.conformance;

import java.util.List;

/**
 * A parsed golden file: its name (for messages), its commands in file order, and the source lines (so
 * reports can quote the line that differs).
 */
public record GoldenFile(String name, List<GoldenCommand> commands, List<String> sourceLines) {
    public GoldenFile {
        commands = List.copyOf(commands);
        sourceLines = List.copyOf(sourceLines);
    }

    /** A golden built in code (no source text): reports describe its commands instead of quoting lines. */
    public GoldenFile(String name, List<GoldenCommand> commands) {
        this(name, commands, List.of());
    }

    /** The text of a 1-based line without its comment, or "" when out of range. */
    public String text(int line) {
        if (line < 1 || line > sourceLines.size()) {
            return "";
        }
        String source = sourceLines.get(line - 1);
        int hash = source.indexOf('#');
        return (hash < 0 ? source : source.substring(0, hash)).trim();
    }
}
