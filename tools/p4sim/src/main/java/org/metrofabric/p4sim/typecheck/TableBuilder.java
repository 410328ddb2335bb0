package org.metrofabric.p4sim.typecheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.metrofabric.p4sim.frontend.P4Parser;
import org.metrofabric.p4sim.ir.ActionDecl;
import org.metrofabric.p4sim.ir.Direction;
import org.metrofabric.p4sim.ir.Expr;
import org.metrofabric.p4sim.ir.ExternInstance;
import org.metrofabric.p4sim.ir.Keyset;
import org.metrofabric.p4sim.ir.P4Type;
import org.metrofabric.p4sim.ir.TableDecl;
import org.metrofabric.p4sim.ir.Variable;

/** Checks a table declaration: keys, action list, default action, entries and properties. */
final class TableBuilder {
    private final ProgramBuilder program;
    private final ExpressionTyper typer;

    TableBuilder(ProgramBuilder program, ExpressionTyper typer) {
        this.program = program;
        this.typer = typer;
    }

    TableDecl table(P4Parser.TableDeclarationContext t, String controlName, Scope scope) {
        String name = t.name().getText();
        List<TableDecl.KeyElement> keys = new ArrayList<>();
        List<TableDecl.ActionRef> actions = new ArrayList<>();
        TableDecl.ActionCall defaultAction = null;
        boolean defaultConst = false;
        List<TableDecl.Entry> entries = null;
        boolean entriesConst = false;
        Long size = null;
        ExternInstance implementation = null;
        ExternInstance counters = null;
        ExternInstance meters = null;
        Map<String, Expr> others = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        P4Parser.EntriesPropertyContext entriesCtx = null;
        P4Parser.SimplePropertyContext defaultCtx = null;
        boolean sawActions = false;
        for (P4Parser.TablePropertyContext p : t.tableProperty()) {
            String propName = p instanceof P4Parser.KeyPropertyContext ? "key"
                    : p instanceof P4Parser.ActionsPropertyContext ? "actions"
                    : p instanceof P4Parser.EntriesPropertyContext ? "entries"
                    : ((P4Parser.SimplePropertyContext) p).name().getText();
            if (!seen.add(propName)) {
                throw program.error(p, "table " + name + " has a second '" + propName + "' property");
            }
            if (p instanceof P4Parser.KeyPropertyContext k) {
                for (P4Parser.KeyElementContext ke : k.keyElement()) {
                    keys.add(keyElement(ke, scope, name));
                }
            } else if (p instanceof P4Parser.ActionsPropertyContext a) {
                sawActions = true;
                Set<ActionDecl> listed = new HashSet<>();
                for (P4Parser.ActionRefContext r : a.actionRef()) {
                    ActionDecl action = actionByName(r.name(), scope, name);
                    if (!listed.add(action)) {
                        throw program.error(r, "action '" + action.name() + "' listed twice in table " + name);
                    }
                    if (r.argumentList() != null && !r.argumentList().argument().isEmpty()) {
                        throw program.error(r, "arguments in a table's actions list are not supported");
                    }
                    actions.add(new TableDecl.ActionRef(action, program.annotations(r.annotations()), program.loc(r)));
                }
            } else if (p instanceof P4Parser.EntriesPropertyContext e) {
                entriesCtx = e;
                entriesConst = hasConst(e);
            } else {
                P4Parser.SimplePropertyContext s = (P4Parser.SimplePropertyContext) p;
                switch (propName) {
                    case "default_action" -> {
                        defaultCtx = s;
                        defaultConst = s.getChild(s.annotations() == null ? 0 : 1).getText().equals("const");
                    }
                    case "size" -> size = (long) program.constantInt(s.expression(), "table size");
                    case "implementation" -> implementation = instanceProperty(s, scope, name,
                            "action_profile", "action_selector");
                    case "counters" -> counters = instanceProperty(s, scope, name, "direct_counter");
                    case "meters" -> meters = instanceProperty(s, scope, name, "direct_meter");
                    default -> others.put(propName, typer.expression(s.expression(), scope));
                }
            }
        }
        if (!sawActions) {
            throw program.error(t.name(), "table " + name + " has no 'actions' property");
        }
        if (defaultCtx != null) {
            defaultAction = actionCall(defaultCtx.expression(), scope, name, actions, true);
        }
        if (entriesCtx != null) {
            entries = new ArrayList<>();
            List<P4Type> keyTypes = keys.stream().map(k -> k.expression().type()).toList();
            for (P4Parser.EntryContext e : entriesCtx.entry()) {
                List<Keyset> ks = program.keysets(e.keysetExpression(), new ArrayList<Object>(keyTypes), scope);
                TableDecl.ActionCall call = entryAction(e.actionRef(), scope, name, actions);
                entries.add(new TableDecl.Entry(List.copyOf(ks), call, e.annotations().stream().flatMap(a -> program.annotations(a).stream()).toList(), program.loc(e)));
            }
            entries = List.copyOf(entries);
        }
        boolean hasSelector = keys.stream().anyMatch(k -> k.matchKind().equals("selector"));
        if (hasSelector && (implementation == null || !implementation.externName().equals("action_selector"))) {
            throw program.error(t.name(), "table " + name + " has selector keys but no action_selector implementation");
        }
        return new TableDecl(name, controlName, List.copyOf(keys), List.copyOf(actions), defaultAction, defaultConst,
                entries, entriesConst, size, implementation, counters, meters, Map.copyOf(others),
                program.annotations(t.annotations()), program.loc(t));
    }

