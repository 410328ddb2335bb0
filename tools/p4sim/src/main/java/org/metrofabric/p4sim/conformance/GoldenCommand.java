package org.metrofabric.p4sim.conformance;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** One command line of a golden file; {@code line} is its 1-based line number. */
public sealed interface GoldenCommand {
    int line();

    /** {@code NAME(PARAM=VALUE, ...)}; parameters in the order written. */
    record ActionText(String name, Map<String, BigInteger> params) { }

    /** What a {@code table_add} entry does: an action, a member or a group. */
    sealed interface EntryTarget { }

    record DirectAction(ActionText action) implements EntryTarget { }

    record MemberTarget(int memberId) implements EntryTarget { }

    record GroupTarget(int groupId) implements EntryTarget { }

    /** Field name -> value, in the order written. */
    record Match(Map<String, MatchValue> fields, Integer priority) { }

    record TableAdd(int line, String table, Match match, EntryTarget target) implements GoldenCommand { }

    record TableDefault(int line, String table, ActionText action) implements GoldenCommand { }

    record MemberAdd(int line, String profile, int memberId, ActionText action) implements GoldenCommand { }

    record GroupAdd(int line, String profile, int groupId, List<Integer> members) implements GoldenCommand { }

    record GroupSet(int line, String profile, int groupId, List<Integer> members) implements GoldenCommand { }

    record BindProfile(int line, String table, String profile) implements GoldenCommand { }

    /** One {@code PORT:RID} of a multicast group. */
    record ReplicaText(int port, int rid) { }

    record McGroup(int line, int groupId, List<ReplicaText> replicas) implements GoldenCommand { }

    record CloneSessionLine(int line, int sessionId, int port) implements GoldenCommand { }

    /** Rates in units per second, bursts in units. */
    record Rates(double committedRate, long committedBurst, double peakRate, long peakBurst) { }

    record MeterSet(int line, String meter, long index, Rates rates) implements GoldenCommand { }

    record DirectMeterSet(int line, String meter, String table, Match match, Rates rates) implements GoldenCommand { }

    record Packet(int line, int port, byte[] frame) implements GoldenCommand { }

    /** {@code expect PORT HEX}; {@code frame} null for {@code expect none}. */
    record Expect(int line, int port, byte[] frame) implements GoldenCommand {
        public boolean none() {
            return frame == null;
        }
    }

    record CounterCheck(int line, String counter, long index, long packets, long bytes) implements GoldenCommand { }

    /** {@code bytes} is null when the line gives packets only. */
    record DirectCounterCheck(int line, String counter, String table, Match match, long packets, Long bytes)
            implements GoldenCommand { }

    record RegisterCheck(int line, String register, long index, BigInteger value) implements GoldenCommand { }
}
