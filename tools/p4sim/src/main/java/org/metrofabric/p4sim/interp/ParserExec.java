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

    private int next(int state, Frame f) {
        Ev[] keys = selectKeys[state];
        if (keys == null) {
            return gotoTargets[state];
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
