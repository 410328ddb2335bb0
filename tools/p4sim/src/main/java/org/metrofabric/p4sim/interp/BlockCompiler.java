package org.metrofabric.p4sim.interp;

import org.metrofabric.p4sim.ir.ControlPlaneNames;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.metrofabric.p4sim.ir.ActionDecl;
import org.metrofabric.p4sim.ir.Direction;
import org.metrofabric.p4sim.ir.Expr;
import org.metrofabric.p4sim.ir.P4Type;
import org.metrofabric.p4sim.ir.Program;
import org.metrofabric.p4sim.ir.Stmt;
import org.metrofabric.p4sim.ir.TableDecl;
import org.metrofabric.p4sim.ir.Variable;
import org.metrofabric.p4sim.p4info.DigestNames;
import org.metrofabric.p4sim.runtime.SwitchState;

/** Compiles statements, action bodies and table applications of parsers and controls. */
final class BlockCompiler {
    final ExprCompiler exprs;
    final Allocator allocator;
    final Map<Variable, Layout> variables;
    final SwitchState state;
    final Environment env;
    final Program program;
    final V1Metadata sm;
    final DigestNames digestNames;
    private final ExternCompiler externs;
    private final Map<ActionDecl, ActionExec> actions = new IdentityHashMap<>();
    private final Map<TableDecl, TableExec> tables = new IdentityHashMap<>();

    BlockCompiler(Program program, Allocator allocator, Map<Variable, Layout> variables, SwitchState state,
                  Environment env, V1Metadata sm) {
        this.program = program;
        this.allocator = allocator;
        this.variables = variables;
        this.state = state;
        this.env = env;
        this.sm = sm;
        this.digestNames = DigestNames.of(program);
        this.exprs = new ExprCompiler(program, variables);
        this.externs = new ExternCompiler(this);
    }

    Exec block(List<Stmt> statements) {
        Exec[] list = new Exec[statements.size()];
        for (int i = 0; i < list.length; i++) {
            list[i] = statement(statements.get(i));
        }
        if (list.length == 1) {
            return list[0];
        }
        return f -> {
            for (Exec e : list) {
                int r = e.run(f);
                if (r != Exec.NORMAL) {
                    return r;
                }
            }
            return Exec.NORMAL;
        };
    }

    Exec statement(Stmt s) {
        if (s instanceof Stmt.Block b) {
            return block(b.statements());
        }
        if (s instanceof Stmt.Assign a) {
            return assign(a.target(), exprSource(a.value()));
        }
        if (s instanceof Stmt.Call c) {
            return call(c.call());
        }
        if (s instanceof Stmt.If i) {
            Ev cond = exprs.ev(i.condition());
            Exec then = statement(i.thenBranch());
            Exec otherwise = i.elseBranch() == null ? null : statement(i.elseBranch());
            if (otherwise == null) {
                return f -> cond.l(f) != 0 ? then.run(f) : Exec.NORMAL;
            }
            return f -> cond.l(f) != 0 ? then.run(f) : otherwise.run(f);
        }
        if (s instanceof Stmt.Exit) {
            return f -> Exec.EXIT;
        }
        if (s instanceof Stmt.Return) {
            return f -> Exec.RETURN;
        }
        if (s instanceof Stmt.VarDecl v) {
            Layout l = allocator.allocate(v.variable().type());
            variables.put(v.variable(), l);
            if (v.initializer() != null) {
                return assign(new Expr.VarRef(v.variable(), v.location()), exprSource(v.initializer()));
            }
            return f -> {
                Frames.zero(l, f);
                return Exec.NORMAL;
            };
        }
        if (s instanceof Stmt.Switch sw) {
            return switchStatement(sw);
        }
        throw new IllegalArgumentException("statement not supported: " + s);
    }

