package org.metrofabric.emulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import org.metrofabric.emulator.hosts.FlowReport;
import org.metrofabric.emulator.scenario.ScenarioResult.ExpectationResult;
import org.metrofabric.emulator.scenario.ScenarioResult.FailureOutcome;
import org.metrofabric.emulator.scenario.ScenarioResult.FlowOutcome;
import org.metrofabric.emulator.scenario.ScenarioResult.FlowRecovery;
import org.metrofabric.emulator.scenario.ScenarioResult.IntentChange;
import org.metrofabric.emulator.scenario.ScenarioResult.IntentOutcome;
import org.metrofabric.emulator.scenario.ScenarioResult.Reachability;

/** Renders a {@link ScenarioResult} for people (text) and for tools (JSON, times in ns). */
public final class ScenarioReport {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ScenarioReport() {
    }

    public static String text(ScenarioResult result) {
        Scenario scenario = result.scenario();
        StringBuilder out = new StringBuilder();
        out.append("Scenario ").append(scenario.name()).append(" on ").append(scenario.topology().name())
                .append(" (seed ").append(scenario.seed()).append(", ").append(Durations.format(scenario.durationNanos()))
                .append(" simulated, ").append(result.simulatedEvents()).append(" events, ")
                .append(result.wallMillis()).append(" ms wall)\n");
        out.append("Control: ").append(result.mode()).append("\n");
        result.reachability().ifPresent(reach -> appendReachability(out, reach));
        if (!result.intents().isEmpty()) {
            out.append("\nPath intents\n");
            result.intents().forEach(intent -> appendIntent(out, intent));
        }
        if (!result.flows().isEmpty()) {
            out.append("\nFlows\n");
            result.flows().forEach(flow -> appendFlow(out, flow));
        }
        if (!result.failures().isEmpty()) {
            out.append("\nFailures\n");
            result.failures().forEach(failure -> appendFailure(out, failure, result));
        }
        out.append("\nExpectations\n");
        for (ExpectationResult expectation : result.expectations()) {
            out.append(expectation.passed() ? "  PASS " : "  FAIL ").append(expectation.description())
                    .append(": ").append(expectation.detail()).append("\n");
        }
        out.append(result.passed() ? "\nRESULT: PASS (" + result.expectations().size() + " expectations held)\n"
                : "\nRESULT: FAIL (" + result.failedExpectations() + " of " + result.expectations().size()
                + " expectations failed)\n");
        return out.toString();
    }

    private static void appendReachability(StringBuilder out, Reachability reach) {
        out.append("\nAll-pairs reachability: ").append(reach.reachablePairs()).append("/").append(reach.pairs())
                .append(" ordered pairs of ").append(reach.hosts()).append(" hosts answered; between leaves ")
                .append(reach.crossLeafReachable()).append("/").append(reach.crossLeafPairs()).append(" (")
                .append(reach.repliesReceived()).append("/").append(reach.requestsSent()).append(" echo replies, max RTT ")
                .append(Durations.format(reach.maxRttNanos())).append(")\n");
        if (!reach.unreachable().isEmpty()) {
            out.append("  unreachable: ").append(String.join(", ", reach.unreachable())).append("\n");
        }
    }

    private static void appendIntent(StringBuilder out, IntentOutcome intent) {
        IntentReport submitted = intent.submitted();
        out.append("  ").append(intent.command()).append("\n    submitted: ").append(intentStatus(submitted))
                .append("\n");
        for (IntentChange change : intent.changes()) {
            out.append("    after ").append(change.event()).append(" at ").append(Durations.format(change.atNanos()))
                    .append(": ").append(change.status().map(ScenarioReport::intentStatus).orElse("no longer held"))
                    .append("\n");
        }
        intent.measured().ifPresent(m -> out.append("    measured one-way (").append(String.join(", ", intent.measuringFlows()))
                .append("): min ").append(Durations.format(m.minLatencyNanos()))
                .append(", mean ").append(Durations.format(Math.round(m.meanLatencyNanos())))
                .append(", p99 ").append(Durations.format(m.p99LatencyNanos()))
                .append(", max ").append(Durations.format(m.maxLatencyNanos())).append("\n"));
    }

