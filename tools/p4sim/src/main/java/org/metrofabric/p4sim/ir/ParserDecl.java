package org.metrofabric.p4sim.ir;

import java.util.List;

/** A parser: parameters, local variables/instances and states (start first is not required). */
public record ParserDecl(String name, List<Variable> parameters, List<Stmt.VarDecl> locals,
                        List<ExternInstance> instances, List<State> states, List<Annotation> annotations,
                        SourceLocation location) {

    /** A parser state: statements then a transition. */
    public record State(String name, List<Stmt> statements, Transition transition,
                        List<Annotation> annotations, SourceLocation location) { }

    /** Where a state goes next; target names include "accept" and "reject". */
    public sealed interface Transition {
        record Goto(String state, SourceLocation location) implements Transition { }

        record Select(List<Expr> expressions, List<Case> cases, SourceLocation location) implements Transition { }

        /** One select case: a keyset per select expression. */
        record Case(List<Keyset> keysets, String state, SourceLocation location) { }
    }

    public State state(String stateName) {
        return states.stream().filter(s -> s.name().equals(stateName)).findFirst().orElse(null);
    }
}