    private Exec switchStatement(Stmt.Switch sw) {
        TableExec table = table(sw.apply().table());
        Map<ActionExec, Exec> bodies = new IdentityHashMap<>();
        Exec defaultBody = null;
        List<ActionExec> pending = new ArrayList<>();
        for (Stmt.Switch.Case c : sw.cases()) {
            if (c.action() == null) {
                defaultBody = c.body() == null ? f -> Exec.NORMAL : block(c.body().statements());
                for (ActionExec p : pending) {
                    bodies.put(p, defaultBody);
                }
                pending.clear();
                continue;
            }
            pending.add(action(c.action()));
            if (c.body() != null) {
                Exec body = block(c.body().statements());
                for (ActionExec p : pending) {
                    bodies.put(p, body);
                }
                pending.clear();
            }
        }
        Exec fallback = defaultBody;
        return f -> {
            int r = table.run(f);
            if (r != Exec.NORMAL) {
                return r;
            }
            Exec body = bodies.get(f.lastAction);
            if (body == null) {
                body = fallback;
            }
            return body == null ? Exec.NORMAL : body.run(f);
        };
    }

    /** A value source for an assignment: a scalar {@link Ev} or a composite {@link Place} to copy. */
    private Object exprSource(Expr value) {
        P4Type t = value.type();
        if (t instanceof P4Type.Struct || t instanceof P4Type.Stack) {
            return exprs.place(value);
        }
        return exprs.ev(value);
    }

    Exec assign(Expr target, Object source) {
        if (target instanceof Expr.Slice s) {
            Place base = exprs.place(s.base());
            Ev v = (Ev) source;
            int lo = s.low();
            long fieldMask = Ev.mask(s.high() - s.low() + 1) << lo;
            return f -> {
                Layout.Scalar sc = (Layout.Scalar) base.layout(f);
                if (sc.wide()) {
                    BigInteger m = Ev.bigMask(s.high() - s.low() + 1).shiftLeft(lo);
                    f.wide[sc.slot()] = f.wide[sc.slot()].andNot(m).or(v.b(f).shiftLeft(lo).and(m));
                } else {
                    f.words[sc.slot()] = (f.words[sc.slot()] & ~fieldMask) | ((v.l(f) << lo) & fieldMask);
                }
                return Exec.NORMAL;
            };
        }
        Place p = exprs.place(target);
        if (source instanceof Place from) {
            return f -> {
                Frames.copy(from.layout(f), p.layout(f), f);
                return Exec.NORMAL;
            };
        }
        Ev v = (Ev) source;
        if (p instanceof Place.Fixed fixed && fixed.layout instanceof Layout.Scalar sc && !sc.wide()) {
            int slot = sc.slot();
            return f -> {
                f.words[slot] = v.l(f);
                return Exec.NORMAL;
            };
        }
        return f -> {
            Frames.store((Layout.Scalar) p.layout(f), v, f);
            return Exec.NORMAL;
        };
    }

    Exec call(Expr call) {
        if (call instanceof Expr.TableApply t) {
            return table(t.table());
        }
        if (call instanceof Expr.ActionInvocation a) {
            return invoke(a);
        }
        if (call instanceof Expr.HeaderOp h) {
            return headerOp(h);
        }
        if (call instanceof Expr.ExternCall e) {
            return externs.compile(e);
        }
        if (call instanceof Expr.PacketCall p) {
            return externs.packet(p);
        }
        throw new IllegalArgumentException("not a call: " + call);
    }

