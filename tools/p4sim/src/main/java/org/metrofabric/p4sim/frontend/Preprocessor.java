package org.metrofabric.p4sim.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metrofabric.p4sim.ir.SourceLocation;

/**
 * The part of the C preprocessor P4 programs use: {@code #include <...>} (p4sim's own core.p4 and
 * v1model.p4) and {@code "..."} (relative to the including file), object-like {@code #define} /
 * {@code #undef}, and {@code #if/#ifdef/#ifndef/#elif/#else/#endif} with {@code defined}, integer
 * and comparison/logical operators. Removed lines stay as blank lines so positions stay exact
 * within a file.
 */
public final class Preprocessor {
    private static final String SYSTEM_INCLUDES = "/org/metrofabric/p4sim/frontend/include/";
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*#\\s*(\\w+)\\s*(.*)$");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_INCLUDE_DEPTH = 32;

    private final Map<String, String> macros = new HashMap<>();
    private final StringBuilder out = new StringBuilder();
    private final List<String> lineFiles = new ArrayList<>();
    private final List<Integer> lineNumbers = new ArrayList<>();

    /** Preprocesses {@code file} and everything it includes. */
    public static PreprocessedSource run(Path file) {
        Preprocessor p = new Preprocessor();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new P4CompileException(new SourceLocation(file.toString(), 0, 0),
                    "cannot read file: " + e.getMessage());
        }
        p.processFile(file.toString(), file.toAbsolutePath().getParent(), text, 0);
        int[] numbers = p.lineNumbers.stream().mapToInt(Integer::intValue).toArray();
        return new PreprocessedSource(p.out.toString(), List.copyOf(p.lineFiles), numbers);
    }

    /** Preprocesses source text that has no file of its own ({@code name} is used in messages). */
    public static PreprocessedSource runText(String name, String text) {
        Preprocessor p = new Preprocessor();
        p.processFile(name, null, text, 0);
        int[] numbers = p.lineNumbers.stream().mapToInt(Integer::intValue).toArray();
        return new PreprocessedSource(p.out.toString(), List.copyOf(p.lineFiles), numbers);
    }

    private static final class Conditional {
        final boolean parentActive;
        boolean taken;
        boolean active;
        boolean seenElse;

        Conditional(boolean parentActive, boolean condition) {
            this.parentActive = parentActive;
            this.active = parentActive && condition;
            this.taken = condition;
        }
    }

    private void processFile(String name, Path dir, String text, int depth) {
        String[] lines = text.split("\r?\n", -1);
        Deque<Conditional> conditionals = new ArrayDeque<>();
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            // Joined continuation lines keep one output line per input line.
            int extra = 0;
            while (line.endsWith("\\") && i + 1 + extra < lines.length) {
                extra++;
                line = line.substring(0, line.length() - 1) + " " + lines[i + extra];
            }
            SourceLocation loc = new SourceLocation(name, lineNo, 1);
            boolean active = conditionals.isEmpty() || conditionals.peek().active;
            Matcher m = DIRECTIVE.matcher(line);
            if (m.matches()) {
                String arg = stripComment(m.group(2)).trim();
                handleDirective(m.group(1), arg, loc, dir, depth, conditionals, active);
                emit("", name, lineNo);
            } else {
                emit(active ? expand(line, loc) : "", name, lineNo);
            }
            for (int k = 0; k < extra; k++) {
                emit("", name, lineNo + 1 + k);
            }
            i += extra;
        }
        if (!conditionals.isEmpty()) {
            throw new P4CompileException(new SourceLocation(name, lines.length, 1),
                    "unterminated #if/#ifdef/#ifndef (missing #endif)");
        }
    }

    private void handleDirective(String directive, String arg, SourceLocation loc, Path dir, int depth,
                                 Deque<Conditional> conditionals, boolean active) {
        switch (directive) {
            case "ifdef" -> conditionals.push(new Conditional(active, macros.containsKey(requireName(arg, loc))));
            case "ifndef" -> conditionals.push(new Conditional(active, !macros.containsKey(requireName(arg, loc))));
            case "if" -> conditionals.push(new Conditional(active, active && evaluate(arg, loc) != 0));
            case "elif" -> {
                Conditional c = requireOpen(conditionals, loc, "#elif");
                boolean condition = !c.taken && c.parentActive && evaluate(arg, loc) != 0;
                c.active = c.parentActive && condition;
                c.taken |= condition;
            }
            case "else" -> {
                Conditional c = requireOpen(conditionals, loc, "#else");
                if (c.seenElse) {
                    throw new P4CompileException(loc, "#else after #else");
                }
                c.seenElse = true;
                c.active = c.parentActive && !c.taken;
                c.taken = true;
            }
            case "endif" -> {
                requireOpen(conditionals, loc, "#endif");
                conditionals.pop();
            }
            default -> {
                if (active) {
                    handleActiveDirective(directive, arg, loc, dir, depth);
                }
            }
        }
    }

    private void handleActiveDirective(String directive, String arg, SourceLocation loc, Path dir, int depth) {
        switch (directive) {
            case "define" -> {
                Matcher m = IDENT.matcher(arg);
                if (!m.lookingAt()) {
                    throw new P4CompileException(loc, "#define needs a macro name");
                }
                String macro = m.group();
                String body = arg.substring(m.end());
                if (body.startsWith("(")) {
                    throw new P4CompileException(loc, "function-like macro '" + macro + "' is not supported");
                }
                macros.put(macro, body.trim());
            }
            case "undef" -> macros.remove(requireName(arg, loc));
            case "include" -> include(arg, loc, dir, depth);
            case "error" -> throw new P4CompileException(loc, "#error " + arg);
            case "warning", "pragma", "line" -> { }
            default -> throw new P4CompileException(loc, "unknown preprocessor directive #" + directive);
        }
    }

    private void include(String arg, SourceLocation loc, Path dir, int depth) {
        if (depth >= MAX_INCLUDE_DEPTH) {
            throw new P4CompileException(loc, "#include nested too deeply (include cycle?)");
        }
        if (arg.length() >= 2 && arg.startsWith("<") && arg.endsWith(">")) {
            String file = arg.substring(1, arg.length() - 1);
            try (InputStream in = Preprocessor.class.getResourceAsStream(SYSTEM_INCLUDES + file)) {
                if (in == null) {
                    throw new P4CompileException(loc, "system include <" + file
                            + "> not found (p4sim provides <core.p4> and <v1model.p4>)");
                }
                processFile("<" + file + ">", null, new String(in.readAllBytes(), StandardCharsets.UTF_8), depth + 1);
            } catch (IOException e) {
                throw new P4CompileException(loc, "cannot read <" + file + ">: " + e.getMessage());
            }
        } else if (arg.length() >= 2 && arg.startsWith("\"") && arg.endsWith("\"")) {
            String file = arg.substring(1, arg.length() - 1);
            if (dir == null) {
                throw new P4CompileException(loc, "quoted #include \"" + file + "\" has no directory to resolve against");
            }
            Path path = dir.resolve(file).normalize();
            String text;
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new P4CompileException(loc, "cannot read included file " + path + ": " + e);
            }
            processFile(path.toString(), path.getParent(), text, depth + 1);
        } else {
            throw new P4CompileException(loc, "#include expects <file> or \"file\", got: " + arg);
        }
    }

    private void emit(String text, String file, int line) {
        out.append(text).append('\n');
        lineFiles.add(file);
        lineNumbers.add(line);
    }

    private static Conditional requireOpen(Deque<Conditional> conditionals, SourceLocation loc, String what) {
        if (conditionals.isEmpty()) {
            throw new P4CompileException(loc, what + " without #if");
        }
        return conditionals.peek();
    }

    private static String requireName(String arg, SourceLocation loc) {
        Matcher m = IDENT.matcher(arg);
        if (!m.matches()) {
            throw new P4CompileException(loc, "expected a macro name, got '" + arg + "'");
        }
        return arg;
    }

    private static String stripComment(String s) {
        int line = s.indexOf("//");
        int block = s.indexOf("/*");
        int cut = line < 0 ? block : block < 0 ? line : Math.min(line, block);
        return cut < 0 ? s : s.substring(0, cut);
    }

    /** Replaces macro names outside string literals and comments; macros may refer to other macros. */
    String expand(String line, SourceLocation loc) {
        if (macros.isEmpty()) {
            return line;
        }
        return expand(line, loc, new HashSet<>());
    }

    private String expand(String line, SourceLocation loc, Set<String> expanding) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < line.length() && line.charAt(end) != '"') {
                    end += line.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, line.length());
                sb.append(line, i, end);
                i = end;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                sb.append(line, i, line.length());
                break;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
                    end++;
                }
                String word = line.substring(i, end);
                boolean partOfNumber = i > 0 && Character.isDigit(line.charAt(i - 1));
                if (!partOfNumber && macros.containsKey(word) && !expanding.contains(word)) {
                    expanding.add(word);
                    sb.append(expand(macros.get(word), loc, expanding));
                    expanding.remove(word);
                } else {
                    sb.append(word);
                }
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
                    end++;
                }
                sb.append(line, i, end);
                i = end;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private long evaluate(String expression, SourceLocation loc) {
        return new ConditionEvaluator(expression, loc).evaluate();
    }

    /** Recursive-descent evaluation of a #if condition. */
    private final class ConditionEvaluator {
        private final String s;
        private final SourceLocation loc;
        private int pos;

        ConditionEvaluator(String s, SourceLocation loc) {
            this.s = s;
            this.loc = loc;
        }

        long evaluate() {
            long v = or();
            skip();
            if (pos != s.length()) {
                throw new P4CompileException(loc, "cannot evaluate #if condition '" + s + "' at '" + s.substring(pos) + "'");
            }
            return v;
        }

        private long or() {
            long v = and();
            while (accept("||")) {
                long r = and();
                v = (v != 0 || r != 0) ? 1 : 0;
            }
            return v;
        }

        private long and() {
            long v = comparison();
            while (accept("&&")) {
                long r = comparison();
                v = (v != 0 && r != 0) ? 1 : 0;
            }
            return v;
        }

        private long comparison() {
            long v = unary();
            while (true) {
                if (accept("==")) {
                    v = v == unary() ? 1 : 0;
                } else if (accept("!=")) {
                    v = v != unary() ? 1 : 0;
                } else if (accept(">=")) {
                    v = v >= unary() ? 1 : 0;
                } else if (accept("<=")) {
                    v = v <= unary() ? 1 : 0;
                } else if (accept(">")) {
                    v = v > unary() ? 1 : 0;
                } else if (accept("<")) {
                    v = v < unary() ? 1 : 0;
                } else {
                    return v;
                }
            }
        }

        private long unary() {
            if (accept("!")) {
                return unary() == 0 ? 1 : 0;
            }
            if (accept("(")) {
                long v = or();
                expect(")");
                return v;
            }
            skip();
            Matcher ident = IDENT.matcher(s).region(pos, s.length());
            if (ident.lookingAt()) {
                String word = ident.group();
                pos = ident.end();
                if (word.equals("defined")) {
                    boolean paren = accept("(");
                    skip();
                    Matcher name = IDENT.matcher(s).region(pos, s.length());
                    if (!name.lookingAt()) {
                        throw new P4CompileException(loc, "defined needs a macro name in '" + s + "'");
                    }
                    pos = name.end();
                    if (paren) {
                        expect(")");
                    }
                    return macros.containsKey(name.group()) ? 1 : 0;
                }
                String body = macros.get(word);
                return body == null || body.isBlank() ? 0 : new ConditionEvaluator(expand(body, loc), loc).evaluate();
            }
            int start = pos;
            while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw new P4CompileException(loc, "cannot evaluate #if condition '" + s + "'");
            }
            String number = s.substring(start, pos).replaceAll("[uUlL]+$", "");
            try {
                return number.startsWith("0x") || number.startsWith("0X")
                        ? Long.parseLong(number.substring(2), 16) : Long.parseLong(number);
            } catch (NumberFormatException e) {
                throw new P4CompileException(loc, "bad number '" + number + "' in #if condition");
            }
        }

        private boolean accept(String token) {
            skip();
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!accept(token)) {
                throw new P4CompileException(loc, "expected '" + token + "' in #if condition '" + s + "'");
            }
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }
    }
}
