package org.metrofabric.p4sim.interp;

import org.metrofabric.p4sim.ir.ControlPlaneNames;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.metrofabric.p4sim.ir.TableDecl;
import org.metrofabric.p4sim.runtime.MatchTable;
import org.metrofabric.p4sim.runtime.TableResult;

/** Applies a table: evaluates the key, looks it up in the runtime table and runs the chosen action. */
final class TableExec implements Exec {
    private final String name;
    private final MatchTable table;
    private final Ev[] keys;
    private final Map<String, BlockCompiler.ActionExec> actions;

    TableExec(BlockCompiler compiler, TableDecl decl) {
        this.name = ControlPlaneNames.of(decl);
        this.table = compiler.state.table(name);
        if (table == null) {
            throw new IllegalStateException("runtime has no table '" + name + "' (P4Info and program disagree)");
        }
        List<TableDecl.KeyElement> keyElements = decl.keys();
        this.keys = new Ev[keyElements.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = compiler.exprs.ev(keyElements.get(i).expression());
        }
        this.actions = compiler.actionsOf(decl);
    }

    @Override
    public int run(Frame f) {
        BigInteger[] values = new BigInteger[keys.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = keys[i].b(f);
        }
        TableResult r = table.apply(values, f.arrivalLength, f.nowNanos);
        f.lastHit = r.hit();
        f.directMeterColor = r.directMeterColor();
        BlockCompiler.ActionExec a = r.actionName() == null ? null : actions.get(r.actionName());
        f.lastAction = a;
        if (f.tracer != null) {
            f.tracer.tableApplied(name, r.hit(), r.actionName(), a == null ? List.of() : a.paramNames, r.actionArgs());
        }
        if (a == null) {
            return Exec.NORMAL;
        }
        List<BigInteger> args = r.actionArgs();
        for (int i = 0; i < a.params.length; i++) {
            Frames.storeBig((Layout.Scalar) a.params[i], args.get(i), f);
        }
        return a.run(f);
    }
}