    private Exec headerOp(Expr.HeaderOp h) {
        Place p = exprs.place(h.target());
        Place union = exprs.enclosingUnion(h.target());
        int n = h.count();
        return switch (h.kind()) {
            case SET_VALID -> f -> {
                Layout.Header hd = (Layout.Header) p.layout(f);
                if (!f.valid[hd.validSlot()]) {
                    Frames.zero(hd, f);
                    f.valid[hd.validSlot()] = true;
                }
                ExprCompiler.invalidateSiblings(union, hd, f);
                return Exec.NORMAL;
            };
            case SET_INVALID -> f -> {
                f.valid[((Layout.Header) p.layout(f)).validSlot()] = false;
                return Exec.NORMAL;
            };
            case PUSH_FRONT -> f -> {
                Layout.Stack st = (Layout.Stack) p.layout(f);
                Layout.Header[] e = st.elements();
                for (int i = e.length - 1; i >= 0; i--) {
                    if (i >= n) {
                        Frames.copy(e[i - n], e[i], f);
                    } else {
                        f.valid[e[i].validSlot()] = false;
                    }
                }
                f.words[st.nextSlot()] = Math.min(e.length, f.words[st.nextSlot()] + n);
                return Exec.NORMAL;
            };
            case POP_FRONT -> f -> {
                Layout.Stack st = (Layout.Stack) p.layout(f);
                Layout.Header[] e = st.elements();
                for (int i = 0; i < e.length; i++) {
                    if (i + n < e.length) {
                        Frames.copy(e[i + n], e[i], f);
                    } else {
                        f.valid[e[i].validSlot()] = false;
                    }
                }
                f.words[st.nextSlot()] -= Math.min(f.words[st.nextSlot()], n);
                return Exec.NORMAL;
            };
        };
    }

    // ------------------------------------------------------------------ actions and tables

    /** A compiled action: its parameter layouts and body. */
    static final class ActionExec {
        final String name;
        final List<String> paramNames;
        Layout[] params;
        Exec body;

        ActionExec(String name, List<String> paramNames) {
            this.name = name;
            this.paramNames = paramNames;
        }

        /** Runs the body; a return ends only the action. */
        int run(Frame f) {
            if (f.tracer != null) {
                f.tracer.actionRun(name);
            }
            int r = body.run(f);
            return r == Exec.EXIT ? Exec.EXIT : Exec.NORMAL;
        }
    }

    ActionExec action(ActionDecl decl) {
        ActionExec a = actions.get(decl);
        if (a != null) {
            return a;
        }
        a = new ActionExec(ControlPlaneNames.of(decl), decl.parameters().stream().map(Variable::name).toList());
        actions.put(decl, a);
        Layout[] params = new Layout[decl.parameters().size()];
        for (int i = 0; i < params.length; i++) {
            Variable v = decl.parameters().get(i);
            params[i] = allocator.allocate(v.type());
            variables.put(v, params[i]);
        }
        a.params = params;
        a.body = block(decl.body().statements());
        return a;
    }

    private Exec invoke(Expr.ActionInvocation call) {
        ActionExec a = action(call.action());
        List<Variable> params = call.action().parameters();
        int n = params.size();
        Object[] sources = new Object[n];
        Exec[] copyOut = new Exec[n];
        Place[] argPlaces = new Place[n];
        for (int i = 0; i < n; i++) {
            Variable p = params.get(i);
            Expr arg = call.arguments().get(i);
            if (p.direction() != Direction.OUT) {
                sources[i] = exprSource(arg);
            }
            if (p.direction().writable()) {
                argPlaces[i] = exprs.place(arg);
                Place param = new Place.Fixed(a.params[i]);
                copyOut[i] = assign(arg, p.type() instanceof P4Type.Struct ? param : ExprCompiler.read(param, p.type()));
            }
        }
        return f -> {
            for (int i = 0; i < n; i++) {
                Object src = sources[i];
                if (src instanceof Ev ev) {
                    Frames.store((Layout.Scalar) a.params[i], ev, f);
                } else if (src instanceof Place pl) {
                    Frames.copy(pl.layout(f), a.params[i], f);
                }
            }
            int r = a.run(f);
            for (Exec e : copyOut) {
                if (e != null) {
                    e.run(f);
                }
            }
            return r;
        };
    }

    TableExec table(TableDecl decl) {
        TableExec t = tables.get(decl);
        if (t == null) {
            t = new TableExec(this, decl);
            tables.put(decl, t);
        }
        return t;
    }

    /** Action name (P4Info) -> compiled action, for the actions a table lists. */
    Map<String, ActionExec> actionsOf(TableDecl decl) {
        Map<String, ActionExec> out = new HashMap<>();
        for (TableDecl.ActionRef r : decl.actions()) {
            ActionExec a = action(r.action());
            out.put(a.name, a);
        }
        return out;
    }
}
