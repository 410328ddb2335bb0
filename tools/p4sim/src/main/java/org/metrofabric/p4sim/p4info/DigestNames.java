package org.metrofabric.p4sim.p4info;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.ir.ControlDecl;
import org.metrofabric.p4sim.ir.ControlPlaneNames;
import org.metrofabric.p4sim.ir.Expr;
import org.metrofabric.p4sim.ir.P4Type;
import org.metrofabric.p4sim.ir.Program;

/**
 * The control-plane name of every {@code digest(receiver, data)} call in the code a program uses. Both
 * the P4Info writer and the interpreter (which reports each digest by name, for the P4Runtime server to
 * map to its P4Info id) take names from here, so they cannot disagree.
 *
 * <p>Names follow p4c: struct data names the digest after the struct ({@link ControlPlaneNames#of(P4Type.Struct)}),
 * so calls with the same struct share one digest; a list given as a struct type argument
 * ({@code digest<learn_t>(r, {a, b})}) is struct data (the type checker types it so). Other data, such as a list {@code {a, b}} (a tuple),
 * has no type name: each such call is its own digest {@code digest_0}, {@code digest_1}, ... numbered in
 * the order p4c meets the calls: the controls in {@code main}'s order, and in each control the used
 * actions in declaration order, then the apply block. Calls in actions declared outside any control
 * come last.
 */
public final class DigestNames {
    private final Map<Expr.ExternCall, String> names = new IdentityHashMap<>();
    private final List<Expr.ExternCall> calls = new ArrayList<>();
    private int unnamed;

    DigestNames(Program program, ProgramUse use) {
        for (ControlDecl control : use.controls()) {
            control.actions().stream().filter(use::isUsed).forEach(a -> nameAll(use.digestCallsIn(a)));
            nameAll(use.digestCallsIn(control));
        }
        program.topLevelActions().stream().filter(use::isUsed).forEach(a -> nameAll(use.digestCallsIn(a)));
    }

    /** The names of {@code program}'s digests. */
    public static DigestNames of(Program program) {
        return new DigestNames(program, new ProgramUse(program));
    }

    private void nameAll(List<Expr.ExternCall> digestCalls) {
        for (Expr.ExternCall call : digestCalls) {
            if (call.arguments().size() != 2) {
                throw new P4CompileException(call.location(), "digest takes a receiver and the data");
            }
            names.put(call, data(call).type() instanceof P4Type.Struct s
                    ? ControlPlaneNames.of(s) : "digest_" + unnamed++);
            calls.add(call);
        }
    }

    /** The data argument of a digest call. */
    static Expr data(Expr.ExternCall digestCall) {
        return digestCall.arguments().get(1);
    }

    /** The control-plane name of {@code digestCall}, a digest call in code the program uses. */
    public String nameOf(Expr.ExternCall digestCall) {
        String name = names.get(digestCall);
        if (name == null) {
            throw new IllegalArgumentException(digestCall.location()
                    + ": this digest call is not in code that main uses, so it has no control-plane name");
        }
        return name;
    }

    /** The digest calls in the order their names were decided. */
    List<Expr.ExternCall> calls() {
        return calls;
    }
}
