package org.metrofabric.p4sim.typecheck;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.frontend.P4Parser;
import org.metrofabric.p4sim.ir.ActionDecl;
import org.metrofabric.p4sim.ir.Direction;
import org.metrofabric.p4sim.ir.Expr;
import org.metrofabric.p4sim.ir.Expr.BinaryOp;
import org.metrofabric.p4sim.ir.ExternDecl;
import org.metrofabric.p4sim.ir.ExternInstance;
import org.metrofabric.p4sim.ir.P4Type;
import org.metrofabric.p4sim.ir.SourceLocation;
import org.metrofabric.p4sim.ir.TableDecl;
import org.metrofabric.p4sim.ir.Variable;

/** Resolves and type-checks expressions, folding constants; literals take the type they meet. */
final class ExpressionTyper {
    private static final P4Type BOOL = new P4Type.Bool();
    /** {@code 8w5}, {@code 16s0x10}: width, w (unsigned) or s (signed), then the digits. */
    private static final java.util.regex.Pattern WIDTH_PREFIX = java.util.regex.Pattern.compile("(\\d+)([ws])(.+)");
    private final ProgramBuilder program;

    ExpressionTyper(ProgramBuilder program) {
        this.program = program;
    }

    private P4CompileException error(ParserRuleContext ctx, String message) {
        return program.error(ctx, message);
    }

    Expr expression(P4Parser.ExpressionContext ctx, Scope scope) {
        SourceLocation loc = program.loc(ctx);
        if (ctx instanceof P4Parser.IntegerLiteralContext i) {
            return integerLiteral(i.INTEGER().getSymbol());
        } else if (ctx instanceof P4Parser.BoolLiteralContext b) {
            return new Expr.BoolConstant(b.getText().equals("true"), loc);
        } else if (ctx instanceof P4Parser.StringLiteralContext s) {
            String t = s.getText();
            return new Expr.StringConstant(t.substring(1, t.length() - 1), loc);
        } else if (ctx instanceof P4Parser.NameExpressionContext n) {
            return name(n.name().getText(), scope, ctx);
        } else if (ctx instanceof P4Parser.TopLevelNameContext n) {
            return name(n.name().getText(), program.global, ctx);
        } else if (ctx instanceof P4Parser.ErrorMemberContext e) {
            String err = e.name().getText();
            int number = program.errors.indexOf(err);
            if (number < 0) {
                throw error(e.name(), "unknown error 'error." + err + "'");
            }
            return new Expr.ErrorConstant(err, number, loc);
        } else if (ctx instanceof P4Parser.ParenthesizedContext p) {
            return expression(p.expression(), scope);
        } else if (ctx instanceof P4Parser.ListExpressionContext l) {
            List<Expr> items = new ArrayList<>();
            for (P4Parser.ExpressionContext e : l.expressionList().expression()) {
                items.add(expression(e, scope));
            }
            return new Expr.ListExpr(List.copyOf(items), new P4Type.Tuple(items.stream().map(Expr::type).toList()), loc);
        } else if (ctx instanceof P4Parser.MemberContext m) {
            return member(m, scope);
        } else if (ctx instanceof P4Parser.SliceContext s) {
            return slice(s, scope);
        } else if (ctx instanceof P4Parser.IndexContext i) {
            return index(i, scope);
        } else if (ctx instanceof P4Parser.CallContext c) {
            return call(c.expression(), List.of(), c.argumentList(), scope, ctx);
        } else if (ctx instanceof P4Parser.GenericCallContext g) {
            List<P4Type> typeArgs = new ArrayList<>();
            for (P4Parser.TypeArgumentContext t : g.typeArgumentList().typeArgument()) {
                typeArgs.add(program.typeArgument(t));
            }
            return call(g.expression(), typeArgs, g.argumentList(), scope, ctx);
        } else if (ctx instanceof P4Parser.CastContext c) {
            return cast(program.resolveType(c.typeRef()), expression(c.expression(), scope), c);
        } else if (ctx instanceof P4Parser.UnaryContext u) {
            return unary(u, scope);
        } else if (ctx instanceof P4Parser.BinaryContext b) {
            return binary(binaryOp(b.op.getText()), b.expression(0), b.expression(1), scope, ctx);
        } else if (ctx instanceof P4Parser.ShiftContext s) {
            if (s.getChild(1).getText().equals(">")) {
                Token first = (Token) s.getChild(1).getPayload();
                Token second = (Token) s.getChild(2).getPayload();
                if (second.getStartIndex() != first.getStopIndex() + 1) {
                    throw error(s, "'> >' is not a shift; write '>>'");
                }
                return binary(BinaryOp.SHR, s.expression(0), s.expression(1), scope, ctx);
            }
            return binary(BinaryOp.SHL, s.expression(0), s.expression(1), scope, ctx);
        } else if (ctx instanceof P4Parser.TernaryContext t) {
            Expr cond = expression(t.expression(0), scope);
            requireBool(cond, t.expression(0), "condition of ?:");
            Expr a = expression(t.expression(1), scope);
            Expr b = expression(t.expression(2), scope);
            if (a.type() instanceof P4Type.InfInt && !(b.type() instanceof P4Type.InfInt)) {
                a = coerce(a, b.type(), t.expression(1));
            } else {
                b = coerce(b, a.type(), t.expression(2));
            }
            if (a.type() instanceof P4Type.InfInt) {
                throw error(t, "the branches of ?: need a width (e.g. 8w1)");
            }
            return new Expr.Ternary(cond, a, b, a.type(), loc);
        }
        throw error(ctx, "unsupported expression '" + ctx.getText() + "'");
    }

