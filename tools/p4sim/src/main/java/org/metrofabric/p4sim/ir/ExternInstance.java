package org.metrofabric.p4sim.ir;

import java.util.List;

/**
 * An instantiated extern object, e.g. {@code counter(4, CounterType.packets) drops;}.
 * {@code controlName} is the control (or parser) declaring it, null at top level; constructor
 * arguments are folded constants where the program gives constants.
 */
public record ExternInstance(String name, P4Type.Extern type, List<Expr> constructorArguments,
                             String controlName, List<Annotation> annotations, SourceLocation location) {

    public String externName() {
        return type.decl().name();
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
