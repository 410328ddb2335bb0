package org.metrofabric.p4sim.ir;

import java.util.List;

/** Statements of parser states, actions and control apply blocks. */
public sealed interface Stmt {
    SourceLocation location();

    record Assign(Expr target, Expr value, SourceLocation location) implements Stmt { }

    /** A call evaluated for its effect. */
    record Call(Expr call, SourceLocation location) implements Stmt { }

    /** {@code elseBranch} is null when there is no else. */
    record If(Expr condition, Stmt thenBranch, Stmt elseBranch, SourceLocation location) implements Stmt { }

    record Block(List<Stmt> statements, SourceLocation location) implements Stmt { }

    record Exit(SourceLocation location) implements Stmt { }

    record Return(SourceLocation location) implements Stmt { }

    /** {@code initializer} is null when the variable is declared without one. */
    record VarDecl(Variable variable, Expr initializer, SourceLocation location) implements Stmt { }

    /** {@code switch (t.apply().action_run)}; a case with {@code body} null falls through to the next. */
    record Switch(Expr.TableApply apply, List<Case> cases, SourceLocation location) implements Stmt {
        /** {@code action} null means {@code default}. */
        public record Case(ActionDecl action, Block body, SourceLocation location) { }
    }
}
