package org.metrofabric.p4sim.frontend;

import java.util.List;
import org.metrofabric.p4sim.ir.SourceLocation;

/**
 * Output of the preprocessor: the text the lexer reads plus, for every output line, the file
 * and line it came from, so diagnostics point at the original source.
 */
public record PreprocessedSource(String text, List<String> lineFiles, int[] lineNumbers) {

    /** Maps a 1-based line and 0-based column of {@link #text} back to the source. */
    public SourceLocation locate(int outputLine, int outputColumn) {
        if (outputLine < 1 || lineFiles.isEmpty()) {
            return new SourceLocation(lineFiles.isEmpty() ? "<empty>" : lineFiles.get(0), 1, 1);
        }
        int index = Math.min(outputLine, lineFiles.size()) - 1;
        return new SourceLocation(lineFiles.get(index), lineNumbers[index], outputColumn + 1);
    }
}
