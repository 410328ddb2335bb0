package org.metrofabric.p4sim.p4info;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.metrofabric.p4sim.ir.ActionDecl;
import org.metrofabric.p4sim.ir.ControlDecl;
import org.metrofabric.p4sim.ir.Expr;
import org.metrofabric.p4sim.ir.ExternInstance;
import org.metrofabric.p4sim.ir.ParserDecl;
import org.metrofabric.p4sim.ir.Program;
import org.metrofabric.p4sim.ir.Stmt;
import org.metrofabric.p4sim.ir.TableDecl;

/**
 * What of a program reaches the control plane, decided as p4c's front end does: only the parsers and
 * controls the {@code main} package instantiates count; a table that is never applied is removed, and so
 * is an action that no used table lists and nothing calls; extern instances are always kept.
 */
final class ProgramUse {
    private final List<ControlDecl> controls = new ArrayList<>();
    private final List<ParserDecl> parsers = new ArrayList<>();
    private final Set<TableDecl> tables = new HashSet<>();
    private final Set<ActionDecl> actions = new HashSet<>();
    private final Set<ActionDecl> tableActions = new HashSet<>();
    /** Digest calls by the body (a used action or a control's apply block) they are written in. */
    private final Map<Object, List<Expr.ExternCall>> digestCalls = new IdentityHashMap<>();
    private Object bodyBeingVisited;
    private boolean callsExternFunction;
    private final Deque<ActionDecl> pendingBodies = new ArrayDeque<>();
    private final ActionDecl noAction;

    ProgramUse(Program program) {
        noAction = program.topLevelActions().stream().filter(a -> a.name().equals("NoAction")).findFirst()
                .orElse(null);
        for (Object block : program.main().blocks()) {
            if (block instanceof ControlDecl c) {
                controls.add(c);
            } else if (block instanceof ParserDecl p) {
                parsers.add(p);
            }
        }
        for (ControlDecl control : controls) {
            bodyBeingVisited = control;
            visit(control.apply());
            while (!pendingBodies.isEmpty()) {
                ActionDecl action = pendingBodies.pop();
                if (action.body() != null) {
                    bodyBeingVisited = action;
                    visit(action.body());
                }
            }
        }
    }

    /** Controls instantiated by {@code main}, in package-parameter order. */
    List<ControlDecl> controls() {
        return controls;
    }

    boolean isUsed(TableDecl table) {
        return tables.contains(table);
    }

    boolean isUsed(ActionDecl action) {
        return actions.contains(action);
    }

    /** Whether a used table lists the action; an action that is only called directly has no P4Info parameters. */
    boolean isTableAction(ActionDecl action) {
        return tableActions.contains(action);
    }

    /** core.p4's NoAction, or null if the program does not declare it. */
    ActionDecl noAction() {
        return noAction;
    }

    /** Extern instances of the instantiated controls and parsers plus the top-level ones, in declaration order. */
    List<ExternInstance> instances(Program program) {
        Set<ExternInstance> all = new LinkedHashSet<>(program.topLevelInstances());
        parsers.forEach(p -> all.addAll(p.instances()));
        controls.forEach(c -> all.addAll(c.instances()));
        return new ArrayList<>(all);
    }

    /** The {@code digest(receiver, data)} calls in a used action's body, in the order written. */
    List<Expr.ExternCall> digestCallsIn(ActionDecl action) {
        return digestCalls.getOrDefault(action, List.of());
    }

    /** The {@code digest(receiver, data)} calls written in a used control's apply block, in order. */
    List<Expr.ExternCall> digestCallsIn(ControlDecl control) {
        return digestCalls.getOrDefault(control, List.of());
    }

    /** Whether used control code calls an extern function (p4c then always writes {@code type_info}). */
    boolean callsExternFunction() {
        return callsExternFunction;
    }

    private void useTable(TableDecl table) {
        if (!tables.add(table)) {
            return;
        }
        for (TableDecl.ActionRef ref : table.actions()) {
            tableActions.add(ref.action());
            useAction(ref.action());
        }
        if (table.defaultAction() != null) {
            useAction(table.defaultAction().action());
        } else if (noAction != null) {
            // p4c gives a table without default_action "default_action = NoAction()" and lists NoAction.
            tableActions.add(noAction);
            useAction(noAction);
        }
        if (table.entries() != null) {
            table.entries().forEach(e -> useAction(e.action().action()));
        }
    }

    private void useAction(ActionDecl action) {
        if (actions.add(action)) {
            pendingBodies.push(action);
        }
    }

    private void visit(Stmt stmt) {
        if (stmt instanceof Stmt.Block b) {
            b.statements().forEach(this::visit);
        } else if (stmt instanceof Stmt.Assign a) {
            visit(a.target());
            visit(a.value());
        } else if (stmt instanceof Stmt.Call c) {
            visit(c.call());
        } else if (stmt instanceof Stmt.If i) {
            visit(i.condition());
            visit(i.thenBranch());
            if (i.elseBranch() != null) {
                visit(i.elseBranch());
            }
        } else if (stmt instanceof Stmt.VarDecl v) {
            if (v.initializer() != null) {
                visit(v.initializer());
            }
        } else if (stmt instanceof Stmt.Switch s) {
            useTable(s.apply().table());
            for (Stmt.Switch.Case c : s.cases()) {
                if (c.body() != null) {
                    visit(c.body());
                }
            }
        }
    }

    private void visit(Expr e) {
        if (e instanceof Expr.TableApply t) {
            useTable(t.table());
        } else if (e instanceof Expr.TableHit h) {
            useTable(h.apply().table());
        } else if (e instanceof Expr.ActionInvocation a) {
            useAction(a.action());
            a.arguments().forEach(this::visit);
        } else if (e instanceof Expr.ExternCall c) {
            if (c.instance() == null) {
                callsExternFunction = true;
                if (c.function().equals("digest")) {
                    digestCalls.computeIfAbsent(bodyBeingVisited, b -> new ArrayList<>()).add(c);
                }
            }
            c.arguments().forEach(this::visit);
        } else if (e instanceof Expr.Member m) {
            visit(m.base());
        } else if (e instanceof Expr.StackElement s) {
            visit(s.stack());
            visit(s.index());
        } else if (e instanceof Expr.StackCursor s) {
            visit(s.stack());
        } else if (e instanceof Expr.Slice s) {
            visit(s.base());
        } else if (e instanceof Expr.Unary u) {
            visit(u.operand());
        } else if (e instanceof Expr.Binary b) {
            visit(b.left());
            visit(b.right());
        } else if (e instanceof Expr.Cast c) {
            visit(c.operand());
        } else if (e instanceof Expr.Ternary t) {
            visit(t.condition());
            visit(t.ifTrue());
            visit(t.ifFalse());
        } else if (e instanceof Expr.ListExpr l) {
            l.items().forEach(this::visit);
        } else if (e instanceof Expr.IsValid v) {
            visit(v.header());
        } else if (e instanceof Expr.HeaderOp h) {
            visit(h.target());
        } else if (e instanceof Expr.PacketCall p) {
            p.arguments().forEach(this::visit);
        }
    }
}