    /** An intent's status in one line: state, spine, computed latency, reason. */
    public static String intentStatus(IntentReport status) {
        StringBuilder text = new StringBuilder(status.state());
        if (status.spine() != null) {
            text.append(" via ").append(status.spine());
        }
        if (status.computedLatencyNanos() != null) {
            text.append(", computed latency ").append(Durations.format(status.computedLatencyNanos()));
        }
        if (status.reason() != null) {
            text.append(" - ").append(status.constraint() == null ? "" : status.constraint() + ": ").append(status.reason());
        }
        return text.toString();
    }

    private static void appendFlow(StringBuilder out, FlowOutcome flow) {
        out.append(String.format(Locale.ROOT, "  %s %s->%s: %s, routers crossed %s%n",
                flow.spec().name(), flow.spec().from(), flow.spec().to(), flowStatistics(flow.report()),
                flow.minHops() == flow.maxHops() ? Integer.toString(flow.minHops()) : flow.minHops() + ".." + flow.maxHops()));
    }

    /**
     * A flow's statistics in the words of every report (scenario, serve console): sent, received,
     * lost, dup, reordered, latency min/mean/p99/max and longest gap.
     */
    public static String flowStatistics(FlowReport r) {
        // With nothing received there is no latency: zeros would read as a measurement.
        String latency = r.received() == 0 ? "latency none (nothing received)"
                : String.format(Locale.ROOT, "latency min/mean/p99/max %s/%s/%s/%s",
                        Durations.format(r.minLatencyNanos()), Durations.format(Math.round(r.meanLatencyNanos())),
                        Durations.format(r.p99LatencyNanos()), Durations.format(r.maxLatencyNanos()));
        return String.format(Locale.ROOT, "sent %d, received %d, lost %d, dup %d, reordered %d, %s, longest gap %s",
                r.sent(), r.received(), r.lost(), r.duplicates(), r.reordered(), latency,
                Durations.format(r.longestGapNanos()));
    }

    /** Puts a flow's statistics into {@code node} under the names of every JSON report (scenario, serve REST). */
    public static void putFlowStatistics(ObjectNode node, FlowReport r) {
        node.put("sent", r.sent());
        node.put("received", r.received());
        node.put("lost", r.lost());
        node.put("duplicates", r.duplicates());
        node.put("reordered", r.reordered());
        node.set("latency", latency(r));
        node.put("longestGapNanos", r.longestGapNanos());
    }

    private static void appendFailure(StringBuilder out, FailureOutcome failure, ScenarioResult result) {
        out.append("  at ").append(Durations.format(failure.atNanos())).append(": ").append(failure.event()).append("\n");
        for (FlowRecovery flow : failure.flows()) {
            out.append("    ").append(flow.flow()).append(": ");
            if (!flow.interrupted()) {
                out.append("nothing lost");
            } else if (flow.recoveryNanos().isEmpty()) {
                out.append(flow.lost()).append(" lost, NOT recovered by the end");
            } else if (flow.recoveryNanos().get() == 0) {
                out.append(flow.lost()).append(" lost (in flight on the failed path), every packet sent after the failure arrived");
            } else {
                out.append(flow.lost()).append(" lost; packets sent up to ").append(Durations.format(flow.recoveryNanos().get()))
                        .append(" after the failure were lost");
            }
            result.flows().stream().filter(f -> f.spec().name().equals(flow.flow())).findFirst().ifPresent(f ->
                    out.append(" (longest gap at the receiver over the whole flow: ")
                            .append(Durations.format(f.report().longestGapNanos())).append(")"));
            out.append("\n");
        }
    }

