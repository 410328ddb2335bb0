package org.metrofabric.p4sim.interp;

import java.math.BigInteger;
import org.metrofabric.p4sim.ir.Expr.BinaryOp;
import org.metrofabric.p4sim.ir.Expr.UnaryOp;
import org.metrofabric.p4sim.ir.P4Type;

/**
 * P4 operators as BMv2 evaluates them (V1MODEL-SEMANTICS section 9): bit&lt;W&gt; results masked,
 * int&lt;W&gt; two's complement, saturating ops clamp the exact result, shifts by W or more give 0
 * (arithmetic shift of a negative int gives -1). Values up to 64 bits use long arithmetic.
 */
final class Operators {
    private Operators() {
    }

    static Ev unary(UnaryOp op, Ev a) {
        int w = a.width;
        if (a.wide) {
            BigInteger m = Ev.bigMask(w);
            return new Ev(w, a.signed, true) {
                @Override
                public BigInteger b(Frame f) {
                    return op == UnaryOp.NEGATE ? a.b(f).negate().and(m) : a.b(f).xor(m);
                }
            };
        }
        long m = Ev.mask(w);
        return switch (op) {
            case NOT -> new Ev(1, false, false) {
                @Override
                public long l(Frame f) {
                    return a.l(f) ^ 1;
                }
            };
            case NEGATE -> new Ev(w, a.signed, false) {
                @Override
                public long l(Frame f) {
                    return -a.l(f) & m;
                }
            };
            case COMPLEMENT -> new Ev(w, a.signed, false) {
                @Override
                public long l(Frame f) {
                    return ~a.l(f) & m;
                }
            };
        };
    }

    static Ev binary(BinaryOp op, Ev a, Ev b, P4Type resultType) {
        if (op == BinaryOp.LAND) {
            return new Ev(1, false, false) {
                @Override
                public long l(Frame f) {
                    return a.l(f) != 0 && b.l(f) != 0 ? 1 : 0;
                }
            };
        }
        if (op == BinaryOp.LOR) {
            return new Ev(1, false, false) {
                @Override
                public long l(Frame f) {
                    return a.l(f) != 0 || b.l(f) != 0 ? 1 : 0;
                }
            };
        }
        int w = resultType instanceof P4Type.Bits bits ? bits.width() : a.width;
        boolean comparison = op == BinaryOp.EQ || op == BinaryOp.NE || op == BinaryOp.LT || op == BinaryOp.LE
                || op == BinaryOp.GT || op == BinaryOp.GE;
        if (a.wide || b.wide || (!comparison && w > 64)) {
            return wide(op, a, b, comparison ? 1 : w, comparison);
        }
        long m = Ev.mask(w);
        boolean signed = a.signed;
        int aw = a.width;
        return switch (op) {
            case ADD -> new Ev(w, signed, false) {
                @Override
                public long l(Frame f) {
                    return (a.l(f) + b.l(f)) & m;
                }
            };
            case SUB -> new Ev(w, signed, false) {
                @Override
                public long l(Frame f) {
                    return (a.l(f) - b.l(f)) & m;
                }
            };
            case MUL -> new Ev(w, signed, false) {
                @Override
                public long l(Frame f) {
                    return (a.l(f) * b.l(f)) & m;
                }
            };
            case DIV -> new Ev(w, signed, false) {
                @Override
                public long l(Frame f) {
                    long d = b.l(f);
                    return d == 0 ? 0 : Long.divideUnsigned(a.l(f), d) & m;
                }
            };
            case MOD -> new Ev(w, signed, false) {
                @Override
                public long l(Frame f) {
                    long d = b.l(f);
                    return d == 0 ? 0 : Long.remainderUnsigned(a.l(f), d) & m;
                }
            };
            case SAT_ADD, SAT_SUB -> w < 64 ? saturating(op == BinaryOp.SAT_ADD, a, b, w, signed)
                    : wide(op, a, b, w, false);
            case SHL -> new Ev(w, signed, false) {
                @Override
                public long l(Frame f) {
                    long n = b.l(f);
                    return n < 0 || n >= w ? 0 : (a.l(f) << n) & m;
                }
            };
            case SHR -> signed ? new Ev(w, true, false) {
                @Override
                public long l(Frame f) {
                    long n = b.l(f);
                    long v = Ev.signExtend(a.l(f), w);
                    return (v >> (n < 0 || n >= 64 ? 63 : n)) & m;
                }
            } : new Ev(w, false, false) {
                @Override
                public long l(Frame f) {
                    long n = b.l(f);
                    return n < 0 || n >= w ? 0 : a.l(f) >>> n;
                }
            };
            case AND -> new Ev(w, signed, false) {
                @Override
                public long l(Frame f) {
                    return a.l(f) & b.l(f);
                }
            };
            case OR -> new Ev(w, signed, false) {
                @Override
                public long l(Frame f) {
                    return a.l(f) | b.l(f);
                }
            };
            case XOR -> new Ev(w, signed, false) {
                @Override
                public long l(Frame f) {
                    return a.l(f) ^ b.l(f);
                }
            };
            case CONCAT -> {
                int bw = b.width;
                yield new Ev(w, signed, false) {
                    @Override
                    public long l(Frame f) {
                        return (a.l(f) << bw) | b.l(f);
                    }
                };
            }
            case EQ -> new Ev(1, false, false) {
                @Override
                public long l(Frame f) {
                    return a.l(f) == b.l(f) ? 1 : 0;
                }
            };
            case NE -> new Ev(1, false, false) {
                @Override
                public long l(Frame f) {
                    return a.l(f) != b.l(f) ? 1 : 0;
                }
            };
            default -> compare(op, a, b, signed, aw);
        };
    }