    Expr integerLiteral(Token t) {
        String text = t.getText().replace("_", "");
        SourceLocation loc = program.loc(t);
        P4Type type = new P4Type.InfInt();
        java.util.regex.Matcher widthPrefix = WIDTH_PREFIX.matcher(text);
        if (widthPrefix.matches()) {
            int width = Integer.parseInt(widthPrefix.group(1));
            boolean signed = widthPrefix.group(2).equals("s");
            if (width <= 0 || (signed && width < 2)) {
                throw new P4CompileException(loc, "invalid width " + width + " in literal " + t.getText());
            }
            type = new P4Type.Bits(width, signed);
            text = widthPrefix.group(3);
        }
        BigInteger v;
        String lower = text.toLowerCase();
        try {
            if (lower.startsWith("0x")) {
                v = new BigInteger(text.substring(2), 16);
            } else if (lower.startsWith("0b")) {
                v = new BigInteger(text.substring(2), 2);
            } else if (lower.startsWith("0o")) {
                v = new BigInteger(text.substring(2), 8);
            } else if (lower.startsWith("0d")) {
                v = new BigInteger(text.substring(2), 10);
            } else {
                v = new BigInteger(text, 10);
            }
        } catch (NumberFormatException e) {
            throw new P4CompileException(loc, "malformed integer literal " + t.getText());
        }
        return new Expr.Constant(ConstantFolder.wrap(v, type), type, loc);
    }

    // ------------------------------------------------------------------ names and members

    private Expr name(String name, Scope scope, ParserRuleContext ctx) {
        Object o = scope.lookup(name);
        SourceLocation loc = program.loc(ctx);
        if (o instanceof Variable v) {
            return new Expr.VarRef(v, loc);
        }
        if (o instanceof Expr.Constant c) {
            if (c.type() instanceof P4Type.Bool) {
                return new Expr.BoolConstant(c.value().signum() != 0, loc);
            }
            return new Expr.Constant(c.value(), c.type(), loc);
        }
        if (o == null) {
            throw error(ctx, "unknown name '" + name + "'");
        }
        throw error(ctx, "'" + name + "' cannot be used as a value here");
    }

