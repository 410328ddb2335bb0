package org.metrofabric.emulator.scenario;

import java.util.ArrayList;
import java.util.List;
import org.metrofabric.emulator.hosts.FlowReport;
import org.metrofabric.emulator.scenario.ScenarioResult.ExpectationResult;
import org.metrofabric.emulator.scenario.ScenarioResult.FlowOutcome;
import org.metrofabric.emulator.scenario.ScenarioResult.IntentOutcome;
import org.metrofabric.emulator.scenario.ScenarioResult.Reachability;

/** Judges a scenario's expectations against what its run measured. */
final class ExpectationJudge {
    private final ScenarioResult result;

    ExpectationJudge(ScenarioResult result) {
        this.result = result;
    }

    List<ExpectationResult> judgeAll() {
        List<ExpectationResult> judged = new ArrayList<>();
        for (Expectation expectation : result.scenario().expectations()) {
            judged.add(judge(expectation));
        }
        return judged;
    }

    private ExpectationResult judge(Expectation expectation) {
        if (expectation instanceof Expectation.AllPairsReachable reachable) {
            return reachability(reachable);
        }
        if (expectation instanceof Expectation.IntentStateIs state) {
            return intentState(state);
        }
        if (expectation instanceof Expectation.FlowLoss loss) {
            FlowReport report = flow(loss.flow()).report();
            return verdict(expectation, report.lost() <= loss.maxLost(),
                    "sent " + report.sent() + ", received " + report.received() + ", lost " + report.lost());
        }
        if (expectation instanceof Expectation.FlowLatency latency) {
            return latency(latency);
        }
        if (expectation instanceof Expectation.Recovery recovery) {
            return recovery(recovery);
        }
        return noLeafTransit(expectation);
    }

    private ExpectationResult reachability(Expectation.AllPairsReachable expected) {
        Reachability reach = result.reachability().orElseThrow();
        String detail = expected.betweenLeavesOnly()
                ? reach.crossLeafReachable() + "/" + reach.crossLeafPairs() + " host pairs on different leaves answered"
                : reach.reachablePairs() + "/" + reach.pairs() + " host pairs answered";
        if (!reach.unreachable().isEmpty()) {
            detail += "; unreachable: " + String.join(", ", reach.unreachable().subList(0, Math.min(8, reach.unreachable().size())))
                    + (reach.unreachable().size() > 8 ? ", ..." : "");
        }
        return verdict(expected, expected.betweenLeavesOnly() ? reach.completeBetweenLeaves() : reach.complete(), detail);
    }

    private ExpectationResult intentState(Expectation.IntentStateIs expected) {
        IntentReport status = intent(expected.intent()).current();
        boolean stateHolds = status.state().equals(expected.state().name());
        boolean constraintHolds = expected.constraint() == null || expected.constraint().equals(status.constraint());
        String detail = status.state() + (status.spine() == null ? "" : " via " + status.spine())
                + (status.reason() == null ? "" : " (" + (status.constraint() == null ? "" : status.constraint() + ": ")
                + status.reason() + ")");
        return verdict(expected, stateHolds && constraintHolds, detail);
    }

    private ExpectationResult latency(Expectation.FlowLatency expected) {
        IntentOutcome intent = intent(expected.intent());
        Long computed = intent.computedLatencyNanos();
        if (computed == null) {
            return verdict(expected, false, "intent " + expected.intent() + " was never installed ("
                    + intent.current().state() + "), so it has no computed latency");
        }
        FlowReport report = flow(expected.flow()).report();
        if (report.received() == 0) {
            return verdict(expected, false, "nothing of flow " + expected.flow() + " arrived");
        }
        long measured = expected.metric() == Expectation.LatencyMetric.P99 ? report.p99LatencyNanos() : report.maxLatencyNanos();
        long bound = computed + expected.allowanceNanos();
        return verdict(expected, measured <= bound, expected.metric().label() + " " + Durations.format(measured)
                + " vs computed " + Durations.format(computed) + " + " + Durations.format(expected.allowanceNanos())
                + " = " + Durations.format(bound));
    }

    private ExpectationResult recovery(Expectation.Recovery expected) {
        FlowOutcome flow = flow(expected.flow());
        long lastFailure = result.scenario().events().stream().filter(ScenarioEvent::isFailure)
                .mapToLong(ScenarioEvent::atNanos).max().orElse(-1);
        boolean backAfterFailures = flow.lastArrivalNanos() > lastFailure;
        long gap = flow.report().longestGapNanos();
        String detail = "longest gap " + Durations.format(gap) + ", lost " + flow.report().lost()
                + (backAfterFailures ? "" : "; no packet arrived after the failure at " + Durations.format(lastFailure));
        return verdict(expected, backAfterFailures && gap <= expected.maxGapNanos(), detail);
    }

    private ExpectationResult noLeafTransit(Expectation expectation) {
        List<String> wrong = new ArrayList<>();
        long checked = 0;
        for (FlowOutcome flow : result.flows()) {
            if (flow.report().received() == 0) {
                continue;
            }
            checked += flow.report().received();
            if (flow.minHops() != flow.expectedHops() || flow.maxHops() != flow.expectedHops()) {
                wrong.add(flow.spec().name() + " crossed " + flow.minHops() + ".." + flow.maxHops()
                        + " routers, expected " + flow.expectedHops());
            }
        }
        if (checked == 0) {
            return verdict(expectation, false, "no flow packet arrived, so nothing shows the paths taken");
        }
        return verdict(expectation, wrong.isEmpty(), wrong.isEmpty()
                ? checked + " packets of " + result.flows().size() + " flows, each crossed leaf-spine-leaf (TTL -3) or one leaf"
                : String.join("; ", wrong));
    }

    private FlowOutcome flow(String name) {
        return result.flows().stream().filter(f -> f.spec().name().equals(name)).findFirst().orElseThrow();
    }

    private IntentOutcome intent(String name) {
        return result.intents().stream().filter(i -> i.submitted().name().equals(name)).findFirst().orElseThrow();
    }

    private static ExpectationResult verdict(Expectation expectation, boolean passed, String detail) {
        return new ExpectationResult(expectation.describe(), passed, detail);
    }
}
