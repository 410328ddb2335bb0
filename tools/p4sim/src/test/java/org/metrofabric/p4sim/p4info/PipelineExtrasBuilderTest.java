package org.metrofabric.p4sim.p4info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.ir.Keyset;
import org.metrofabric.p4sim.ir.SourceLocation;
import org.metrofabric.p4sim.runtime.ActionCall;
import org.metrofabric.p4sim.runtime.ConstEntry;
import org.metrofabric.p4sim.runtime.FieldMatch;
import org.metrofabric.p4sim.runtime.PipelineExtras;
import org.metrofabric.p4sim.runtime.TableDefaults;
import org.metrofabric.p4sim.typecheck.Compiler;

class PipelineExtrasBuilderTest {
    private static final SourceLocation AT = new SourceLocation("t.p4", 1, 1);

    private static PipelineExtras extras(String program) {
        return PipelineExtrasBuilder.build(Compiler.compile(CorpusP4InfoTest.CORPUS.resolve(program + ".p4")));
    }

    @Test
    void selectorAlgorithmWidthsAndPositionsOfEcmp() {
        PipelineExtras e = extras("ecmp");
        assertEquals("crc16", e.selectorAlgorithms().get("EcmpIngress.uplinks"));
        assertEquals(List.of(32, 32, 8, 16, 16), e.selectorWidths().get("EcmpIngress.ecmp_route"));
        assertEquals(List.of(1, 2, 3, 4, 5), e.selectorKeyPositions().get("EcmpIngress.ecmp_route"));
        assertEquals(new TableDefaults(new ActionCall("NoAction", List.of()), false),
                e.tableDefaults().get("EcmpIngress.ecmp_route"));
    }

    @Test
    void defaultActionsAndConstEntriesOfMatchkinds() {
        PipelineExtras e = extras("matchkinds");
        assertEquals(new TableDefaults(ActionCall.of("MIngress.miss", BigInteger.valueOf(0xEE)), false),
                e.tableDefaults().get("MIngress.rules"));
        assertEquals(List.of(
                new ConstEntry(List.of(FieldMatch.exact(BigInteger.ONE)), ActionCall.of("MIngress.mark", BigInteger.valueOf(11))),
                new ConstEntry(List.of(FieldMatch.exact(BigInteger.TWO)), ActionCall.of("MIngress.mark", BigInteger.valueOf(22)))),
                e.constEntries().get("MIngress.fixed"));
        assertFalse(e.constEntries().containsKey("MIngress.rules"));
    }

    @Test
    void metroPuntEntriesAndConstRouteMissDefault() {
        PipelineExtras e = PipelineExtrasBuilder.build(Compiler.compile(Path.of("../../p4src/metro.p4")));
        assertEquals(new TableDefaults(ActionCall.of("IngressPipe.drop", BigInteger.ZERO), true),
                e.tableDefaults().get("IngressPipe.routing_v4"));
        assertEquals(List.of(0x0806, 0x88cc, 0x8942), e.constEntries().get("IngressPipe.punt").stream()
                .map(c -> ((FieldMatch.Exact) c.matches().get(0)).value().intValue()).toList());
        assertTrue(e.constEntries().get("IngressPipe.punt").stream()
                .allMatch(c -> c.action().actionName().equals("IngressPipe.punt_to_cpu")));
        assertEquals("crc16", e.selectorAlgorithms().get("IngressPipe.ecmp_selector"));
        assertEquals(List.of(32, 32, 8, 16, 16), e.selectorWidths().get("IngressPipe.ecmp"));
    }

    @Test
    void keysetsBecomeTheMatchTheirFieldKindMeans() {
        BigInteger v = BigInteger.valueOf(0x0A000000L);
        BigInteger mask = BigInteger.valueOf(0xFF000000L);
        assertEquals(FieldMatch.lpm(v, 8), PipelineExtrasBuilder.fieldMatch("lpm", new Keyset.Mask(v, mask), 32, AT));
        assertEquals(FieldMatch.lpm(v, 32), PipelineExtrasBuilder.fieldMatch("lpm", new Keyset.Exact(v), 32, AT));
        assertEquals(FieldMatch.ternary(BigInteger.valueOf(0x12), BigInteger.valueOf(0xFF)),
                PipelineExtrasBuilder.fieldMatch("ternary", new Keyset.Exact(BigInteger.valueOf(0x12)), 8, AT));
        assertEquals(FieldMatch.dontCare(), PipelineExtrasBuilder.fieldMatch("ternary",
                new Keyset.Mask(BigInteger.ONE, BigInteger.ZERO), 8, AT));
        assertEquals(FieldMatch.dontCare(), PipelineExtrasBuilder.fieldMatch("range",
                new Keyset.Range(BigInteger.ZERO, BigInteger.valueOf(255)), 8, AT));
        assertEquals(FieldMatch.range(BigInteger.ONE, BigInteger.TEN), PipelineExtrasBuilder.fieldMatch("range",
                new Keyset.Range(BigInteger.ONE, BigInteger.TEN), 8, AT));
        assertEquals(FieldMatch.optional(BigInteger.ONE),
                PipelineExtrasBuilder.fieldMatch("optional", new Keyset.Exact(BigInteger.ONE), 8, AT));
    }

    @Test
    void keysetsThatCannotMatchTheirFieldAreRejected() {
        assertThrows(P4CompileException.class, () -> PipelineExtrasBuilder.fieldMatch("exact", new Keyset.DontCare(), 8, AT));
        assertThrows(P4CompileException.class, () -> PipelineExtrasBuilder.fieldMatch("lpm",
                new Keyset.Mask(BigInteger.ONE, BigInteger.valueOf(0x0F)), 8, AT));
        assertThrows(P4CompileException.class, () -> PipelineExtrasBuilder.fieldMatch("exact",
                new Keyset.Range(BigInteger.ONE, BigInteger.TWO), 8, AT));
    }
}