    private Expr member(P4Parser.MemberContext m, Scope scope) {
        String field = m.name().getText();
        SourceLocation loc = program.loc(m);
        if (m.expression() instanceof P4Parser.NameExpressionContext n && scope.lookup(n.getText()) == null) {
            P4Type t = program.types.get(n.getText());
            if (t instanceof P4Type.Enum e) {
                if (!e.members().contains(field)) {
                    throw error(m.name(), "enum " + e.name() + " has no member '" + field + "'");
                }
                if (e.underlying() != null) {
                    return new Expr.Constant(e.values().get(field), e.underlying(), loc);
                }
                return new Expr.EnumConstant(e, field, loc);
            }
            if (t == null) {
                throw error(n, "unknown name '" + n.getText() + "'");
            }
        }
        Expr base = expression(m.expression(), scope);
        P4Type bt = base.type();
        if (base instanceof Expr.TableApply apply) {
            if (field.equals("hit") || field.equals("miss")) {
                return new Expr.TableHit(apply, field.equals("miss"), loc);
            }
            throw error(m.name(), "table apply result has no member '" + field + "' here (use hit, miss, or switch on action_run)");
        }
        if (bt instanceof P4Type.Struct s) {
            int index = s.fieldIndex(field);
            if (index < 0) {
                throw error(m.name(), s.describe() + " has no field '" + field + "'");
            }
            return new Expr.Member(base, field, index, s.fields().get(index).type(), loc);
        }
        if (bt instanceof P4Type.Stack st) {
            switch (field) {
                case "next" -> {
                    return new Expr.StackCursor(base, false, st.element(), loc);
                }
                case "last" -> {
                    return new Expr.StackCursor(base, true, st.element(), loc);
                }
                case "size" -> {
                    return new Expr.Constant(BigInteger.valueOf(st.size()), new P4Type.Bits(32, false), loc);
                }
                default -> throw error(m.name(), "header stack has no member '" + field + "'");
            }
        }
        throw error(m, "'" + m.expression().getText() + "' of type " + bt.describe() + " has no member '" + field + "'");
    }

    private Expr slice(P4Parser.SliceContext s, Scope scope) {
        Expr base = expression(s.expression(0), scope);
        if (!(base.type() instanceof P4Type.Bits b)) {
            throw error(s, "cannot slice a value of type " + base.type().describe());
        }
        int hi = constantIndex(s.expression(1), scope);
        int lo = constantIndex(s.expression(2), scope);
        if (hi < lo || hi >= b.width() || lo < 0) {
            throw error(s, "slice [" + hi + ":" + lo + "] is out of range for " + b.describe());
        }
        return new Expr.Slice(base, hi, lo, new P4Type.Bits(hi - lo + 1, false), program.loc(s));
    }

    private int constantIndex(P4Parser.ExpressionContext e, Scope scope) {
        Expr x = expression(e, scope);
        if (x instanceof Expr.Constant c) {
            return ConstantFolder.numeric(c.value(), c.type()).intValueExact();
        }
        throw error(e, "slice bounds must be compile-time constants");
    }