    public static ObjectNode json(ScenarioResult result) {
        Scenario scenario = result.scenario();
        ObjectNode root = JSON.objectNode();
        root.put("scenario", scenario.name());
        root.put("topology", scenario.topology().name());
        root.put("seed", scenario.seed());
        root.put("durationNanos", scenario.durationNanos());
        root.put("control", result.mode());
        root.put("simulatedEvents", result.simulatedEvents());
        root.put("wallMillis", result.wallMillis());
        root.put("passed", result.passed());
        result.reachability().ifPresent(reach -> {
            ObjectNode node = root.putObject("reachability");
            node.put("hosts", reach.hosts());
            node.put("pairs", reach.pairs());
            node.put("reachablePairs", reach.reachablePairs());
            node.put("crossLeafPairs", reach.crossLeafPairs());
            node.put("crossLeafReachablePairs", reach.crossLeafReachable());
            node.put("requestsSent", reach.requestsSent());
            node.put("repliesReceived", reach.repliesReceived());
            node.put("maxRttNanos", reach.maxRttNanos());
            ArrayNode unreachable = node.putArray("unreachable");
            reach.unreachable().forEach(unreachable::add);
        });
        ArrayNode intents = root.putArray("intents");
        for (IntentOutcome intent : result.intents()) {
            ObjectNode node = intents.addObject();
            node.put("command", intent.command());
            node.set("submitted", intentJson(intent.submitted()));
            ArrayNode changes = node.putArray("changes");
            for (IntentChange change : intent.changes()) {
                ObjectNode changed = changes.addObject();
                changed.put("atNanos", change.atNanos());
                changed.put("event", change.event());
                change.status().ifPresentOrElse(status -> changed.set("status", intentJson(status)),
                        () -> changed.putNull("status"));
            }
            intent.atEnd().ifPresent(end -> node.set("atEnd", intentJson(end)));
            ArrayNode measuring = node.putArray("measuringFlows");
            intent.measuringFlows().forEach(measuring::add);
            intent.measured().ifPresent(m -> node.set("measuredLatency", latency(m)));
        }
        ArrayNode flows = root.putArray("flows");
        for (FlowOutcome flow : result.flows()) {
            ObjectNode node = flows.addObject();
            node.put("name", flow.spec().name());
            node.put("from", flow.spec().from());
            node.put("to", flow.spec().to());
            putFlowStatistics(node, flow.report());
            node.put("minRoutersCrossed", flow.minHops());
            node.put("maxRoutersCrossed", flow.maxHops());
        }
        ArrayNode failures = root.putArray("failures");
        for (FailureOutcome failure : result.failures()) {
            ObjectNode node = failures.addObject();
            node.put("atNanos", failure.atNanos());
            node.put("event", failure.event());
            ArrayNode affected = node.putArray("flows");
            for (FlowRecovery flow : failure.flows()) {
                ObjectNode f = affected.addObject();
                f.put("flow", flow.flow());
                f.put("interrupted", flow.interrupted());
                Optional<Long> recovery = flow.recoveryNanos();
                if (recovery.isPresent()) {
                    f.put("recoveryNanos", recovery.get());
                } else {
                    f.putNull("recoveryNanos");
                }
                f.put("lost", flow.lost());
            }
        }
        ArrayNode expectations = root.putArray("expectations");
        for (ExpectationResult expectation : result.expectations()) {
            ObjectNode node = expectations.addObject();
            node.put("expectation", expectation.description());
            node.put("passed", expectation.passed());
            node.put("detail", expectation.detail());
        }
        return root;
    }

    /** An intent's status as the JSON report writes it. */
    public static ObjectNode intentJson(IntentReport status) {
        ObjectNode node = JSON.objectNode();
        node.put("name", status.name());
        node.put("state", status.state());
        node.put("spine", status.spine());
        if (status.computedLatencyNanos() != null) {
            node.put("computedLatencyNanos", status.computedLatencyNanos());
        } else {
            node.putNull("computedLatencyNanos");
        }
        node.put("constraint", status.constraint());
        node.put("reason", status.reason());
        return node;
    }

    /** The latency figures, or JSON null when nothing was received (there are none). */
    private static JsonNode latency(FlowReport report) {
        if (report.received() == 0) {
            return JSON.nullNode();
        }
        ObjectNode node = JSON.objectNode();
        node.put("minNanos", report.minLatencyNanos());
        node.put("meanNanos", report.meanLatencyNanos());
        node.put("p99Nanos", report.p99LatencyNanos());
        node.put("maxNanos", report.maxLatencyNanos());
        return node;
    }
}
