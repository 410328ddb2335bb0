package org.metrofabric.p4sim.frontend;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/** Runs the ANTLR lexer and parser over preprocessed text; the first syntax error is thrown, located. */
public final class SyntaxParser {
    private SyntaxParser() {
    }

    /** Parses a whole program. */
    public static P4Parser.ProgramContext parse(PreprocessedSource source) {
        P4Lexer lexer = new P4Lexer(CharStreams.fromString(source.text()));
        BaseErrorListener thrower = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                                    int charPositionInLine, String msg, RecognitionException e) {
                String what = offendingSymbol instanceof Token t
                        ? (t.getType() == Token.EOF ? "syntax error at end of input" : "syntax error at '" + t.getText() + "'")
                        : "syntax error";
                throw new P4CompileException(source.locate(line, charPositionInLine), what + ": " + msg);
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(thrower);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        for (Token t : tokens.getTokens()) {
            if (t.getType() == P4Lexer.UNKNOWN_CHAR) {
                throw new P4CompileException(source.locate(t.getLine(), t.getCharPositionInLine()),
                        "unexpected character '" + t.getText() + "'");
            }
        }
        P4Parser parser = new P4Parser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(thrower);
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        try {
            return parser.program();
        } catch (ParseCancellationException e) {
            throw new P4CompileException(source.locate(1, 0), "syntax error: " + e.getMessage());
        }
    }
}
