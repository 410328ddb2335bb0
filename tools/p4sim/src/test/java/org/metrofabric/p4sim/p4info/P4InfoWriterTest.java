package org.metrofabric.p4sim.p4info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.typecheck.Compiler;
import p4.config.v1.P4InfoOuterClass.Action;
import p4.config.v1.P4InfoOuterClass.ActionRef;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.config.v1.P4InfoOuterClass.Table;

/** The p4c rules the corpus does not exercise, on small programs. */
class P4InfoWriterTest {
    private static final String PROLOGUE = """
            #include <core.p4>
            #include <v1model.p4>
            header h_t { bit<8> a; bit<16> b; }
            struct headers_t { h_t h; }
            struct meta_t { bit<8> m; bit<16> n; }
            parser P(packet_in pkt, out headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {
                state start { pkt.extract(hdr.h); transition accept; }
            }
            control V(inout headers_t hdr, inout meta_t meta) { apply { } }
            control E(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) { apply { } }
            control C(inout headers_t hdr, inout meta_t meta) { apply { } }
            control D(packet_out pkt, in headers_t hdr) { apply { pkt.emit(hdr.h); } }
            """;

    private static P4Info p4info(String ingressBody) {
        return P4InfoWriter.write(Compiler.compileText("test.p4", PROLOGUE
                + "control I(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {\n"
                + ingressBody + "\n}\nV1Switch(P(), V(), I(), E(), C(), D()) main;\n"));
    }

    private static Action action(P4Info p4info, String name) {
        return p4info.getActionsList().stream().filter(a -> a.getPreamble().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no action " + name + " in " + p4info));
    }

    private static Table table(P4Info p4info, String name) {
        return p4info.getTablesList().stream().filter(t -> t.getPreamble().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + name + " in " + p4info));
    }

    @Test
    void unusedTablesAndActionsAreLeftOutAndDirectCallsHaveNoParameters() {
        P4Info p4info = p4info("""
                action direct(bit<8> v) { hdr.h.a = v; }
                action listed(bit<8> v) { hdr.h.a = v; }
                action unused() { }
                table used_t { key = { hdr.h.a: exact; } actions = { listed; } }
                table unused_t { key = { hdr.h.a: exact; } actions = { unused; } }
                apply { direct(8w1); used_t.apply(); }
                """);
        assertEquals(List.of("I.used_t"), p4info.getTablesList().stream().map(t -> t.getPreamble().getName()).toList());
        assertEquals(List.of("NoAction", "I.direct", "I.listed"),
                p4info.getActionsList().stream().map(a -> a.getPreamble().getName()).toList());
        assertEquals(0, action(p4info, "I.direct").getParamsCount());
        assertEquals(1, action(p4info, "I.listed").getParamsCount());
        // no default_action: p4c lists NoAction as default-only and makes it the (non-const) default
        Table t = table(p4info, "I.used_t");
        ActionRef noAction = t.getActionRefs(1);
        assertEquals(action(p4info, "NoAction").getPreamble().getId(), noAction.getId());
        assertEquals(ActionRef.Scope.DEFAULT_ONLY, noAction.getScope());
        assertEquals(List.of("@defaultonly"), noAction.getAnnotationsList());
        assertEquals(0, t.getConstDefaultActionId());
        assertEquals(1024, t.getSize());
    }

    @Test
    void relativeNamesAreQualifiedAndAbsoluteOnesAreNot() {
        P4Info p4info = p4info("""
                @name("renamed") action a() { }
                @name(".Top.b") action b() { }
                @name(".global_t") table t { key = { hdr.h.a: exact @name("key_a"); } actions = { a; b; } }
                apply { t.apply(); }
                """);
        Table t = table(p4info, "global_t");
        assertEquals("global_t", t.getPreamble().getAlias());
        assertEquals("key_a", t.getMatchFields(0).getName());
        assertEquals("renamed", action(p4info, "I.renamed").getPreamble().getAlias());
        assertEquals("b", action(p4info, "Top.b").getPreamble().getAlias());
    }

    @Test
    void idAnnotationsAreHonouredAndCheckedWithTheirLocation() {
        P4Info p4info = p4info("""
                @id(7) action a() { }
                @id(0x02000010) table t { key = { hdr.h.a: exact; } actions = { a; } }
                apply { t.apply(); }
                """);
        assertEquals(0x02000010, table(p4info, "I.t").getPreamble().getId());
        assertEquals(0x01000007, action(p4info, "I.a").getPreamble().getId());
        P4CompileException e = assertThrows(P4CompileException.class, () -> p4info("""
                action a() { }
                @id(0x01000010) table t { key = { hdr.h.a: exact; } actions = { a; } }
                apply { t.apply(); }
                """));
        assertTrue(e.getMessage().matches("test\\.p4:\\d+:\\d+: error: @id of 'I\\.t' has the wrong 8-bit prefix.*"),
                e.getMessage());
    }

