package org.metrofabric.p4sim.ir;

import java.math.BigInteger;
import java.util.List;

/** Typed, resolved expressions. Every node knows its type and source location. */
public sealed interface Expr {
    P4Type type();

    SourceLocation location();

    /** Integer constant of a fixed-width type or of the literal type {@link P4Type.InfInt}. */
    record Constant(BigInteger value, P4Type type, SourceLocation location) implements Expr { }

    record BoolConstant(boolean value, SourceLocation location) implements Expr {
        public P4Type type() {
            return new P4Type.Bool();
        }
    }

    record StringConstant(String value, SourceLocation location) implements Expr {
        public P4Type type() {
            return new P4Type.Str();
        }
    }

    /** {@code error.NAME}; {@code number} is its position in the program's error list. */
    record ErrorConstant(String name, int number, SourceLocation location) implements Expr {
        public P4Type type() {
            return new P4Type.Error();
        }
    }

    record EnumConstant(P4Type.Enum type, String member, SourceLocation location) implements Expr { }

    record VarRef(Variable variable, SourceLocation location) implements Expr {
        public P4Type type() {
            return variable.type();
        }
    }

    /** {@code base.field} of a header, union or struct. */
    record Member(Expr base, String field, int fieldIndex, P4Type type, SourceLocation location) implements Expr { }

    /** {@code stack[index]}. */
    record StackElement(Expr stack, Expr index, P4Type type, SourceLocation location) implements Expr { }

    /** {@code stack.next} ({@code last} false) or {@code stack.last}. */
    record StackCursor(Expr stack, boolean last, P4Type type, SourceLocation location) implements Expr { }

    /** {@code e[high:low]}. */
    record Slice(Expr base, int high, int low, P4Type type, SourceLocation location) implements Expr { }

    enum UnaryOp { NOT, COMPLEMENT, NEGATE }

    record Unary(UnaryOp op, Expr operand, P4Type type, SourceLocation location) implements Expr { }

    enum BinaryOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), SAT_ADD("|+|"), SAT_SUB("|-|"),
        SHL("<<"), SHR(">>"), AND("&"), OR("|"), XOR("^"), CONCAT("++"),
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), LAND("&&"), LOR("||");

        public final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }
    }

    record Binary(BinaryOp op, Expr left, Expr right, P4Type type, SourceLocation location) implements Expr { }

    record Cast(P4Type type, Expr operand, SourceLocation location) implements Expr { }

    record Ternary(Expr condition, Expr ifTrue, Expr ifFalse, P4Type type, SourceLocation location) implements Expr { }

    /** {@code { a, b, c }} as passed to hash, checksums, digest. */
    record ListExpr(List<Expr> items, P4Type type, SourceLocation location) implements Expr { }

    /** {@code h.isValid()}. */
    record IsValid(Expr header, SourceLocation location) implements Expr {
        public P4Type type() {
            return new P4Type.Bool();
        }
    }

    /** {@code h.setValid()}, {@code h.setInvalid()}, {@code s.push_front(n)}, {@code s.pop_front(n)}. */
    record HeaderOp(Kind kind, Expr target, int count, SourceLocation location) implements Expr {
        public enum Kind { SET_VALID, SET_INVALID, PUSH_FRONT, POP_FRONT }

        public P4Type type() {
            return new P4Type.Void();
        }
    }

    /** A packet_in/packet_out method: extract (1 or 2 args), lookahead, advance, length, emit. */
    record PacketCall(String method, Expr packet, List<Expr> arguments, P4Type typeArgument, P4Type type,
                      SourceLocation location) implements Expr { }

    /**
     * A call of an extern function ({@code instance} null, {@code function} its name) or of a method
     * of an extern instance ({@code function} the method name).
     */
    record ExternCall(ExternInstance instance, String function, List<Expr> arguments, P4Type type,
                      SourceLocation location) implements Expr { }

    /** {@code t.apply()}; its result type is {@link P4Type.TableResult}. */
    record TableApply(TableDecl table, SourceLocation location) implements Expr {
        public P4Type type() {
            return new P4Type.TableResult(table);
        }
    }

    /** {@code t.apply().hit} ({@code miss} false) or {@code t.apply().miss}. */
    record TableHit(TableApply apply, boolean miss, SourceLocation location) implements Expr {
        public P4Type type() {
            return new P4Type.Bool();
        }
    }

    /** A direct call of an action with all its arguments. */
    record ActionInvocation(ActionDecl action, List<Expr> arguments, SourceLocation location) implements Expr {
        public P4Type type() {
            return new P4Type.Void();
        }
    }
}