    // Inside the anonymous Ev classes below, Ev's own fields (width, signed) shadow outer locals, so the
    // operand properties get distinct names.
    private static Ev compare(BinaryOp op, Ev a, Ev b, boolean operandsSigned, int operandWidth) {
        return new Ev(1, false, false) {
            @Override
            public long l(Frame f) {
                long x = a.l(f);
                long y = b.l(f);
                int c = operandsSigned
                        ? Long.compare(Ev.signExtend(x, operandWidth), Ev.signExtend(y, operandWidth))
                        : Long.compareUnsigned(x, y);
                boolean r = switch (op) {
                    case LT -> c < 0;
                    case LE -> c <= 0;
                    case GT -> c > 0;
                    default -> c >= 0;
                };
                return r ? 1 : 0;
            }
        };
    }

    private static Ev saturating(boolean add, Ev a, Ev b, int w, boolean signed) {
        long m = Ev.mask(w);
        long max = signed ? (1L << (w - 1)) - 1 : m;
        long min = signed ? -(1L << (w - 1)) : 0;
        return new Ev(w, signed, false) {
            @Override
            public long l(Frame f) {
                long x = signed ? Ev.signExtend(a.l(f), w) : a.l(f);
                long y = signed ? Ev.signExtend(b.l(f), w) : b.l(f);
                long r = add ? x + y : x - y;
                return Math.max(min, Math.min(max, r)) & m;
            }
        };
    }

    /** The same operators on BigInteger, for operands or results wider than 64 bits. */
    private static Ev wide(BinaryOp op, Ev a, Ev b, int w, boolean comparison) {
        BigInteger m = Ev.bigMask(Math.max(w, 1));
        boolean operandsSigned = a.signed;
        int aw = a.width;
        int bw = b.width;
        Ev result = new Ev(w, operandsSigned && !comparison, !comparison && w > 64) {
            @Override
            public BigInteger b(Frame f) {
                BigInteger x = a.b(f);
                BigInteger y = b.b(f);
                BigInteger sx = operandsSigned ? signedValue(x, aw) : x;
                BigInteger sy = operandsSigned ? signedValue(y, aw) : y;
                return switch (op) {
                    case ADD -> x.add(y).and(m);
                    case SUB -> x.subtract(y).and(m);
                    case MUL -> x.multiply(y).and(m);
                    case DIV -> y.signum() == 0 ? BigInteger.ZERO : x.divide(y).and(m);
                    case MOD -> y.signum() == 0 ? BigInteger.ZERO : x.mod(y).and(m);
                    case SAT_ADD, SAT_SUB -> {
                        BigInteger r = op == BinaryOp.SAT_ADD ? sx.add(sy) : sx.subtract(sy);
                        BigInteger max = operandsSigned ? BigInteger.ONE.shiftLeft(w - 1).subtract(BigInteger.ONE) : m;
                        BigInteger min = operandsSigned ? BigInteger.ONE.shiftLeft(w - 1).negate() : BigInteger.ZERO;
                        yield r.max(min).min(max).and(m);
                    }
                    case SHL -> y.compareTo(BigInteger.valueOf(w)) >= 0 ? BigInteger.ZERO : x.shiftLeft(y.intValue()).and(m);
                    case SHR -> y.compareTo(BigInteger.valueOf(w)) >= 0 ? (operandsSigned && sx.signum() < 0 ? m : BigInteger.ZERO)
                            : sx.shiftRight(y.intValue()).and(m);
                    case AND -> x.and(y);
                    case OR -> x.or(y);
                    case XOR -> x.xor(y);
                    case CONCAT -> x.shiftLeft(bw).or(y);
                    case EQ -> x.equals(y) ? BigInteger.ONE : BigInteger.ZERO;
                    case NE -> x.equals(y) ? BigInteger.ZERO : BigInteger.ONE;
                    default -> {
                        int c = sx.compareTo(sy);
                        boolean r = switch (op) {
                            case LT -> c < 0;
                            case LE -> c <= 0;
                            case GT -> c > 0;
                            default -> c >= 0;
                        };
                        yield r ? BigInteger.ONE : BigInteger.ZERO;
                    }
                };
            }

            @Override
            public long l(Frame f) {
                return b(f).longValue();
            }
        };
        return result;
    }

    private static BigInteger signedValue(BigInteger v, int width) {
        return v.testBit(width - 1) ? v.subtract(BigInteger.ONE.shiftLeft(width)) : v;
    }
}
