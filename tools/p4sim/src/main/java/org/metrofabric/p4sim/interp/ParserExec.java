package org.metrofabric.p4sim.interp;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metrofabric.p4sim.ir.Keyset;
import org.metrofabric.p4sim.ir.ParserDecl;

/**
 * A compiled parser. Per v1model on BMv2: {@code reject} acts as accept, a select without a
 * matching case ends parsing with no error, and an error stops parsing but not the packet.
 */
public final class ParserExec {
    private static final int ACCEPT = -1;
    private static final int MAX_TRANSITIONS = 10_000;

    private final String name;
    private final String[] stateNames;
    private final Exec[] bodies;
    private final Ev[][] selectKeys;
    private final Keyset[][][] caseKeysets;
    /** Per state, when every select key fits 64 bits: per case and key, {low, high, mask} as longs. */
    private final long[][][][] narrowCases;
    private final int[][] caseTargets;
    private final int[] gotoTargets;
    private final int start;
    private final int parserErrorSlot;
    private final int parserTimeout;

    ParserExec(ParserDecl decl, BlockCompiler c) {
        this.name = decl.name();
        List<ParserDecl.State> states = decl.states();
        int n = states.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(states.get(i).name(), i);
        }
        index.put("accept", ACCEPT);
        index.put("reject", ACCEPT);
        stateNames = new String[n];
        bodies = new Exec[n];
        selectKeys = new Ev[n][];
        caseKeysets = new Keyset[n][][];
        narrowCases = new long[n][][][];
        caseTargets = new int[n][];
        gotoTargets = new int[n];
        for (int i = 0; i < n; i++) {
            ParserDecl.State s = states.get(i);
            stateNames[i] = s.name();
            bodies[i] = c.block(s.statements());
            if (s.transition() instanceof ParserDecl.Transition.Goto g) {
                gotoTargets[i] = index.get(g.state());
            } else {
                ParserDecl.Transition.Select sel = (ParserDecl.Transition.Select) s.transition();
                selectKeys[i] = sel.expressions().stream().map(c.exprs::ev).toArray(Ev[]::new);
                caseKeysets[i] = new Keyset[sel.cases().size()][];
                caseTargets[i] = new int[sel.cases().size()];
                for (int k = 0; k < sel.cases().size(); k++) {
                    caseKeysets[i][k] = sel.cases().get(k).keysets().toArray(new Keyset[0]);
                    caseTargets[i][k] = index.get(sel.cases().get(k).state());
                }
                narrowCases[i] = narrow(selectKeys[i], caseKeysets[i]);
            }
        }
        start = index.get("start");
        parserErrorSlot = c.sm.parserError;
        parserTimeout = c.program.errorNumber("ParserTimeout");
    }

    /** Parses {@code f.packet}; sets parser_error on error and the payload offset in any case. */
    public void run(Frame f) {
        int state = start;
        try {
            for (int steps = 0; state != ACCEPT; steps++) {
                if (steps > MAX_TRANSITIONS) {
                    f.words[parserErrorSlot] = parserTimeout;
                    break;
                }
                if (f.tracer != null) {
                    f.tracer.parserState(name, stateNames[state]);
                }
                bodies[state].run(f);
                state = next(state, f);
            }
        } catch (ParserErrorSignal e) {
            f.words[parserErrorSlot] = e.errorNumber;
            if (f.tracer != null) {
                f.tracer.parserError(e.errorName);
            }
        }
        f.payloadOffset = (int) Math.min(f.packet.length, (f.cursorBits + 7) >>> 3);
    }

    /** Keysets as long (low, high, mask) triples, or null if a key is wider than 64 bits. */
    private static long[][][] narrow(Ev[] keys, Keyset[][] cases) {
        for (Ev k : keys) {
            if (k.wide || k.width > 63) {
                return null;
            }
        }
        long[][][] out = new long[cases.length][keys.length][];
        for (int c = 0; c < cases.length; c++) {
            for (int k = 0; k < keys.length; k++) {
                Keyset ks = cases[c][k];
                long all = Ev.mask(keys[k].width);
                if (ks instanceof Keyset.Exact e) {
                    long v = e.value().longValue() & all;
                    out[c][k] = new long[] {v, v, all};
                } else if (ks instanceof Keyset.Mask m) {
                    long mask = m.mask().longValue() & all;
                    long v = m.value().longValue() & mask;
                    out[c][k] = new long[] {v, v, mask};
                } else if (ks instanceof Keyset.Range r) {
                    out[c][k] = new long[] {r.low().longValue(), r.high().longValue(), all};
                } else {
                    out[c][k] = new long[] {0, 0, 0};
                }
            }
        }
        return out;
    }

    private int next(int state, Frame f) {
        Ev[] keys = selectKeys[state];
        if (keys == null) {
            return gotoTargets[state];
        }
        long[][][] narrowStateCases = narrowCases[state];
        if (narrowStateCases != null) {
            long[] values = new long[keys.length];
            for (int i = 0; i < keys.length; i++) {
                values[i] = keys[i].l(f);
            }
            for (int c = 0; c < narrowStateCases.length; c++) {
                boolean all = true;
                for (int i = 0; i < values.length && all; i++) {
                    long[] k = narrowStateCases[c][i];
                    long v = values[i] & k[2];
                    all = v >= k[0] && v <= k[1];
                }
                if (all) {
                    return caseTargets[state][c];
                }
            }
            return ACCEPT;
        }
        BigInteger[] values = new BigInteger[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = keys[i].b(f);
        }
        Keyset[][] cases = caseKeysets[state];
        for (int k = 0; k < cases.length; k++) {
            boolean all = true;
            for (int i = 0; i < values.length && all; i++) {
                all = cases[k][i].matches(values[i]);
            }
            if (all) {
                return caseTargets[state][k];
            }
        }
        return ACCEPT;
    }
}
