package org.metrofabric.p4sim.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoldenParserTest {
    private static GoldenCommand one(String line) {
        return GoldenParser.parse("t.golden", List.of("# comment", line)).commands().get(0);
    }

    private static GoldenFormatException bad(String line) {
        return assertThrows(GoldenFormatException.class, () -> GoldenParser.parse("t.golden", List.of("", line)));
    }

    @Test
    void parsesEveryCorpusFile() {
        assertEquals(12, CorpusFiles.programs().size());
        for (String program : CorpusFiles.programs()) {
            GoldenFile file = GoldenParser.parse(CorpusFiles.directory().resolve(program + ".golden"));
            assertTrue(file.commands().stream().anyMatch(c -> c instanceof GoldenCommand.Packet), program);
        }
    }

    @Test
    void parsesTableAddWithEveryMatchKindAndPriority() {
        GoldenCommand.TableAdd add = (GoldenCommand.TableAdd) one("table_add T a=1 b=0x0a000000/8 c=0x0a0&&&0xff0 "
                + "d=100..200 => C.hit(rule=1, p16=0xabcd) priority=10");
        assertEquals("T", add.table());
        assertEquals(Map.of("a", new MatchValue.Plain(BigInteger.ONE),
                "b", new MatchValue.Prefix(BigInteger.valueOf(0x0a000000L), 8),
                "c", new MatchValue.Masked(BigInteger.valueOf(0x0a0), BigInteger.valueOf(0xff0)),
                "d", new MatchValue.Range(BigInteger.valueOf(100), BigInteger.valueOf(200))), add.match().fields());
        assertEquals(10, add.match().priority());
        GoldenCommand.ActionText action = ((GoldenCommand.DirectAction) add.target()).action();
        assertEquals("C.hit", action.name());
        assertEquals(List.of("rule", "p16"), List.copyOf(action.params().keySet()));
        assertEquals(new GoldenCommand.GroupTarget(3),
                ((GoldenCommand.TableAdd) one("table_add T a=1 => group(3)")).target());
        assertEquals(new GoldenCommand.MemberTarget(4),
                ((GoldenCommand.TableAdd) one("table_add T a=1 => member(4)")).target());
        assertNull(((GoldenCommand.TableAdd) one("table_add T => C.go()")).match().priority());
    }

    @Test
    void parsesTheOtherCommands() {
        assertEquals(new GoldenCommand.McGroup(2, 2, List.of(new GoldenCommand.ReplicaText(1, 10),
                new GoldenCommand.ReplicaText(4, 12))), one("mc_group 2 1:10 4:12"));
        assertEquals(new GoldenCommand.McGroup(2, 3, List.of()), one("mc_group 3"));
        assertEquals(new GoldenCommand.CloneSessionLine(2, 5, 4), one("clone_session 5 4"));
        assertEquals(new GoldenCommand.MeterSet(2, "M", 0, new GoldenCommand.Rates(0.1, 1, 0.1, 2)),
                one("meter_set M 0 0.1/1 0.1/2"));
        GoldenCommand.DirectMeterSet direct = (GoldenCommand.DirectMeterSet)
                one("direct_meter_set M T f=0xcc 10/100 10/200");
        assertEquals(new GoldenCommand.Rates(10, 100, 10, 200), direct.rates());
        assertEquals(Map.of("f", new MatchValue.Plain(BigInteger.valueOf(0xcc))), direct.match().fields());
        assertEquals(new GoldenCommand.CounterCheck(2, "C", 1, 2, 94), one("counter C 1 packets=2 bytes=94"));
        GoldenCommand.DirectCounterCheck directCounter = (GoldenCommand.DirectCounterCheck)
                one("direct_counter C T f=0xaa packets=2");
        assertEquals(2, directCounter.packets());
        assertNull(directCounter.bytes());
        assertEquals(new GoldenCommand.RegisterCheck(2, "R", 5, BigInteger.valueOf(43392)),
                one("register R 5 value=43392"));
        assertEquals(new GoldenCommand.GroupSet(2, "P", 1, List.of(1, 2, 4)), one("group_set P 1 1 2 4"));
        assertEquals(new GoldenCommand.BindProfile(2, "T", "P"), one("bind_profile T P"));
        assertTrue(((GoldenCommand.Expect) one("expect none")).none());
        GoldenCommand.Packet packet = (GoldenCommand.Packet) one("packet 3 00ff  # trailing comment");
        assertEquals(3, packet.port());
        assertEquals(2, packet.frame().length);
        assertInstanceOf(GoldenCommand.TableDefault.class, one("table_default T C.miss(rule=0x99)"));
        assertInstanceOf(GoldenCommand.MemberAdd.class, one("member_add P 1 C.set(port=1, smac=0xaa)"));
    }

    @Test
    void malformedLinesNameFileLineAndProblem() {
        GoldenFormatException error = bad("tabel_add T a=1 => C.go()");
        assertEquals(2, error.line());
        assertTrue(error.getMessage().startsWith("t.golden:2: unknown command 'tabel_add'"), error.getMessage());
        assertTrue(bad("table_add T a=1 C.go()").getMessage().contains("'=>'"));
        assertTrue(bad("table_add T a=zz => C.go()").getMessage().contains("field a"));
        assertTrue(bad("table_add T a=1 => C.go(x)").getMessage().contains("PARAM=VALUE"));
        assertTrue(bad("table_add T a=1 a=2 => C.go()").getMessage().contains("twice"));
        assertTrue(bad("packet 1 abc").getMessage().contains("odd"));
        assertTrue(bad("packet 1 zz").getMessage().contains("hex"));
        assertTrue(bad("expect 1").getMessage().contains("expect none"));
        assertTrue(bad("mc_group 1 1-2").getMessage().contains("PORT:RID"));
        assertTrue(bad("meter_set M 0 1 2").getMessage().contains("RATE/BURST"));
        assertTrue(bad("counter C 0 packets=1").getMessage().contains("bytes"));
        assertTrue(bad("counter C 0 packets=1 octets=2").getMessage().contains("bytes=N"));
        assertTrue(bad("register R 0 value=-1").getMessage().contains("negative"));
        assertTrue(bad("direct_counter C T f=1").getMessage().contains("packets"));
    }
}
