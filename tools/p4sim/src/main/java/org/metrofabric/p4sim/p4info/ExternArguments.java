package org.metrofabric.p4sim.p4info;

import java.math.BigInteger;
import java.util.List;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.ir.Expr;
import org.metrofabric.p4sim.ir.ExternInstance;

/** Reads the constant constructor arguments of v1model extern instances (sizes, units, algorithms). */
final class ExternArguments {
    private ExternArguments() {
    }

    /** The integer constructor argument at {@code index}. */
    static long integer(ExternInstance instance, int index, String what) {
        Expr e = argument(instance, index, what);
        if (e instanceof Expr.Constant c) {
            return c.value().min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        }
        throw new P4CompileException(e.location(), "the " + what + " of " + instance.externName() + " '"
                + instance.name() + "' must be a compile-time constant");
    }

    /** The enum member named by the constructor argument at {@code index}, e.g. "packets_and_bytes". */
    static String enumMember(ExternInstance instance, int index, String what) {
        Expr e = argument(instance, index, what);
        if (e instanceof Expr.EnumConstant c) {
            return c.member();
        }
        throw new P4CompileException(e.location(), "the " + what + " of " + instance.externName() + " '"
                + instance.name() + "' must be an enum constant");
    }

    private static Expr argument(ExternInstance instance, int index, String what) {
        List<Expr> args = instance.constructorArguments();
        if (index >= args.size()) {
            throw new P4CompileException(instance.location(), instance.externName() + " '" + instance.name()
                    + "' has no " + what + " argument");
        }
        return args.get(index);
    }
}
