package org.metrofabric.p4sim.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metrofabric.p4sim.typecheck.Compiler;

/**
 * Malformed programs are rejected with the error at the right file:line:column. In each case the
 * marker {@code @@} stands just before the offending construct; it is removed before compiling.
 */
class MalformedProgramTest {
    private static final String PRELUDE = """
            #include <core.p4>
            #include <v1model.p4>
            header ethernet_t { bit<48> dst; bit<48> src; bit<16> etherType; }
            struct headers_t { ethernet_t ethernet; }
            struct meta_t { bit<8> x; }
            """;

    private static String program(String parserBody, String ingressLocals, String ingressBody) {
        return PRELUDE + """
                parser P(packet_in pkt, out headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
                %s
                }
                control V(inout headers_t hdr, inout meta_t meta) { apply { } }
                control I(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
                %s
                    apply {
                %s
                    }
                }
                control E(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) { apply { } }
                control C(inout headers_t hdr, inout meta_t meta) { apply { } }
                control D(packet_out pkt, in headers_t hdr) { apply { pkt.emit(hdr.ethernet); } }
                V1Switch(P(), V(), I(), E(), C(), D()) main;
                """.formatted(parserBody, ingressLocals, ingressBody);
    }

    private static final String START = "    state start { pkt.extract(hdr.ethernet); transition accept; }";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("missing semicolon", program(START, "", "        sm.egress_spec = 1 @@}"), "syntax error"),
                Arguments.of("unknown name", program(START, "", "        sm.egress_spec = @@port;"), "unknown name 'port'"),
                Arguments.of("unknown field", program(START, "", "        hdr.ethernet.@@vlan = 1;"),
                        "has no field 'vlan'"),
                Arguments.of("width mismatch", program(START, "", "        hdr.ethernet.etherType = @@hdr.ethernet.dst;"),
                        "width mismatch: expected bit<16>, got bit<48>"),
                Arguments.of("binary width mismatch", program(START, "",
                        "        meta.x = (bit<8>)(@@hdr.ethernet.etherType + meta.x);"), "width mismatch"),
                Arguments.of("unknown table action", program(START,
                        "    table t { key = { hdr.ethernet.dst: exact; } actions = { @@fwd; } }", "        t.apply();"),
                        "unknown action 'fwd' in table t"),
                Arguments.of("default action not listed", program(START,
                        "    action a() { } action b() { }\n"
                                + "    table t { key = { hdr.ethernet.dst: exact; } actions = { a; } default_action = @@b(); }",
                        "        t.apply();"), "action 'b' is not in the actions of table t"),
                Arguments.of("bad key expression", program(START,
                        "    action a() { }\n    table t { key = { @@hdr.ethernet: exact; } actions = { a; } }",
                        "        t.apply();"), "bad key expression"),
                Arguments.of("unknown match kind", program(START,
                        "    action a() { }\n    table t { key = { hdr.ethernet.dst: @@fuzzy; } actions = { a; } }",
                        "        t.apply();"), "unknown match kind 'fuzzy'"),
                Arguments.of("assignment to in parameter", program(START,
                        "    action a(in bit<8> v) { @@v = 1; }", "        a(meta.x);"), "'v' is an 'in' parameter"),
                Arguments.of("assignment to action data", program(START,
                        "    action a(bit<8> v) { @@v = 1; }", ""), "directionless"),
                Arguments.of("unknown type", program(START, "", "        @@port_t p = 1;"), "unknown type 'port_t'"),
                Arguments.of("unknown state", program("    state start { transition @@nowhere; }", "", ""),
                        "unknown parser state 'nowhere'"),
                Arguments.of("non-bool condition", program(START, "", "        if (@@meta.x) { }"),
                        "condition must be bool"),
                Arguments.of("slice out of range", program(START, "", "        meta.x = @@hdr.ethernet.etherType[16:9];"),
                        "out of range"),
                Arguments.of("duplicate declaration", program(START, "    action a() { }\n    action @@a() { }", ""),
                        "'a' is already declared"),
                Arguments.of("unknown extern method", program(START, "    counter(4, CounterType.packets) c;",
                        "        @@c.bump(0);"), "has no method 'bump'"),
                Arguments.of("unknown error", program(START, "", "        if (sm.parser_error == error.@@Oops) { }"),
                        "unknown error 'error.Oops'"),
                Arguments.of("unexpected character", program(START, "", "        meta.x = @@$;"), "unexpected character"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedAtTheOffendingConstruct(String what, String marked, String message) {
        int at = marked.indexOf("@@");
        String before = marked.substring(0, at);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = at - before.lastIndexOf('\n');
        String source = marked.replace("@@", "");
        P4CompileException e = assertThrows(P4CompileException.class, () -> Compiler.compileText("bad.p4", source));
        assertTrue(e.reason().contains(message), what + ": got '" + e.getMessage() + "'");
        assertEquals("bad.p4", e.location().file(), e.getMessage());
        assertEquals(line, e.location().line(), e.getMessage());
        assertEquals(column, e.location().column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.p4:" + line + ":" + column + ": "), e.getMessage());
    }
}
