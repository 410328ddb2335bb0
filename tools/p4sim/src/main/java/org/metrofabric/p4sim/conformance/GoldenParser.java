package org.metrofabric.p4sim.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metrofabric.p4sim.conformance.GoldenCommand.ActionText;
import org.metrofabric.p4sim.conformance.GoldenCommand.EntryTarget;
import org.metrofabric.p4sim.conformance.GoldenCommand.Match;
import org.metrofabric.p4sim.conformance.GoldenCommand.Rates;
import org.metrofabric.p4sim.conformance.GoldenCommand.ReplicaText;

/**
 * Parses the golden format (docs/golden-format.md): one command per line, {@code #} starts a comment.
 * Only syntax is checked here; names and widths are checked against the P4Info when the file runs.
 */
public final class GoldenParser {
    private final String file;
    private int lineNumber;

    private GoldenParser(String file) {
        this.file = file;
    }

    public static GoldenFile parse(Path path) {
        try {
            return parse(path.getFileName().toString(), Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public static GoldenFile parse(String name, List<String> lines) {
        GoldenParser parser = new GoldenParser(name);
        List<GoldenCommand> commands = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            parser.lineNumber = i + 1;
            String text = stripComment(lines.get(i)).trim();
            if (!text.isEmpty()) {
                commands.add(parser.parseLine(text));
            }
        }
        return new GoldenFile(name, commands, lines);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private GoldenFormatException error(String message) {
        return new GoldenFormatException(file, lineNumber, message);
    }

    private GoldenCommand parseLine(String text) {
        String[] words = text.split("\\s+");
        String verb = words[0];
        switch (verb) {
            case "table_add":
                return tableAdd(text);
            case "table_default": {
                requireAtLeast(words, 3, "table_default TABLE ACTION(PARAM=VALUE, ...)");
                return new GoldenCommand.TableDefault(lineNumber, words[1], action(rest(text, 2)));
            }
            case "member_add": {
                requireAtLeast(words, 4, "member_add PROFILE MID ACTION(PARAM=VALUE, ...)");
                return new GoldenCommand.MemberAdd(lineNumber, words[1], intValue(words[2], "member id"),
                        action(rest(text, 3)));
            }
            case "group_add":
            case "group_set": {
                requireAtLeast(words, 3, verb + " PROFILE GID MID ...");
                List<Integer> members = new ArrayList<>();
                for (int i = 3; i < words.length; i++) {
                    members.add(intValue(words[i], "member id"));
                }
                int groupId = intValue(words[2], "group id");
                return verb.equals("group_add")
                        ? new GoldenCommand.GroupAdd(lineNumber, words[1], groupId, members)
                        : new GoldenCommand.GroupSet(lineNumber, words[1], groupId, members);
            }
            case "bind_profile":
                requireExactly(words, 3, "bind_profile TABLE PROFILE");
                return new GoldenCommand.BindProfile(lineNumber, words[1], words[2]);
            case "mc_group": {
                requireAtLeast(words, 2, "mc_group GID PORT:RID ...");
                List<ReplicaText> replicas = new ArrayList<>();
                for (int i = 2; i < words.length; i++) {
                    String[] parts = words[i].split(":", -1);
                    if (parts.length != 2) {
                        throw error("replica '" + words[i] + "' is not PORT:RID");
                    }
                    replicas.add(new ReplicaText(intValue(parts[0], "port"), intValue(parts[1], "replica id")));
                }
                return new GoldenCommand.McGroup(lineNumber, intValue(words[1], "group id"), replicas);
            }
            case "clone_session":
                requireExactly(words, 3, "clone_session SID PORT");
                return new GoldenCommand.CloneSessionLine(lineNumber, intValue(words[1], "session id"),
                        intValue(words[2], "port"));
            case "meter_set":
                requireExactly(words, 5, "meter_set METER INDEX CIR/CBURST PIR/PBURST");
                return new GoldenCommand.MeterSet(lineNumber, words[1], longValue(words[2], "index"),
                        rates(words[3], words[4]));
            case "direct_meter_set": {
                requireAtLeast(words, 5, "direct_meter_set METER TABLE FIELD=VALUE ... CIR/CBURST PIR/PBURST");
                Match match = match(Arrays.copyOfRange(words, 3, words.length - 2));
                return new GoldenCommand.DirectMeterSet(lineNumber, words[1], words[2], match,
                        rates(words[words.length - 2], words[words.length - 1]));
            }
            case "packet":
                requireExactly(words, 3, "packet PORT HEX");
                return new GoldenCommand.Packet(lineNumber, intValue(words[1], "port"), hex(words[2]));
            case "expect":
                if (words.length == 2 && words[1].equals("none")) {
                    return new GoldenCommand.Expect(lineNumber, -1, null);
                }
                requireExactly(words, 3, "expect PORT HEX or expect none");
                return new GoldenCommand.Expect(lineNumber, intValue(words[1], "port"), hex(words[2]));
            case "counter": {
                requireExactly(words, 5, "counter COUNTER INDEX packets=N bytes=M");
                return new GoldenCommand.CounterCheck(lineNumber, words[1], longValue(words[2], "index"),
                        longValue(keyed(words[3], "packets"), "packets"), longValue(keyed(words[4], "bytes"), "bytes"));
            }
            case "direct_counter":
                return directCounter(words);
            case "register":
                requireExactly(words, 4, "register REGISTER INDEX value=V");
                return new GoldenCommand.RegisterCheck(lineNumber, words[1], longValue(words[2], "index"),
                        number(keyed(words[3], "value"), "value"));
            default:
                throw error("unknown command '" + verb + "'");
        }
    }

    private GoldenCommand directCounter(String[] words) {
        String usage = "direct_counter COUNTER TABLE FIELD=VALUE ... packets=N [bytes=M]";
        requireAtLeast(words, 4, usage);
        int end = words.length;
        Long bytes = null;
        if (words[end - 1].startsWith("bytes=")) {
            bytes = longValue(keyed(words[end - 1], "bytes"), "bytes");
            end--;
        }
        if (end < 4 || !words[end - 1].startsWith("packets=")) {
            throw error("expected " + usage);
        }
        long packets = longValue(keyed(words[end - 1], "packets"), "packets");
        Match match = match(Arrays.copyOfRange(words, 3, end - 1));
        return new GoldenCommand.DirectCounterCheck(lineNumber, words[1], words[2], match, packets, bytes);
    }

    private GoldenCommand tableAdd(String text) {
        int arrow = text.indexOf("=>");
        if (arrow < 0) {
            throw error("table_add needs '=>' between the match and the action");
        }
        String[] left = text.substring(0, arrow).trim().split("\\s+");
        if (left.length < 2) {
            throw error("expected table_add TABLE FIELD=VALUE ... => ACTION(...) [priority=N]");
        }
        String right = text.substring(arrow + 2).trim();
        int close = right.lastIndexOf(')');
        if (close < 0) {
            throw error("the action '" + right + "' lacks '(...)'");
        }
        String tail = right.substring(close + 1).trim();
        Integer priority = null;
        if (!tail.isEmpty()) {
            priority = intValue(keyed(tail, "priority"), "priority");
        }
        Match fields = match(Arrays.copyOfRange(left, 2, left.length));
        if (fields.priority() != null) {
            throw error("priority=N goes after the action");
        }
        Match match = new Match(fields.fields(), priority);
        String target = right.substring(0, close + 1);
        EntryTarget entryTarget;
        if (target.startsWith("group(")) {
            entryTarget = new GoldenCommand.GroupTarget(intValue(inner(target), "group id"));
        } else if (target.startsWith("member(")) {
            entryTarget = new GoldenCommand.MemberTarget(intValue(inner(target), "member id"));
        } else {
            entryTarget = new GoldenCommand.DirectAction(action(target));
        }
        return new GoldenCommand.TableAdd(lineNumber, left[1], match, entryTarget);
    }

    private static String inner(String call) {
        return call.substring(call.indexOf('(') + 1, call.length() - 1).trim();
    }

    private Match match(String[] tokens) {
        Map<String, MatchValue> fields = new LinkedHashMap<>();
        Integer priority = null;
        for (String token : tokens) {
            int equals = token.indexOf('=');
            if (equals <= 0) {
                throw error("match '" + token + "' is not FIELD=VALUE");
            }
            String name = token.substring(0, equals);
            String value = token.substring(equals + 1);
            if (name.equals("priority")) {
                if (priority != null) {
                    throw error("priority given twice");
                }
                priority = intValue(value, "priority");
                continue;
            }
            if (fields.put(name, matchValue(name, value)) != null) {
                throw error("field " + name + " given twice");
            }
        }
        return new Match(fields, priority);
    }

    private MatchValue matchValue(String field, String text) {
        String what = "field " + field;
        int mask = text.indexOf("&&&");
        if (mask >= 0) {
            return new MatchValue.Masked(number(text.substring(0, mask), what),
                    number(text.substring(mask + 3), what + " mask"));
        }
        int range = text.indexOf("..");
        if (range >= 0) {
            return new MatchValue.Range(number(text.substring(0, range), what + " low"),
                    number(text.substring(range + 2), what + " high"));
        }
        int slash = text.indexOf('/');
        if (slash >= 0) {
            return new MatchValue.Prefix(number(text.substring(0, slash), what),
                    intValue(text.substring(slash + 1), what + " prefix length"));
        }
        return new MatchValue.Plain(number(text, what));
    }

    private ActionText action(String text) {
        String trimmed = text.trim();
        int open = trimmed.indexOf('(');
        if (open <= 0 || !trimmed.endsWith(")")) {
            throw error("action '" + trimmed + "' is not NAME(PARAM=VALUE, ...)");
        }
        String name = trimmed.substring(0, open).trim();
        String args = trimmed.substring(open + 1, trimmed.length() - 1).trim();
        Map<String, BigInteger> params = new LinkedHashMap<>();
        if (!args.isEmpty()) {
            for (String arg : args.split(",")) {
                String[] pair = arg.trim().split("=", -1);
                if (pair.length != 2 || pair[0].isBlank()) {
                    throw error("action " + name + " argument '" + arg.trim() + "' is not PARAM=VALUE");
                }
                String param = pair[0].trim();
                if (params.put(param, number(pair[1].trim(), "parameter " + param)) != null) {
                    throw error("action " + name + " parameter " + param + " given twice");
                }
            }
        }
        return new ActionText(name, params);
    }

    private Rates rates(String committed, String peak) {
        String[] c = committed.split("/", -1);
        String[] p = peak.split("/", -1);
        if (c.length != 2 || p.length != 2) {
            throw error("meter rates must be RATE/BURST RATE/BURST, got '" + committed + " " + peak + "'");
        }
        return new Rates(rate(c[0]), longValue(c[1], "committed burst"), rate(p[0]),
                longValue(p[1], "peak burst"));
    }

    private double rate(String text) {
        try {
            double value = Double.parseDouble(text);
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw error("rate '" + text + "' must be a non-negative number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw error("rate '" + text + "' is not a number");
        }
    }

    private String keyed(String token, String key) {
        if (!token.startsWith(key + "=")) {
            throw error("expected " + key + "=N, got '" + token + "'");
        }
        return token.substring(key.length() + 1);
    }

    private BigInteger number(String text, String what) {
        try {
            BigInteger value = text.startsWith("0x") || text.startsWith("0X")
                    ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
            if (value.signum() < 0) {
                throw error(what + ": negative value '" + text + "'");
            }
            return value;
        } catch (NumberFormatException e) {
            throw error(what + ": '" + text + "' is not a decimal or 0x hex number");
        }
    }

    private int intValue(String text, String what) {
        BigInteger value = number(text, what);
        if (value.bitLength() > 31) {
            throw error(what + ": " + text + " is too large");
        }
        return value.intValue();
    }

    private long longValue(String text, String what) {
        BigInteger value = number(text, what);
        if (value.bitLength() > 63) {
            throw error(what + ": " + text + " is too large");
        }
        return value.longValue();
    }

    private byte[] hex(String text) {
        if (text.length() % 2 != 0) {
            throw error("frame hex has an odd number of digits");
        }
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw error("frame '" + text + "' is not hex");
        }
    }

    private static String rest(String text, int wordsToSkip) {
        return text.trim().split("\\s+", wordsToSkip + 1)[wordsToSkip];
    }

    private void requireAtLeast(String[] words, int count, String usage) {
        if (words.length < count) {
            throw error("expected " + usage);
        }
    }

    private void requireExactly(String[] words, int count, String usage) {
        if (words.length != count) {
            throw error("expected " + usage);
        }
    }
}