    private static boolean hasConst(P4Parser.EntriesPropertyContext e) {
        for (int i = 0; i < e.getChildCount(); i++) {
            if (e.getChild(i).getText().equals("const")) {
                return true;
            }
        }
        return false;
    }

    private TableDecl.KeyElement keyElement(P4Parser.KeyElementContext ke, Scope scope, String table) {
        Expr e = typer.expression(ke.expression(), scope);
        if (!(e.type() instanceof P4Type.Bits || e.type() instanceof P4Type.Bool || e.type() instanceof P4Type.Enum
                || e.type() instanceof P4Type.Error)) {
            throw program.error(ke.expression(), "bad key expression in table " + table + ": '" + ke.expression().getText()
                    + "' has type " + e.type().describe() + " (keys must be bit<W>, int<W>, bool, enum or error)");
        }
        String kind = ke.name().getText();
        if (!program.matchKinds.contains(kind)) {
            throw program.error(ke.name(), "unknown match kind '" + kind + "' (declared: "
                    + String.join(", ", program.matchKinds) + ")");
        }
        return new TableDecl.KeyElement(e, kind, program.annotations(ke.annotations()), program.loc(ke));
    }

    private ActionDecl actionByName(P4Parser.NameContext n, Scope scope, String table) {
        Object o = scope.lookup(n.getText());
        if (o instanceof ActionDecl a) {
            return a;
        }
        throw program.error(n, "unknown action '" + n.getText() + "' in table " + table);
    }

    private ExternInstance instanceProperty(P4Parser.SimplePropertyContext s, Scope scope, String table, String... kinds) {
        String prop = s.name().getText();
        Object o = s.expression() instanceof P4Parser.NameExpressionContext ? scope.lookup(s.expression().getText()) : null;
        if (o instanceof ExternInstance inst && List.of(kinds).contains(inst.externName())) {
            return inst;
        }
        throw program.error(s.expression(), "table " + table + " property '" + prop + "' must name a "
                + String.join(" or ", kinds) + " instance, got '" + s.expression().getText() + "'");
    }

    private TableDecl.ActionCall entryAction(P4Parser.ActionRefContext r, Scope scope, String table,
                                             List<TableDecl.ActionRef> listed) {
        ActionDecl action = actionByName(r.name(), scope, table);
        requireListed(action, listed, table, r);
        List<P4Parser.ArgumentContext> args = r.argumentList() == null ? List.of() : r.argumentList().argument();
        return new TableDecl.ActionCall(action, constantArguments(action, args, r, table, scope), program.loc(r));
    }

    private TableDecl.ActionCall actionCall(P4Parser.ExpressionContext e, Scope scope, String table,
                                            List<TableDecl.ActionRef> listed, boolean isDefault) {
        P4Parser.NameContext nameCtx;
        List<P4Parser.ArgumentContext> args;
        if (e instanceof P4Parser.CallContext c && c.expression() instanceof P4Parser.NameExpressionContext n) {
            nameCtx = n.name();
            args = c.argumentList().argument();
        } else if (e instanceof P4Parser.NameExpressionContext n) {
            nameCtx = n.name();
            args = List.of();
        } else {
            throw program.error(e, "default_action of table " + table + " must be an action call");
        }
        ActionDecl action = actionByName(nameCtx, scope, table);
        requireListed(action, listed, table, e);
        if (isDefault && action.annotations().stream().anyMatch(a -> a.name().equals("tableonly"))) {
            throw program.error(e, "action " + action.name() + " is @tableonly and cannot be the default action");
        }
        return new TableDecl.ActionCall(action, constantArguments(action, args, e, table, scope), program.loc(e));
    }

    private void requireListed(ActionDecl action, List<TableDecl.ActionRef> listed, String table,
                               org.antlr.v4.runtime.ParserRuleContext ctx) {
        if (listed.stream().noneMatch(r -> r.action() == action)) {
            throw program.error(ctx, "action '" + action.name() + "' is not in the actions of table " + table);
        }
    }

    private List<Expr> constantArguments(ActionDecl action, List<P4Parser.ArgumentContext> args,
                                         org.antlr.v4.runtime.ParserRuleContext ctx, String table, Scope scope) {
        List<Variable> data = action.parameters().stream().filter(p -> p.direction() == Direction.NONE).toList();
        if (args.size() != data.size()) {
            throw program.error(ctx, "action " + action.name() + " in table " + table + " needs " + data.size()
                    + " arguments, got " + args.size());
        }
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            P4Parser.ArgumentContext a = args.get(i);
            if (a.expression() == null) {
                throw program.error(a, "named or '_' action arguments are not supported");
            }
            Expr v = typer.coerce(typer.expression(a.expression(), scope), data.get(i).type(), a.expression());
            if (!(v instanceof Expr.Constant || v instanceof Expr.BoolConstant)) {
                throw program.error(a, "argument " + (i + 1) + " of action " + action.name() + " must be a constant");
            }
            out.add(v);
        }
        return List.copyOf(out);
    }
}