    @Test
    void aComputedKeyNeedsANameAnnotation() {
        P4CompileException e = assertThrows(P4CompileException.class, () -> p4info("""
                table t { key = { hdr.h.a + 8w1: exact; } actions = { NoAction; } }
                apply { t.apply(); }
                """));
        assertTrue(e.getMessage().contains("needs a @name annotation"), e.getMessage());
        P4Info named = p4info("""
                table t { key = { hdr.h.a + 8w1: exact @name("a_plus_one"); hdr.h.isValid(): exact; } actions = { NoAction; } }
                apply { t.apply(); }
                """);
        Table t = table(named, "I.t");
        assertEquals("a_plus_one", t.getMatchFields(0).getName());
        assertEquals("hdr.h.$valid$", t.getMatchFields(1).getName());
        assertEquals(1, t.getMatchFields(1).getBitwidth());
    }

    @Test
    void supportTimeoutAndDocumentationReachTheTable() {
        P4Info p4info = p4info("""
                @brief("Classifies") @description("By field a") @hidden_not table t {
                    key = { hdr.h.a: exact; } actions = { NoAction; } support_timeout = true; size = 0;
                }
                apply { t.apply(); }
                """);
        Table t = table(p4info, "I.t");
        assertEquals(Table.IdleTimeoutBehavior.NOTIFY_CONTROL, t.getIdleTimeoutBehavior());
        assertEquals("Classifies", t.getPreamble().getDoc().getBrief());
        assertEquals("By field a", t.getPreamble().getDoc().getDescription());
        assertEquals(List.of("@hidden_not"), t.getPreamble().getAnnotationsList());
        assertEquals(1024, t.getSize());
    }

    @Test
    void digestOfAStructIsNamedByItsTypeAndDescribedInTypeInfo() {
        P4Info p4info = p4info("apply { digest(32w1, meta); }");
        assertEquals(1, p4info.getDigestsCount());
        assertEquals("meta_t", p4info.getDigests(0).getPreamble().getName());
        assertEquals(0x17, p4info.getDigests(0).getPreamble().getId() >>> 24);
        assertEquals("meta_t", p4info.getDigests(0).getTypeSpec().getStruct().getName());
        var struct = p4info.getTypeInfo().getStructsOrThrow("meta_t");
        assertEquals(List.of("m", "n"), struct.getMembersList().stream().map(m -> m.getName()).toList());
        assertEquals(16, struct.getMembers(1).getTypeSpec().getBitstring().getBit().getBitwidth());
    }

    @Test
    void eachListDigestIsItsOwnDigestNumberedActionsFirstAsP4cMeetsThem() {
        P4Info p4info = p4info("""
                action learn() { digest(32w1, { hdr.h.a, hdr.h.b }); }
                apply { learn(); digest(32w2, { hdr.h.a }); digest(32w3, { hdr.h.a }); }
                """);
        assertEquals(List.of("digest_0", "digest_1", "digest_2"),
                p4info.getDigestsList().stream().map(d -> d.getPreamble().getName()).toList());
        assertEquals(2, p4info.getDigests(0).getTypeSpec().getTuple().getMembersCount(), "learn()'s {a, b}");
        assertEquals(16, p4info.getDigests(0).getTypeSpec().getTuple().getMembers(1).getBitstring().getBit()
                .getBitwidth());
        assertEquals(1, p4info.getDigests(1).getTypeSpec().getTuple().getMembersCount());
        assertEquals(3, p4info.getDigestsList().stream().map(d -> d.getPreamble().getId()).distinct().count());
    }

    @Test
    void digestsOfOneStructShareTheStructsControlPlaneName() {
        P4Info p4info = P4InfoWriter.write(Compiler.compileText("test.p4", PROLOGUE.replace(
                "struct meta_t {", "@name(\".learned\") struct meta_t {")
                + "control I(inout headers_t hdr, inout meta_t meta, inout standard_metadata_t sm) {\n"
                + "apply { digest(32w1, meta); digest(32w2, meta); }\n}\nV1Switch(P(), V(), I(), E(), C(), D()) main;\n"));
        assertEquals(List.of("learned"), p4info.getDigestsList().stream().map(d -> d.getPreamble().getName()).toList());
    }

    @Test
    void aListGivenForAStructTypeArgumentIsThatStructsDigest() {
        P4Info p4info = p4info("apply { digest<meta_t>(32w1, { hdr.h.a, hdr.h.b }); digest(32w2, meta); }");
        assertEquals(List.of("meta_t"), p4info.getDigestsList().stream().map(d -> d.getPreamble().getName()).toList());
        assertEquals("meta_t", p4info.getDigests(0).getTypeSpec().getStruct().getName());
        P4CompileException tooFew = assertThrows(P4CompileException.class,
                () -> p4info("apply { digest<meta_t>(32w1, { hdr.h.a }); }"));
        assertTrue(tooFew.getMessage().contains("digest data has 1 fields but"), tooFew.getMessage());
        P4CompileException wrongWidth = assertThrows(P4CompileException.class,
                () -> p4info("apply { digest<meta_t>(32w1, { hdr.h.b, hdr.h.b }); }"));
        assertTrue(wrongWidth.getMessage().contains("width mismatch"), wrongWidth.getMessage());
    }

    @Test
    void typeInfoIsWrittenOnlyWhenP4cWouldCreateIt() {
        assertFalse(p4info("apply { hdr.h.a = 1; }").hasTypeInfo());
        assertTrue(p4info("apply { mark_to_drop(sm); }").hasTypeInfo());
        assertTrue(p4info("counter(4, CounterType.packets) c; apply { }").hasTypeInfo());
    }
}
