package org.metrofabric.emulator.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.clock.RealTimeLoop;
import org.metrofabric.emulator.clock.SimTime;
import org.metrofabric.emulator.fabric.Fabric;

/** The serve console parses lines and calls the host-traffic service; bad input is one line and changes nothing. */
class FabricConsoleTest {
    private final Fabric fabric;
    private final StringWriter text = new StringWriter();
    private final FabricConsole console;

    FabricConsoleTest() throws Exception {
        fabric = ServeFixture.routedFabric();
        console = new FabricConsole(new HostTraffic(fabric, ServeFixture.callerThread()), new PrintWriter(text, true));
    }

    /** Runs one line and returns what it printed. */
    private String execute(String line) {
        text.getBuffer().setLength(0);
        assertTrue(console.execute(line), "only quit ends the console");
        return text.toString();
    }

    @Test
    void listsHostsAndHelp() {
        assertTrue(execute("hosts").startsWith("h1a 10.1.1.10/24 00:00:0a:01:01:0a on leaf1 port 3\n"), text.toString());
        assertEquals(fabric.hosts().size(), text.toString().lines().count());
        assertEquals(FabricConsole.HELP + "\n", execute("help"));
    }

    @Test
    void intentCommandsNeedTheEmbeddedController() {
        assertEquals("error: intents need the embedded controller: serve with --control onos\n", execute("intents"));
        assertEquals("error: intents need the embedded controller: serve with --control onos\n",
                execute("intent add p1 h1a h3a"));
        assertFalse(execute("help").contains("intent add"));
    }

    @Test
    void startsWatchesAndStopsAFlow() {
        assertTrue(execute("flows").contains("no flows"));
        assertTrue(execute("flow start f1 h1a h3a --rate 1000 --packets 20 --dscp 10 --size 100").startsWith(
                "started f1 h1a->h3a (running, 1000 pps, 100 B, dscp 10): sent 0, received 0, lost 0"), text.toString());
        fabric.scheduler().runFor(SimTime.millis(50));
        assertTrue(execute("flows").startsWith("f1 h1a->h3a (stopped, 1000 pps, 100 B, dscp 10): sent 20, received 20, "
                + "lost 0, dup 0, reordered 0, latency min/mean/p99/max "), text.toString());

        execute("flow start f2 h2a h4a --rate 500");
        fabric.scheduler().runFor(SimTime.millis(20));
        assertTrue(execute("flow stop f2").startsWith("stopped f2 h2a->h4a (stopped, 500 pps"), text.toString());
        assertEquals(2, execute("flows").lines().count());
    }

    @Test
    void badLinesSayWhatIsWrongInOneLineAndStartNothing() {
        assertBad("flow start f1 h1a --rate 10", "error: usage: flow start NAME FROM TO --rate PPS");
        assertBad("flow start f1 h1a h3a", "error: rate: is required");
        assertBad("flow start f1 h1a h3a --rate fast", "error: rate: 'fast' is not a whole number");
        assertBad("flow start f1 h1a h3a --rate 0", "error: rate: must be 1..100000 packets per second, got 0");
        assertBad("flow start f1 h1a h3a --rate 10 --dscp 64", "error: dscp: must be 0..63, got 64");
        assertBad("flow start f1 h1a h3a --rate 10 --size 9999999999", "error: size: 9999999999 is too large");
        assertBad("flow start f1 h1a nobody --rate 10", "error: to: no host named nobody");
        assertBad("flow start f1 h1a h3a --speed 10", "error: --speed: unknown option; known: --dscp, --dstPort");
        assertBad("flow start f1 h1a h3a --rate", "error: --rate: needs a value");
        assertBad("flow start f1 h1a h3a --rate 1 --rate 2", "error: --rate: given twice");
        assertBad("flow stop", "error: usage: flow stop NAME");
        assertBad("flow stop f1", "error: name: no flow named f1; none has been started");
        assertBad("flow", "error: usage: flow start ... | flow stop NAME");
        assertBad("ping h1a", "error: usage: ping FROM TO [COUNT] [--interval TIME]");
        assertBad("ping h1a h2a many", "error: count: 'many' is not a whole number");
        assertBad("ping h1a h2a 0", "error: count: must be 1..1000, got 0");
        assertBad("ping h1a h2a --interval soon", "error: --interval: \"soon\" is not a time");
        assertBad("ping h1a nobody", "error: to: no host named nobody");
        assertBad("bogus", "error: unknown command 'bogus'; type 'help'");
        assertTrue(execute("flows").contains("no flows"), "nothing was started: " + text);
    }

    private void assertBad(String line, String error) {
        String out = execute(line);
        assertTrue(out.startsWith(error), line + " -> " + out);
        assertEquals(1, out.lines().count(), line + " -> " + out);
    }

    @Test
    void quitEndsTheInputAndTheEndOfInputIsToldApart() {
        assertFalse(console.execute("quit"));
        assertTrue(console.run(new BufferedReader(new StringReader("flows\nquit\nflow start f1 h1a h3a --rate 1\n"))));
        assertFalse(text.toString().contains("started"), "nothing runs after quit: " + text);
        assertFalse(console.run(new BufferedReader(new StringReader("flows\n"))));
    }

    @Test
    void pingsAcrossTheFabricRunningInRealTime() throws Exception {
        Fabric live = ServeFixture.routedFabric();
        StringWriter out = new StringWriter();
        FabricConsole realTime = new FabricConsole(new HostTraffic(live, EmulatorLoop.posting(live.scheduler(), 10)),
                new PrintWriter(out, true));
        try (RealTimeLoop loop = RealTimeLoop.start(live.scheduler(), "console-test-loop")) {
            realTime.execute("ping h1a h2a 2 --interval 1ms");
        }
        assertTrue(out.toString().startsWith("h1a -> h2a: 2 sent, 2 received, rtt min/mean/max "), out.toString());
    }
}
