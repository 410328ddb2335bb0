package org.metrofabric.emulator.serve;

import org.metrofabric.emulator.hosts.FlowReport;
import org.metrofabric.emulator.hosts.UdpFlow;
import org.metrofabric.emulator.scenario.ScenarioReport;

/**
 * A live flow as it stands: what it was started with (defaults filled in), whether it still
 * sends, and its statistics so far (final once it has stopped and the packets in flight have landed).
 */
public record FlowStatus(String name, String from, String to, long rate, UdpFlow flow, boolean running,
                         FlowReport report) {
    public String state() {
        return running ? "running" : "stopped";
    }

    /** One line with the statistics in the scenario report's words. */
    public String text() {
        return name + " " + from + "->" + to + " (" + state() + ", " + rate + " pps, " + flow.payloadBytes()
                + " B, dscp " + flow.dscp() + "): " + ScenarioReport.flowStatistics(report);
    }
}
