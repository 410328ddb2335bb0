package org.metrofabric.p4sim.typecheck;

import java.math.BigInteger;
import org.metrofabric.p4sim.ir.Expr;
import org.metrofabric.p4sim.ir.P4Type;

/**
 * Compile-time arithmetic on constants with P4's semantics: results of bit&lt;W&gt; are masked,
 * int&lt;W&gt; wrap in two's complement, literals of type int are exact. Values of fixed-width
 * constants are kept as their unsigned bit pattern.
 */
public final class ConstantFolder {
    private ConstantFolder() {
    }

    /** The unsigned bit pattern of {@code v} in {@code type} (exact value for int literals). */
    public static BigInteger wrap(BigInteger v, P4Type type) {
        if (type instanceof P4Type.Bits b) {
            return v.and(BigInteger.ONE.shiftLeft(b.width()).subtract(BigInteger.ONE));
        }
        return v;
    }

    /** The numeric value of a stored constant: signed types sign-extended. */
    public static BigInteger numeric(BigInteger bits, P4Type type) {
        if (type instanceof P4Type.Bits b && b.signed() && bits.testBit(b.width() - 1)) {
            return bits.subtract(BigInteger.ONE.shiftLeft(b.width()));
        }
        return bits;
    }

    static Expr.Constant unary(Expr.UnaryOp op, Expr.Constant c) {
        BigInteger v = numeric(c.value(), c.type());
        BigInteger r = switch (op) {
            case NEGATE -> v.negate();
            case COMPLEMENT -> v.not();
            case NOT -> throw new IllegalArgumentException("! on an integer");
        };
        return new Expr.Constant(wrap(r, c.type()), c.type(), c.location());
    }

    /** Folds an arithmetic/bitwise binary operation on two constants of the same type. */
    static Expr.Constant binary(Expr.BinaryOp op, Expr.Constant l, Expr.Constant r, P4Type type) {
        BigInteger a = numeric(l.value(), l.type());
        BigInteger b = numeric(r.value(), r.type());
        BigInteger v = switch (op) {
            case ADD -> a.add(b);
            case SUB -> a.subtract(b);
            case MUL -> a.multiply(b);
            case DIV -> a.divide(b);
            case MOD -> a.mod(b);
            case AND -> a.and(b);
            case OR -> a.or(b);
            case XOR -> a.xor(b);
            case SHL -> a.shiftLeft(b.intValueExact());
            case SHR -> a.shiftRight(b.intValueExact());
            case SAT_ADD, SAT_SUB -> saturate(op == Expr.BinaryOp.SAT_ADD ? a.add(b) : a.subtract(b), type);
            default -> throw new IllegalArgumentException("not foldable: " + op);
        };
        return new Expr.Constant(wrap(v, type), type, l.location());
    }

    private static BigInteger saturate(BigInteger v, P4Type type) {
        if (!(type instanceof P4Type.Bits b)) {
            return v;
        }
        BigInteger min = b.signed() ? BigInteger.ONE.shiftLeft(b.width() - 1).negate() : BigInteger.ZERO;
        BigInteger max = b.signed() ? BigInteger.ONE.shiftLeft(b.width() - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(b.width()).subtract(BigInteger.ONE);
        return v.max(min).min(max);
    }
}
