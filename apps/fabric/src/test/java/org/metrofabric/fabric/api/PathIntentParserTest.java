package org.metrofabric.fabric.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onlab.packet.IpPrefix;

class PathIntentParserTest {

    @Test
    void fullCommand() {
        PathIntent intent = PathIntentParser.parseCommand(
                "metro-path-add video h1a 10.3.1.0/24 --latency-us 300 --bandwidth-mbps 50");
        assertEquals("video", intent.name());
        assertEquals(Endpoint.host("h1a"), intent.user());
        assertEquals(Endpoint.prefix(IpPrefix.valueOf("10.3.1.0/24")), intent.cloud());
        assertEquals(OptionalLong.of(300), intent.latencyBudgetMicros());
        assertEquals(300_000, intent.latencyBudgetNanos());
        assertEquals(50, intent.bandwidthMbps());
    }

    @Test
    void optionsAreOptionalAndMayUseEquals() {
        PathIntent bare = PathIntentParser.parseCommand("p1 10.1.1.10 h4a");
        assertEquals(Endpoint.prefix(IpPrefix.valueOf("10.1.1.10/32")), bare.user());
        assertFalse(bare.latencyBudgetMicros().isPresent());
        assertEquals(Long.MAX_VALUE, bare.latencyBudgetNanos());
        assertEquals(0, bare.bandwidthMbps());
        PathIntent equals = PathIntentParser.parseCommand("p2 h1a h4a --bandwidth-mbps=20 --latency-us=900");
        assertEquals(20, equals.bandwidthMbps());
        assertEquals(OptionalLong.of(900), equals.latencyBudgetMicros());
    }

    @Test
    void commandRoundTrips() {
        String command = "metro-path-add game 10.1.2.0/24 h3a --latency-us 250 --bandwidth-mbps 100";
        PathIntent intent = PathIntentParser.parseCommand(command);
        assertEquals(command, intent.toCommand());
        assertEquals(intent, PathIntentParser.parseCommand(intent.toCommand()));
        assertEquals("metro-path-add a 10.1.1.10 h4a", PathIntentParser.parseCommand("a 10.1.1.10 h4a").toCommand());
    }

    @Test
    void fieldsAsCliAndRestPassThem() {
        PathIntent intent = PathIntentParser.parse("x", "h1a", "h4b", "", null);
        assertEquals(Endpoint.host("h4b"), intent.cloud());
        assertFalse(intent.latencyBudgetMicros().isPresent());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''                                          | name           | missing",
        "video                                       | from           | missing",
        "video h1a                                   | to             | missing",
        "-bad h1a h4a                                | name           | bad name",
        "video h1a h4a extra                         | to             | unexpected extra word",
        "video h1a h1a                               | to             | must differ",
        "video 10.1.1.300 h4a                        | from           | octet 300 exceeds 255",
        "video h1a 10.3.1.7/24                       | to             | has host bits set; did you mean 10.3.1.0/24?",
        "video h1a 10.3.1.0/33                       | to             | prefix length 33 exceeds 32",
        "video h1a 2001:db8::1                       | to             | neither a host name",
        "video h1a h4a --latency-us                  | latency-us     | missing value",
        "video h1a h4a --latency-us 0                | latency-us     | must be 1..1000000 us, got 0",
        "video h1a h4a --latency-us 2000000          | latency-us     | must be 1..1000000 us",
        "video h1a h4a --latency-us 1.5              | latency-us     | not a whole number of us",
        "video h1a h4a --latency-us -3               | latency-us     | not a whole number of us",
        "video h1a h4a --bandwidth-mbps lots         | bandwidth-mbps | not a whole number of Mb/s",
        "video h1a h4a --bandwidth-mbps 99999999999999999999 | bandwidth-mbps | not a whole number",
        "video h1a h4a --bandwidth-mbps 5 --bandwidth-mbps 6 | bandwidth-mbps | given twice",
        "video h1a h4a --jitter-us 5                 | jitter-us      | unknown option --jitter-us",
    })
    void errorsNameTheField(String line, String field, String reasonPart) {
        IntentSyntaxException e = assertThrows(IntentSyntaxException.class, () -> PathIntentParser.parseCommand(line));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.reason().contains(reasonPart), e.getMessage());
        assertTrue(e.getMessage().startsWith(field + ": "));
    }

    @Test
    void intentRefusesImpossibleValuesEvenWithoutTheParser() {
        assertThrows(IllegalArgumentException.class,
                () -> new PathIntent("x", Endpoint.host("a"), Endpoint.host("b"), 0L, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new PathIntent("x", Endpoint.host("a"), Endpoint.host("b"), null, -1));
    }
}
