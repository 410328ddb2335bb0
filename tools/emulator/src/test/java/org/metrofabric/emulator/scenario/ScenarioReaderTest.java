package org.metrofabric.emulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metrofabric.emulator.hosts.TrafficPattern;

/** Scenario files are checked against their topology; every error names the field's JSON path. */
class ScenarioReaderTest {
    private static final String VALID = """
            {"name": "ok", "topology": "metro-2x4.json", "seed": 7, "duration": "20ms",
             "intents": ["metro-path-add p1 h1a h3a --latency-us 80"],
             "traffic": {"ping": {"start": "1ms"},
                         "flows": [{"name": "f1", "from": "h1a", "to": "h3a", "rate": 1000, "start": "2ms", "duration": "1.5ms",
                                    "onOff": {"on": "500us", "off": "1ms"}}]},
             "events": [{"at": "10ms", "type": "link-down", "between": ["leaf1", "spine1"]},
                        {"at": "5ms", "type": "port-down", "device": "leaf1", "port": 2},
                        {"at": "12ms", "type": "switch-up", "device": "spine2"}],
             "expectations": [{"kind": "all-pairs-reachable"}, {"kind": "flow-loss", "flow": "f1", "maxLost": 0},
                              {"kind": "flow-latency", "flow": "f1", "intent": "p1", "allowance": "5us"}]}
            """;

    @Test
    void readsEveryPart() {
        Scenario scenario = Scenarios.parse(VALID);
        assertEquals("ok", scenario.name());
        assertEquals(7, scenario.seed());
        assertEquals(20_000_000L, scenario.durationNanos());
        assertEquals("p1", scenario.intents().get(0).intent().name());
        assertEquals(80L, scenario.intents().get(0).intent().latencyBudgetMicros().getAsLong());
        Scenario.FlowSpec flow = scenario.flows().get(0);
        assertEquals(1_500_000L, flow.durationNanos());
        assertEquals(new TrafficPattern.OnOff(1000, 500_000, 1_000_000), flow.pattern());
        assertEquals(3, scenario.ping().orElseThrow().count());
        assertEquals(5_000_000L, scenario.events().get(0).atNanos(), "events are sorted by time");
        assertEquals(new ScenarioEvent.PortEvent(5_000_000L, "leaf1", 2, false), scenario.events().get(0));
        assertEquals(3, scenario.expectations().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"topology\": \"metro-2x4.json\"|\"topology\": \"metro-9x9.json\"|topology|cannot use",
        "\"duration\": \"20ms\"|\"duration\": \"20 parsecs\"|duration|is not a time",
        "\"duration\": \"20ms\"|\"duration\": \"0.5ns\"|duration|whole number of nanoseconds",
        "\"from\": \"h1a\"|\"from\": \"h9z\"|traffic.flows[0].from|unknown host h9z",
        "\"rate\": 1000|\"rate\": -5|traffic.flows[0].rate|must be 1..",
        "\"rate\": 1000|\"rat\": 1000|traffic.flows[0].rat|unknown field",
        "\"start\": \"2ms\"|\"start\": \"30ms\"|traffic.flows[0].start|not before the end",
        "\"off\": \"1ms\"|\"off\": 1|traffic.flows[0].onOff.off|a time is a string",
        "--latency-us 80|--latency-ms 80|intents[0]|unknown option --latency-ms",
        "metro-path-add p1 h1a|metro-path-add p1 h1a h3a h4a|intents[0]|unexpected extra word",
        "\"type\": \"link-down\"|\"type\": \"link-melt\"|events[0].type|unknown event type",
        "[\"leaf1\", \"spine1\"]|[\"leaf1\", \"leaf2\"]|events[0].between|no link between leaf1 and leaf2",
        "[\"leaf1\", \"spine1\"]|[\"leaf1\", \"spine7\"]|events[0].between[1]|unknown switch spine7",
        "\"port\": 2|\"port\": 9|events[1].port|nothing connected to port 9",
        "\"at\": \"12ms\"|\"at\": \"soon\"|events[2].at|is not a time",
        "\"kind\": \"flow-loss\"|\"kind\": \"flow-happiness\"|expectations[1].kind|unknown expectation kind",
        "\"flow\": \"f1\", \"maxLost\"|\"flow\": \"f2\", \"maxLost\"|expectations[1].flow|no flow named f2",
        "\"intent\": \"p1\"|\"intent\": \"p2\"|expectations[2].intent|no intent named p2",
        "\"allowance\": \"5us\"|\"allowance\": \"5\"|expectations[2].allowance|is not a time",
        "\"seed\": 7|\"seed\": \"seven\"|seed|must be a whole number",
    })
    void aBadFieldIsNamed(String original, String replacement, String field, String reason) {
        assertTrue(VALID.contains(original), "the test edits the valid scenario: " + original);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Scenarios.parse(VALID.replace(original, replacement)));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void notJsonIsReportedWithItsPosition() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.parse("{\"topology\": "));
        assertEquals("$", e.field());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioReader.read(Path.of("no-such-scenario.json")));
        assertTrue(e.getMessage().contains("no-such-scenario.json"), e.getMessage());
    }

    @Test
    void durationsReadAndPrintInEveryUnit() {
        assertEquals(250L, Durations.parse("t", "250ns"));
        assertEquals(20_000L, Durations.parse("t", "20us"));
        assertEquals(1_500_000L, Durations.parse("t", "1.5ms"));
        assertEquals(2_000_000_000L, Durations.parse("t", "2s"));
        assertEquals("84.745 us", Durations.format(84_745));
        assertEquals("1.5 ms", Durations.format(1_500_000));
        assertEquals("999 ns", Durations.format(999));
    }
}