    private Expr index(P4Parser.IndexContext i, Scope scope) {
        Expr base = expression(i.expression(0), scope);
        if (!(base.type() instanceof P4Type.Stack st)) {
            throw error(i, "cannot index a value of type " + base.type().describe());
        }
        Expr idx = expression(i.expression(1), scope);
        if (idx instanceof Expr.Constant c) {
            BigInteger v = ConstantFolder.numeric(c.value(), c.type());
            if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(st.size())) >= 0) {
                throw error(i.expression(1), "index " + v + " is out of range for stack of size " + st.size());
            }
        } else if (!(idx.type() instanceof P4Type.Bits)) {
            throw error(i.expression(1), "stack index must be an integer, not " + idx.type().describe());
        }
        return new Expr.StackElement(base, idx, st.element(), program.loc(i));
    }

    // ------------------------------------------------------------------ operators

    private static BinaryOp binaryOp(String symbol) {
        for (BinaryOp op : BinaryOp.values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException(symbol);
    }

    private Expr unary(P4Parser.UnaryContext u, Scope scope) {
        Expr e = expression(u.expression(), scope);
        SourceLocation loc = program.loc(u);
        switch (u.op.getText()) {
            case "!" -> {
                requireBool(e, u.expression(), "operand of !");
                if (e instanceof Expr.BoolConstant b) {
                    return new Expr.BoolConstant(!b.value(), loc);
                }
                return new Expr.Unary(Expr.UnaryOp.NOT, e, BOOL, loc);
            }
            case "+" -> {
                requireNumeric(e, u.expression(), "+");
                return e;
            }
            default -> {
                Expr.UnaryOp op = u.op.getText().equals("-") ? Expr.UnaryOp.NEGATE : Expr.UnaryOp.COMPLEMENT;
                requireNumeric(e, u.expression(), u.op.getText());
                if (op == Expr.UnaryOp.COMPLEMENT && e.type() instanceof P4Type.InfInt) {
                    throw error(u, "~ needs a width (e.g. ~8w0)");
                }
                if (e instanceof Expr.Constant c) {
                    Expr.Constant f = ConstantFolder.unary(op, c);
                    return new Expr.Constant(f.value(), f.type(), loc);
                }
                return new Expr.Unary(op, e, e.type(), loc);
            }
        }
    }

    private Expr binary(BinaryOp op, P4Parser.ExpressionContext lc, P4Parser.ExpressionContext rc, Scope scope,
                        ParserRuleContext ctx) {
        Expr l = expression(lc, scope);
        Expr r = expression(rc, scope);
        SourceLocation loc = program.loc(ctx);
        switch (op) {
            case LAND, LOR -> {
                requireBool(l, lc, "operand of " + op.symbol);
                requireBool(r, rc, "operand of " + op.symbol);
                if (l instanceof Expr.BoolConstant a && r instanceof Expr.BoolConstant b) {
                    return new Expr.BoolConstant(op == BinaryOp.LAND ? a.value() && b.value() : a.value() || b.value(), loc);
                }
                return new Expr.Binary(op, l, r, BOOL, loc);
            }
            case EQ, NE -> {
                Expr[] pair = unify(l, r, lc, rc, op);
                if (pair[0].type() instanceof P4Type.Struct || pair[0].type() instanceof P4Type.Stack) {
                    throw error(ctx, "comparing " + pair[0].type().describe() + " values is not supported");
                }
                if (pair[0] instanceof Expr.Constant a && pair[1] instanceof Expr.Constant b) {
                    return new Expr.BoolConstant(a.value().equals(b.value()) == (op == BinaryOp.EQ), loc);
                }
                return new Expr.Binary(op, pair[0], pair[1], BOOL, loc);
            }
            case LT, LE, GT, GE -> {
                requireNumeric(l, lc, op.symbol);
                requireNumeric(r, rc, op.symbol);
                Expr[] pair = unify(l, r, lc, rc, op);
                return new Expr.Binary(op, pair[0], pair[1], BOOL, loc);
            }
            case SHL, SHR -> {
                requireNumeric(l, lc, op.symbol);
                requireNumeric(r, rc, op.symbol);
                if (r.type() instanceof P4Type.Bits rb && rb.signed()) {
                    throw error(rc, "shift amount must be unsigned, not " + rb.describe());
                }
                if (r instanceof Expr.Constant rc2 && rc2.value().signum() < 0) {
                    throw error(rc, "negative shift amount");
                }
                if (l.type() instanceof P4Type.InfInt && !(r instanceof Expr.Constant)) {
                    throw error(lc, "left operand of a shift by a non-constant amount needs a width");
                }
                if (l instanceof Expr.Constant a && r instanceof Expr.Constant b) {
                    int amount = b.value().min(BigInteger.valueOf(4096)).intValue();
                    return ConstantFolder.binary(op, a, new Expr.Constant(BigInteger.valueOf(amount), b.type(), b.location()),
                            l.type());
                }
                return new Expr.Binary(op, l, r, l.type(), loc);
            }
            case CONCAT -> {
                if (!(l.type() instanceof P4Type.Bits a) || !(r.type() instanceof P4Type.Bits b)) {
                    throw error(ctx, "++ needs two fixed-width operands, got " + l.type().describe() + " and "
                            + r.type().describe());
                }
                return new Expr.Binary(op, l, r, new P4Type.Bits(a.width() + b.width(), a.signed()), loc);
            }
            default -> {
                requireNumeric(l, lc, op.symbol);
                requireNumeric(r, rc, op.symbol);
                Expr[] pair = unify(l, r, lc, rc, op);
                P4Type t = pair[0].type();
                if ((op == BinaryOp.DIV || op == BinaryOp.MOD) && t instanceof P4Type.Bits b && b.signed()) {
                    throw error(ctx, "operator " + op.symbol + " is not supported on signed values (" + b.describe() + ")");
                }
                if ((op == BinaryOp.SAT_ADD || op == BinaryOp.SAT_SUB) && t instanceof P4Type.InfInt) {
                    throw error(ctx, "saturating " + op.symbol + " needs a width");
                }
                if (pair[0] instanceof Expr.Constant a && pair[1] instanceof Expr.Constant b) {
                    if ((op == BinaryOp.DIV || op == BinaryOp.MOD) && b.value().signum() == 0) {
                        throw error(rc, "division by zero");
                    }
                    Expr.Constant f = ConstantFolder.binary(op, a, b, t);
                    return new Expr.Constant(f.value(), t, loc);
                }
                return new Expr.Binary(op, pair[0], pair[1], t, loc);
            }
        }
    }

    /** Gives two operands one type: a literal takes the other side's type; otherwise types must match. */
    private Expr[] unify(Expr l, Expr r, ParserRuleContext lc, ParserRuleContext rc, BinaryOp op) {
        if (l.type() instanceof P4Type.InfInt && !(r.type() instanceof P4Type.InfInt)) {
            return new Expr[] {coerce(l, r.type(), lc), r};
        }
        if (r.type() instanceof P4Type.InfInt && !(l.type() instanceof P4Type.InfInt)) {
            return new Expr[] {l, coerce(r, l.type(), rc)};
        }
        if (!l.type().equals(r.type())) {
            String what = l.type() instanceof P4Type.Bits && r.type() instanceof P4Type.Bits ? "width mismatch" : "type mismatch";
            throw error(lc.getParent() != null ? lc.getParent() : lc, what + ": " + l.type().describe()
                    + " " + op.symbol + " " + r.type().describe() + " (cast one side)");
        }
        return new Expr[] {l, r};
    }

    private Expr cast(P4Type to, Expr e, ParserRuleContext ctx) {
        P4Type from = e.type();
        SourceLocation loc = program.loc(ctx);
        if (from.equals(to)) {
            return e;
        }
        if (to instanceof P4Type.Bits tb) {
            if (e instanceof Expr.Constant c) {
                BigInteger v = ConstantFolder.numeric(c.value(), c.type());
                return new Expr.Constant(ConstantFolder.wrap(v, tb), tb, loc);
            }
            if (from instanceof P4Type.Bits fb) {
                if (fb.signed() != tb.signed() && fb.width() != tb.width()) {
                    // p4c allows this only in two steps; accept it as its composition.
                    return new Expr.Cast(to, new Expr.Cast(new P4Type.Bits(fb.width(), tb.signed()), e, loc), loc);
                }
                return new Expr.Cast(to, e, loc);
            }
            if (from instanceof P4Type.Bool && tb.width() == 1 && !tb.signed()) {
                return new Expr.Cast(to, e, loc);
            }
            if (from instanceof P4Type.Enum en && en.underlying() != null) {
                return new Expr.Cast(to, e, loc);
            }
        }
        if (to instanceof P4Type.Bool && from instanceof P4Type.Bits fb && fb.width() == 1 && !fb.signed()) {
            if (e instanceof Expr.Constant c) {
                return new Expr.BoolConstant(c.value().signum() != 0, loc);
            }
            return new Expr.Cast(to, e, loc);
        }
        throw error(ctx, "cannot cast " + from.describe() + " to " + to.describe());
    }

    // ------------------------------------------------------------------ calls

    private Expr call(P4Parser.ExpressionContext callee, List<P4Type> typeArgs, P4Parser.ArgumentListContext argList,
                      Scope scope, ParserRuleContext ctx) {
        SourceLocation loc = program.loc(ctx);
        List<P4Parser.ExpressionContext> argCtxs = new ArrayList<>();
        for (P4Parser.ArgumentContext a : argList.argument()) {
            if (a.expression() == null || a.name() != null) {
                throw error(a, "named or '_' arguments are not supported");
            }
            argCtxs.add(a.expression());
        }
        if (callee instanceof P4Parser.NameExpressionContext n) {
            String name = n.getText();
            Object o = scope.lookup(name);
            if (o instanceof ActionDecl action) {
                return actionInvocation(action, argCtxs, scope, ctx);
            }
            if (o instanceof ExternDecl decl && decl.isFunction()) {
                return externCall(null, decl, name, typeArgs, argCtxs, scope, ctx);
            }
            if (o == null) {
                throw error(callee, "unknown function or action '" + name + "'");
            }
            throw error(callee, "'" + name + "' is not callable");
        }
        if (!(callee instanceof P4Parser.MemberContext m)) {
            throw error(callee, "'" + callee.getText() + "' is not callable");
        }
        String method = m.name().getText();
        if (m.expression() instanceof P4Parser.NameExpressionContext n) {
            Object o = scope.lookup(n.getText());
            if (o instanceof TableDecl table) {
                if (!method.equals("apply") || !argCtxs.isEmpty()) {
                    throw error(m.name(), "tables only have apply()");
                }
                return new Expr.TableApply(table, loc);
            }
            if (o instanceof ExternInstance inst) {
                return externCall(inst, inst.type().decl(), method, typeArgs, argCtxs, scope, ctx);
            }
        }
        Expr target = expression(m.expression(), scope);
        P4Type t = target.type();
        if (t instanceof P4Type.Extern ext && (ext.decl().name().equals("packet_in") || ext.decl().name().equals("packet_out"))) {
            return packetCall(target, ext.decl(), method, typeArgs, argCtxs, scope, ctx);
        }
        if (t instanceof P4Type.Struct s && (s.isHeader() || s.kind() == P4Type.Struct.Kind.HEADER_UNION)) {
            switch (method) {
                case "isValid" -> {
                    requireArgs(argCtxs, 0, ctx, method);
                    return new Expr.IsValid(target, loc);
                }
                case "setValid", "setInvalid" -> {
                    requireArgs(argCtxs, 0, ctx, method);
                    requireWritable(target, m.expression());
                    if (!s.isHeader()) {
                        throw error(ctx, method + " applies to headers, not " + s.describe());
                    }
                    return new Expr.HeaderOp(method.equals("setValid") ? Expr.HeaderOp.Kind.SET_VALID
                            : Expr.HeaderOp.Kind.SET_INVALID, target, 0, loc);
                }
                default -> throw error(m.name(), s.describe() + " has no method '" + method + "'");
            }
        }
        if (t instanceof P4Type.Stack && (method.equals("push_front") || method.equals("pop_front"))) {
            requireArgs(argCtxs, 1, ctx, method);
            requireWritable(target, m.expression());
            Expr n = expression(argCtxs.get(0), scope);
            if (!(n instanceof Expr.Constant c) || c.value().signum() <= 0) {
                throw error(argCtxs.get(0), method + " needs a positive constant count");
            }
            return new Expr.HeaderOp(method.equals("push_front") ? Expr.HeaderOp.Kind.PUSH_FRONT
                    : Expr.HeaderOp.Kind.POP_FRONT, target, c.value().intValueExact(), loc);
        }
        throw error(m.name(), "'" + m.expression().getText() + "' of type " + t.describe() + " has no method '" + method + "'");
    }

    private void requireArgs(List<?> args, int n, ParserRuleContext ctx, String what) {
        if (args.size() != n) {
            throw error(ctx, what + " takes " + n + " arguments, got " + args.size());
        }
    }

    private Expr actionInvocation(ActionDecl action, List<P4Parser.ExpressionContext> argCtxs, Scope scope,
                                  ParserRuleContext ctx) {
        List<Variable> params = action.parameters();
        if (argCtxs.size() != params.size()) {
            throw error(ctx, "action " + action.name() + " takes " + params.size() + " arguments, got " + argCtxs.size());
        }
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Variable p = params.get(i);
            Expr a = coerce(expression(argCtxs.get(i), scope), p.type(), argCtxs.get(i));
            if (p.direction().writable()) {
                requireWritable(a, argCtxs.get(i));
            }
            args.add(a);
        }
        return new Expr.ActionInvocation(action, List.copyOf(args), program.loc(ctx));
    }

    private Expr externCall(ExternInstance inst, ExternDecl decl, String method, List<P4Type> typeArgs,
                            List<P4Parser.ExpressionContext> argCtxs, Scope scope, ParserRuleContext ctx) {
        List<ExternDecl.Method> overloads = decl.overloads(method, argCtxs.size());
        if (overloads.isEmpty()) {
            boolean exists = decl.methods().stream().anyMatch(x -> x.name().equals(method));
            throw error(ctx, exists ? (inst == null ? "" : "method ") + method + " does not take " + argCtxs.size() + " arguments"
                    : "extern " + decl.name() + " has no method '" + method + "'");
        }
        ExternDecl.Method sig = overloads.get(0);
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < argCtxs.size(); i++) {
            Variable p = sig.parameters().get(i);
            Expr a = expression(argCtxs.get(i), scope);
            P4Type want = substitute(p.type(), inst, decl);
            if (!(want instanceof P4Type.TypeVar)) {
                a = coerce(a, want, argCtxs.get(i));
            } else if (a.type() instanceof P4Type.InfInt && p.direction() != Direction.NONE
                    && !(sig.name().equals("hash") || sig.name().equals("random"))) {
                throw error(argCtxs.get(i), "argument " + (i + 1) + " of " + method + " needs a width (e.g. 32w" + a + ")");
            }
            if (p.direction().writable()) {
                requireWritable(a, argCtxs.get(i));
            }
            args.add(a);
        }
        if (inst == null && method.equals("digest") && typeArgs.size() == 1 && args.size() == 2) {
            args.set(1, digestData(args.get(1), typeArgs.get(0), argCtxs.get(1)));
        }
        checkExternSpecifics(sig.name(), args, argCtxs, ctx);
        P4Type ret = substitute(sig.returnType(), inst, decl);
        return new Expr.ExternCall(inst, method, List.copyOf(args), ret, program.loc(ctx));
    }

    /**
     * The data of {@code digest<T>(receiver, data)} for a struct {@code T}: p4c gives the data type T (and
     * names the digest after it), so a list {@code {a, b}} becomes a list of T's type, each item converted
     * to its field's type. Other type arguments leave the data as it is.
     */
    private Expr digestData(Expr data, P4Type type, ParserRuleContext ctx) {
        if (!(type instanceof P4Type.Struct struct)) {
            return data;
        }
        if (!(data instanceof Expr.ListExpr list)) {
            return coerce(data, struct, ctx);
        }
        if (list.items().size() != struct.fields().size()) {
            throw error(ctx, "digest data has " + list.items().size() + " fields but " + struct.describe()
                    + " has " + struct.fields().size());
        }
        List<Expr> items = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            items.add(coerce(list.items().get(i), struct.fields().get(i).type(), ctx));
        }
        return new Expr.ListExpr(List.copyOf(items), struct, list.location());
    }

    private void checkExternSpecifics(String function, List<Expr> args, List<P4Parser.ExpressionContext> argCtxs,
                                      ParserRuleContext ctx) {
        switch (function) {
            case "hash" -> {
                if (!(args.get(0).type() instanceof P4Type.Bits)) {
                    throw error(argCtxs.get(0), "hash result must be bit<W>");
                }
                requireList(args.get(3), argCtxs.get(3), "hash data");
            }
            case "verify_checksum", "update_checksum", "verify_checksum_with_payload", "update_checksum_with_payload" ->
                    requireList(args.get(1), argCtxs.get(1), function + " data");
            case "random" -> {
                if (!(args.get(0).type() instanceof P4Type.Bits)) {
                    throw error(argCtxs.get(0), "random result must be bit<W>");
                }
            }
            default -> { }
        }
    }

    private void requireList(Expr e, ParserRuleContext ctx, String what) {
        if (!(e instanceof Expr.ListExpr) && !(e.type() instanceof P4Type.Struct)) {
            throw error(ctx, what + " must be a list { ... } or a struct");
        }
    }

    /** Replaces the extern's own type parameters with the instance's type arguments. */
    private P4Type substitute(P4Type t, ExternInstance inst, ExternDecl decl) {
        if (t instanceof P4Type.TypeVar v && inst != null) {
            int i = decl.typeParameters().indexOf(v.name());
            if (i >= 0 && i < inst.type().typeArguments().size()) {
                return inst.type().typeArguments().get(i);
            }
        }
        return t;
    }

    private Expr packetCall(Expr target, ExternDecl decl, String method, List<P4Type> typeArgs,
                            List<P4Parser.ExpressionContext> argCtxs, Scope scope, ParserRuleContext ctx) {
        SourceLocation loc = program.loc(ctx);
        boolean in = decl.name().equals("packet_in");
        List<Expr> args = new ArrayList<>();
        for (P4Parser.ExpressionContext a : argCtxs) {
            args.add(expression(a, scope));
        }
        switch (in ? method : "out." + method) {
            case "extract" -> {
                if (args.isEmpty() || args.size() > 2) {
                    throw error(ctx, "extract takes 1 or 2 arguments, got " + args.size());
                }
                Expr h = args.get(0);
                requireWritable(h, argCtxs.get(0));
                if (!(h.type() instanceof P4Type.Struct s && s.isHeader())) {
                    throw error(argCtxs.get(0), "extract needs a header, not " + h.type().describe());
                }
                boolean hasVarbit = s.fields().stream().anyMatch(f -> f.type() instanceof P4Type.Varbit);
                if (hasVarbit != (args.size() == 2)) {
                    throw error(ctx, hasVarbit ? "header " + s.name() + " has a varbit field: extract needs its size in bits"
                            : "two-argument extract needs a header with a varbit field");
                }
                if (args.size() == 2) {
                    args.set(1, coerce(args.get(1), new P4Type.Bits(32, false), argCtxs.get(1)));
                }
                return new Expr.PacketCall("extract", target, List.copyOf(args), null, new P4Type.Void(), loc);
            }
            case "lookahead" -> {
                if (typeArgs.size() != 1 || !args.isEmpty()) {
                    throw error(ctx, "lookahead needs one type argument and no arguments");
                }
                P4Type t = typeArgs.get(0);
                if (!(t instanceof P4Type.Bits || (t instanceof P4Type.Struct s && s.isHeader()))) {
                    throw error(ctx, "lookahead of " + t.describe() + " is not supported");
                }
                return new Expr.PacketCall("lookahead", target, List.of(), t, t, loc);
            }
            case "advance" -> {
                requireArgs(args, 1, ctx, "advance");
                args.set(0, coerce(args.get(0), new P4Type.Bits(32, false), argCtxs.get(0)));
                return new Expr.PacketCall("advance", target, List.copyOf(args), null, new P4Type.Void(), loc);
            }
            case "length" -> {
                requireArgs(args, 0, ctx, "length");
                return new Expr.PacketCall("length", target, List.of(), null, new P4Type.Bits(32, false), loc);
            }
            case "out.emit" -> {
                requireArgs(args, 1, ctx, "emit");
                P4Type t = args.get(0).type();
                if (!(t instanceof P4Type.Struct || t instanceof P4Type.Stack)) {
                    throw error(argCtxs.get(0), "emit needs a header, stack or struct of headers, not " + t.describe());
                }
                return new Expr.PacketCall("emit", target, List.copyOf(args), null, new P4Type.Void(), loc);
            }
            default -> throw error(ctx, decl.name() + " has no method '" + method + "'");
        }
    }

    // ------------------------------------------------------------------ checks shared with statements

    /** Converts {@code e} to {@code type} if it is a literal, else requires the types to be equal. */
    Expr coerce(Expr e, P4Type type, ParserRuleContext ctx) {
        if (e.type().equals(type) || type instanceof P4Type.TypeVar) {
            return e;
        }
        if (e instanceof Expr.Constant c && c.type() instanceof P4Type.InfInt && type instanceof P4Type.Bits b) {
            return new Expr.Constant(ConstantFolder.wrap(c.value(), b), b, c.location());
        }
        if (e instanceof Expr.Constant c && c.type() instanceof P4Type.InfInt && type instanceof P4Type.InfInt) {
            return e;
        }
        String what = e.type() instanceof P4Type.Bits && type instanceof P4Type.Bits ? "width mismatch" : "type mismatch";
        throw error(ctx, what + ": expected " + type.describe() + ", got " + e.type().describe()
                + " ('" + ctx.getText() + "')");
    }

    /** The unsigned bits of a constant expression (used for keysets and entry values). */
    BigInteger constantBits(Expr x, ParserRuleContext ctx) {
        if (x instanceof Expr.Constant c) {
            return c.value();
        }
        if (x instanceof Expr.BoolConstant b) {
            return b.value() ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (x instanceof Expr.ErrorConstant e) {
            return BigInteger.valueOf(e.number());
        }
        throw error(ctx, "'" + ctx.getText() + "' is not a compile-time constant");
    }

    void requireWritable(Expr target, ParserRuleContext ctx) {
        Expr root = target;
        while (true) {
            if (root instanceof Expr.Member m) {
                root = m.base();
            } else if (root instanceof Expr.StackElement s) {
                root = s.stack();
            } else if (root instanceof Expr.StackCursor s) {
                root = s.stack();
            } else if (root instanceof Expr.Slice s) {
                root = s.base();
            } else {
                break;
            }
        }
        if (!(root instanceof Expr.VarRef v)) {
            throw error(ctx, "'" + ctx.getText() + "' cannot be assigned to (not an l-value)");
        }
        Variable var = v.variable();
        if (var.isParameter() && !var.direction().writable()) {
            throw error(ctx, "cannot assign to '" + ctx.getText() + "': '" + var.name() + "' is "
                    + (var.direction() == Direction.IN ? "an 'in' parameter" : "a directionless (read-only) action parameter"));
        }
    }

    private void requireBool(Expr e, ParserRuleContext ctx, String what) {
        if (!(e.type() instanceof P4Type.Bool)) {
            throw error(ctx, what + " must be bool, not " + e.type().describe());
        }
    }

    private void requireNumeric(Expr e, ParserRuleContext ctx, String op) {
        if (!(e.type() instanceof P4Type.Bits || e.type() instanceof P4Type.InfInt)) {
            throw error(ctx, "operator " + op + " needs integer operands, not " + e.type().describe());
        }
    }
}
